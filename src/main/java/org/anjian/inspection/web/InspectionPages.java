package org.anjian.inspection.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.InspectionStatus;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.inspection.internal.InspectionEvidence;
import org.anjian.inspection.internal.InspectionHistory;
import org.anjian.inspection.internal.InspectionRecords;
import org.anjian.inspection.internal.InspectionRecords.Outcome;
import org.anjian.inspection.internal.OnSitePlans;
import org.anjian.inspection.internal.OverInspectionPolicy;
import org.anjian.inspection.internal.RemoteInspections;
import org.anjian.organization.Experts;
import org.anjian.organization.Officer;
import org.anjian.organization.Officers;
import org.anjian.organization.Organization;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.PlanStatus;
import org.anjian.planning.Planning;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.Forms;
import org.anjian.shared.web.PageActs;
import org.anjian.shared.web.Pager;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of inspections for officers and leaders: the list of tasks (and opening those of a published plan),
 * a task with its on-site plan and acts by role — officers of the task's body name the two officers, assemble and
 * submit the plan, record and finish; a leader approves or returns the plan — and the record page, made for a
 * phone, item by item. The hazards a finished task found are the hazard module's: the task page loads them from
 * its fragment ({@code /hazards/of-task/{id}}).
 */
@Controller
@PreAuthorize(InspectionPages.STAFF)
class InspectionPages {

	static final String STAFF = "hasAnyRole('LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')";

	private final Inspections inspections;
	private final OverInspectionPolicy policy;
	private final InspectionHistory history;
	private final OnSitePlans plans;
	private final InspectionRecords records;
	private final InspectionEvidence evidence;
	private final Experts experts;
	private final Planning planning;
	private final Officers officers;
	private final Organization organization;
	private final InspectionAccess access;
	private final RemoteInspections remote;
	private final EnterpriseRegistry registry;

	InspectionPages(Inspections inspections, OverInspectionPolicy policy, InspectionHistory history, OnSitePlans plans,
			InspectionRecords records, InspectionEvidence evidence, Experts experts, Planning planning,
			Officers officers, Organization organization, InspectionAccess access, RemoteInspections remote,
			EnterpriseRegistry registry) {
		this.remote = remote;
		this.registry = registry;
		this.inspections = inspections;
		this.policy = policy;
		this.history = history;
		this.plans = plans;
		this.records = records;
		this.evidence = evidence;
		this.experts = experts;
		this.planning = planning;
		this.officers = officers;
		this.organization = organization;
		this.access = access;
	}

	/** A line of the task list. */
	public record TaskRow(long id, String enterprise, String uscc, String origin, String day, String status,
			boolean remote) {
	}

	/** A planned item with its result, for the record and task pages. */
	public record ItemRow(OnSitePlans.PlannedItem item, InspectionRecords.Result result) {
	}

	@GetMapping("/inspections")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model,
			HttpServletRequest request) {
		InspectionStatus filter = null;
		if (status != null && !status.isBlank()) {
			try {
				filter = InspectionStatus.valueOf(status);
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("status", "状态“" + status + "”不存在");
			}
		}
		ResultPage<InspectionTask> tasks = inspections.tasks(filter, page);
		Map<String, String> names = registry.names(tasks.items().stream().map(InspectionTask::uscc).toList());
		ResultPage<TaskRow> rows = tasks.map(t -> new TaskRow(t.id(), names.get(t.uscc()), t.uscc(), t.origin().label(),
				t.plannedOn() == null ? "" : t.plannedOn().toString(), t.status().label(), t.remote()));
		model.addAttribute("tasks", rows);
		model.addAttribute("pager", Pager.of(rows, request));
		// remote inspections are counted apart from on-site ones, for the caller's jurisdiction
		model.addAttribute("modeCounts", remote.counts());
		model.addAttribute("statuses", InspectionStatus.values());
		model.addAttribute("ratings", inspections.ratings());
		model.addAttribute("status", status);
		model.addAttribute("publishedPlans", planning.plans(null).stream()
			.filter(p -> p.status() == PlanStatus.PUBLISHED && p.bodyId() == access.bodyOrZero())
			.map(AnnualPlan::id).toList());
		return "inspection/tasks";
	}

	@PostMapping("/inspections/plan-tasks")
	String openPlan(@RequestParam(required = false) Long planId, @RequestParam(required = false) Long bodyId,
			RedirectAttributes redirect) {
		if (bodyId != null && bodyId != access.bodyOrZero()) {
			organization.body(bodyId);
			throw new AccessDeniedException("只能为本执法主体生成检查任务");
		}
		if (planId == null) {
			redirect.addFlashAttribute("refused", "请选择已发布的年度计划");
			return "redirect:/inspections";
		}
		AnnualPlan plan = planning.plan(planId);
		if (plan.bodyId() != access.bodyOrZero()) {
			throw new AccessDeniedException("只能按本执法主体的计划生成检查任务");
		}
		try {
			redirect.addFlashAttribute("done", "已按 " + plan.year() + " 年度计划生成检查任务 "
					+ inspections.openPlan(planId, access.actor().username()) + " 项");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
		}
		return "redirect:/inspections";
	}

	/** A task by hand (专门检查): the enterprise, the reason, the matters (one per line or separated by ；), the day. */
	@PostMapping("/inspections")
	String open(@RequestParam(required = false) String uscc, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String matters, @RequestParam(required = false) String day,
			@RequestParam(required = false) Long bodyId, RedirectAttributes redirect, HttpServletRequest request) {
		if (bodyId != null && bodyId != access.bodyOrZero()) {
			organization.body(bodyId);
			throw new AccessDeniedException("只能为本执法主体开具检查任务");
		}
		if (InspectionAccess.leader() || access.actor().bodyId() == null) {
			throw new AccessDeniedException("只有执法主体的执法人员可以开具检查任务");
		}
		// refused, the list again with the reason and the form as typed; opened, the new task's page
		InspectionTask[] opened = new InspectionTask[1];
		String refused = PageActs.act("/inspections", redirect, request, () -> {
			LocalDate date = Forms.day("day", day);
			List<String> list = matters == null ? List.of() : java.util.Arrays.stream(matters.split("[；;\\n]"))
				.map(String::trim).filter(m -> !m.isEmpty()).toList();
			opened[0] = inspections.open(access.actor().bodyId(), uscc == null ? "" : uscc.trim(), reason, list, date,
					access.actor().username());
			return "已开具专门检查任务，请指定执法人员并编制检查方案";
		});
		return opened[0] == null ? refused : "redirect:/inspections/" + opened[0].id();
	}

	@GetMapping("/inspections/{id}")
	String task(@PathVariable long id, Model model) {
		InspectionTask task = inspections.task(id);
		boolean own = access.own(task);
		model.addAttribute("task", task);
		model.addAttribute("enterprise", registry.names(List.of(task.uscc())).get(task.uscc()));
		model.addAttribute("body", organization.body(task.bodyId()).name());
		List<ItemRow> rows = rows(id);
		model.addAttribute("items", rows);
		model.addAttribute("recorded", rows.stream().filter(r -> r.result() != null).count());
		List<Officer> staff = officers.search(task.bodyId(), true, null);
		Map<Long, Officer> byId = staff.stream().collect(Collectors.toMap(Officer::id, Function.identity()));
		model.addAttribute("lead", task.leadOfficerId() == null ? null : byId.get(task.leadOfficerId()));
		model.addAttribute("second", task.secondOfficerId() == null ? null : byId.get(task.secondOfficerId()));
		List<Officer> leads = staff.stream().filter(Officer::isLeadInspector).toList();
		model.addAttribute("leads", leads);
		// the second officer offered first differs from the lead offered first, so the form as shown can be sent
		Long firstLead = task.leadOfficerId() != null ? task.leadOfficerId() : leads.isEmpty() ? null : leads.get(0).id();
		model.addAttribute("defaultSecond", task.secondOfficerId() != null ? task.secondOfficerId()
				: staff.stream().map(Officer::id).filter(o -> !o.equals(firstLead)).findFirst().orElse(null));
		model.addAttribute("staff", staff);
		boolean open = task.status() == InspectionStatus.OPEN;
		model.addAttribute("canEdit", own && open && !InspectionAccess.leader());
		model.addAttribute("canApprove", InspectionAccess.leader() && task.status() == InspectionStatus.PLAN_SUBMITTED);
		model.addAttribute("canRecord", own && (task.status() == InspectionStatus.PLAN_APPROVED
				|| task.status() == InspectionStatus.IN_PROGRESS));
		model.addAttribute("canCancel", own && (open || task.status() == InspectionStatus.PLAN_SUBMITTED
				|| task.status() == InspectionStatus.PLAN_APPROVED));
		model.addAttribute("warnings", task.plannedOn() == null ? List.of()
				: policy.frequency(history.visits(task.uscc(), task.plannedOn(), task.id())).warnings());
		model.addAttribute("experts", evidence.experts(id));
		model.addAttribute("expertList", experts.search(task.bodyId(), null));
		model.addAttribute("photos", evidence.photos(id));
		return "inspection/task";
	}

	@PostMapping("/inspections/{id}/officers")
	String assign(@PathVariable long id, @RequestParam(required = false) Long leadOfficerId,
			@RequestParam(required = false) Long secondOfficerId, @RequestParam(required = false) String repeatReason,
			RedirectAttributes redirect) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, () -> {
			inspections.assign(id, leadOfficerId, secondOfficerId, repeatReason, null);
			return "已指定执法人员";
		});
	}

	@PostMapping("/inspections/{id}/plan")
	String assemble(@PathVariable long id, RedirectAttributes redirect) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, () -> "已编制检查方案：" + plans.assemble(id) + " 个检查项（通用、行业、风险、专项依次排列）");
	}

	/** Adds an item of the library to the open task's plan, by its code (e.g. GEN-001, HC2017-05). */
	@PostMapping("/inspections/{id}/plan/items")
	String addItem(@PathVariable long id, @RequestParam(required = false) String code, RedirectAttributes redirect,
			HttpServletRequest request) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, request, () -> "已加入检查项 " + plans.add(id, code));
	}

	@PostMapping("/inspections/{id}/plan/items/{checklistItemId}/removal")
	String removeItem(@PathVariable long id, @PathVariable long checklistItemId, RedirectAttributes redirect) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, () -> {
			plans.remove(id, checklistItemId);
			return "已从检查方案中移除该检查项";
		});
	}

	@PostMapping("/inspections/{id}/plan-submission")
	String submitPlan(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, () -> "检查方案已提交审批，状态：" + inspections.submitPlan(id, version).status().label());
	}

	@PostMapping("/inspections/{id}/plan-approval")
	@PreAuthorize("hasRole('LEADER')")
	String approvePlan(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		inspections.task(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect,
				() -> "检查方案已批准，状态：" + inspections.approvePlan(id, access.actor().username(), version).status().label());
	}

	@PostMapping("/inspections/{id}/plan-return")
	@PreAuthorize("hasRole('LEADER')")
	String returnPlan(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		inspections.task(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, () -> "检查方案已退回，状态：" + inspections.returnPlan(id, version).status().label());
	}

	@PostMapping("/inspections/{id}/cancellation")
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, () -> "检查任务已取消：" + inspections.cancel(id, reason, version).cancelReason());
	}

	@GetMapping("/inspections/{id}/record")
	String record(@PathVariable long id, Model model) {
		InspectionTask task = inspections.task(id);
		List<ItemRow> rows = rows(id);
		model.addAttribute("task", task);
		model.addAttribute("enterprise", registry.names(List.of(task.uscc())).get(task.uscc()));
		model.addAttribute("rows", rows);
		model.addAttribute("missing", rows.stream().filter(r -> r.result() == null).count());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("photos", evidence.photos(id));
		model.addAttribute("canRecord", access.own(task) && (task.status() == InspectionStatus.PLAN_APPROVED
				|| task.status() == InspectionStatus.IN_PROGRESS));
		return "inspection/record";
	}

	@PostMapping("/inspections/{id}/results/{checklistItemId}")
	String saveResult(@PathVariable long id, @PathVariable long checklistItemId,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
			@RequestParam(required = false) BigDecimal longitude, @RequestParam(required = false) BigDecimal latitude,
			RedirectAttributes redirect) {
		access.requireOwn(id);
		try {
			records.record(id, checklistItemId, outcome(outcome), note, longitude, latitude, access.actor().username());
			redirect.addFlashAttribute("saved", checklistItemId);
		}
		catch (InvalidInputException | InvalidTransitionException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
			redirect.addFlashAttribute("refusedItem", checklistItemId);
		}
		return "redirect:/inspections/" + id + "/record#item-" + checklistItemId;
	}

	@PostMapping("/inspections/{id}/finish")
	String finish(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, () -> {
			var finished = records.finish(id, version);
			return "检查已完成：发现隐患 " + finished.hazards() + " 项，其中重大事故隐患 " + finished.majorHazards() + " 项";
		});
	}

	private static Outcome outcome(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Outcome.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("outcome", "请选择 合格、不合格 或 不适用");
		}
	}

	/** The planned items of a task in plan order, each with its result if recorded. */
	private List<ItemRow> rows(long taskId) {
		Map<Long, InspectionRecords.Result> results = records.results(taskId).stream()
			.collect(Collectors.toMap(InspectionRecords.Result::checklistItemId, Function.identity()));
		return plans.items(taskId).stream().map(i -> new ItemRow(i, results.get(i.checklistItemId()))).toList();
	}
}
