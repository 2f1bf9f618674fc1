package org.anjian.inspection.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anjian.inspection.InspectionRecords;
import org.anjian.inspection.InspectionRecords.Outcome;
import org.anjian.inspection.InspectionStatus;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.inspection.OnSitePlans;
import org.anjian.inspection.RemoteInspections;
import org.anjian.organization.Officer;
import org.anjian.organization.Officers;
import org.anjian.organization.Organization;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.PlanStatus;
import org.anjian.planning.Planning;
import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * phone, item by item.
 */
@Controller
@PreAuthorize(InspectionPages.STAFF)
class InspectionPages {

	static final String STAFF = "hasAnyRole('LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')";

	private final Inspections inspections;
	private final OnSitePlans plans;
	private final InspectionRecords records;
	private final Planning planning;
	private final Officers officers;
	private final Organization organization;
	private final CurrentActor actors;
	private final JdbcClient jdbc;
	private final RemoteInspections remote;

	InspectionPages(Inspections inspections, OnSitePlans plans, InspectionRecords records, Planning planning,
			Officers officers, Organization organization, CurrentActor actors, JdbcClient jdbc, RemoteInspections remote) {
		this.remote = remote;
		this.inspections = inspections;
		this.plans = plans;
		this.records = records;
		this.planning = planning;
		this.officers = officers;
		this.organization = organization;
		this.actors = actors;
		this.jdbc = jdbc;
	}

	/** A line of the task list. */
	public record TaskRow(long id, String enterprise, String uscc, String origin, String day, String status,
			boolean remote) {
	}

	/** A planned item with its result, for the record page. */
	public record ItemRow(OnSitePlans.PlannedItem item, InspectionRecords.Result result) {
	}

	/** A hazard the inspection found. */
	public record HazardRow(String description, boolean major, String deadline) {
	}

	@GetMapping("/inspections")
	String list(@RequestParam(required = false) String status, Model model) {
		InspectionStatus filter = null;
		if (status != null && !status.isBlank()) {
			try {
				filter = InspectionStatus.valueOf(status);
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("status", "状态“" + status + "”不存在");
			}
		}
		List<InspectionTask> tasks = inspections.tasks(filter);
		Map<String, String> names = enterpriseNames(tasks.stream().map(InspectionTask::uscc).distinct().toList());
		model.addAttribute("tasks", tasks.stream().map(t -> new TaskRow(t.id(), names.get(t.uscc()), t.uscc(),
				t.origin().label(), t.plannedOn() == null ? "" : t.plannedOn().toString(), t.status().label(), t.remote()))
			.toList());
		// remote inspections are counted apart from on-site ones, for the caller's jurisdiction
		var counts = remote.counts(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear());
		model.addAttribute("modeCounts", counts);
		model.addAttribute("statuses", InspectionStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("publishedPlans", planning.plans(null).stream()
			.filter(p -> p.status() == PlanStatus.PUBLISHED && p.bodyId() == bodyOrZero())
			.map(AnnualPlan::id).toList());
		return "inspection/tasks";
	}

	@PostMapping("/inspections/plan-tasks")
	String openPlan(@RequestParam(required = false) Long planId, @RequestParam(required = false) Long bodyId,
			RedirectAttributes redirect) {
		if (bodyId != null && bodyId != bodyOrZero()) {
			organization.body(bodyId);
			throw new AccessDeniedException("只能为本执法主体生成检查任务");
		}
		if (planId == null) {
			redirect.addFlashAttribute("refused", "请选择已发布的年度计划");
			return "redirect:/inspections";
		}
		AnnualPlan plan = planning.plan(planId);
		if (plan.bodyId() != bodyOrZero()) {
			throw new AccessDeniedException("只能按本执法主体的计划生成检查任务");
		}
		try {
			redirect.addFlashAttribute("done", "已按 " + plan.year() + " 年度计划生成检查任务 "
					+ inspections.openPlan(planId, actor().username()) + " 项");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
		}
		return "redirect:/inspections";
	}

	@GetMapping("/inspections/{id}")
	String task(@PathVariable long id, Model model) {
		InspectionTask task = inspections.task(id);
		boolean own = own(task);
		model.addAttribute("task", task);
		model.addAttribute("enterprise", enterpriseNames(List.of(task.uscc())).get(task.uscc()));
		model.addAttribute("body", organization.body(task.bodyId()).name());
		model.addAttribute("items", plans.items(id));
		model.addAttribute("recorded", records.results(id).size());
		List<Officer> staff = officers.search(task.bodyId(), true, null);
		Map<Long, Officer> byId = staff.stream().collect(Collectors.toMap(Officer::id, Function.identity()));
		model.addAttribute("lead", task.leadOfficerId() == null ? null : byId.get(task.leadOfficerId()));
		model.addAttribute("second", task.secondOfficerId() == null ? null : byId.get(task.secondOfficerId()));
		model.addAttribute("leads", staff.stream().filter(Officer::isLeadInspector).toList());
		model.addAttribute("staff", staff);
		boolean open = task.status() == InspectionStatus.OPEN;
		model.addAttribute("canEdit", own && open && !leader());
		model.addAttribute("canApprove", leader() && task.status() == InspectionStatus.PLAN_SUBMITTED);
		model.addAttribute("canRecord", own && (task.status() == InspectionStatus.PLAN_APPROVED
				|| task.status() == InspectionStatus.IN_PROGRESS));
		model.addAttribute("canCancel", own && (open || task.status() == InspectionStatus.PLAN_SUBMITTED
				|| task.status() == InspectionStatus.PLAN_APPROVED));
		model.addAttribute("hazards", hazards(id));
		return "inspection/task";
	}

	@PostMapping("/inspections/{id}/officers")
	String assign(@PathVariable long id, @RequestParam(required = false) Long leadOfficerId,
			@RequestParam(required = false) Long secondOfficerId, RedirectAttributes redirect) {
		requireOwn(id);
		return act(id, redirect, () -> {
			inspections.assign(id, leadOfficerId, secondOfficerId, null);
			return "已指定执法人员";
		});
	}

	@PostMapping("/inspections/{id}/plan")
	String assemble(@PathVariable long id, RedirectAttributes redirect) {
		requireOwn(id);
		return act(id, redirect, () -> "已编制检查方案：" + plans.assemble(id) + " 个检查项（通用、行业、风险、专项依次排列）");
	}

	@PostMapping("/inspections/{id}/plan-submission")
	String submitPlan(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		requireOwn(id);
		return act(id, redirect, () -> "检查方案已提交审批，状态：" + inspections.submitPlan(id, version).status().label());
	}

	@PostMapping("/inspections/{id}/plan-approval")
	@PreAuthorize("hasRole('LEADER')")
	String approvePlan(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		inspections.task(id);
		return act(id, redirect,
				() -> "检查方案已批准，状态：" + inspections.approvePlan(id, actor().username(), version).status().label());
	}

	@PostMapping("/inspections/{id}/plan-return")
	@PreAuthorize("hasRole('LEADER')")
	String returnPlan(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		inspections.task(id);
		return act(id, redirect, () -> "检查方案已退回，状态：" + inspections.returnPlan(id, version).status().label());
	}

	@PostMapping("/inspections/{id}/cancellation")
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		requireOwn(id);
		return act(id, redirect, () -> "检查任务已取消：" + inspections.cancel(id, reason, version).cancelReason());
	}

	@GetMapping("/inspections/{id}/record")
	String record(@PathVariable long id, Model model) {
		InspectionTask task = inspections.task(id);
		Map<Long, InspectionRecords.Result> results = records.results(id).stream()
			.collect(Collectors.toMap(InspectionRecords.Result::checklistItemId, Function.identity()));
		List<ItemRow> rows = plans.items(id).stream().map(i -> new ItemRow(i, results.get(i.checklistItemId()))).toList();
		model.addAttribute("task", task);
		model.addAttribute("enterprise", enterpriseNames(List.of(task.uscc())).get(task.uscc()));
		model.addAttribute("rows", rows);
		model.addAttribute("missing", rows.stream().filter(r -> r.result() == null).count());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("canRecord", own(task) && (task.status() == InspectionStatus.PLAN_APPROVED
				|| task.status() == InspectionStatus.IN_PROGRESS));
		return "inspection/record";
	}

	@PostMapping("/inspections/{id}/results/{checklistItemId}")
	String saveResult(@PathVariable long id, @PathVariable long checklistItemId,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
			@RequestParam(required = false) BigDecimal longitude, @RequestParam(required = false) BigDecimal latitude,
			RedirectAttributes redirect) {
		requireOwn(id);
		try {
			records.record(id, checklistItemId, outcome(outcome), note, longitude, latitude, actor().username());
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
		requireOwn(id);
		return act(id, redirect, () -> {
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

	private List<HazardRow> hazards(long taskId) {
		return jdbc.sql("select description, major, deadline from hazard where task_id = :task order by id")
			.param("task", taskId)
			.query((rs, n) -> new HazardRow(rs.getString(1), rs.getBoolean(2),
					rs.getDate(3) == null ? "" : rs.getDate(3).toString()))
			.list();
	}

	private Map<String, String> enterpriseNames(List<String> usccs) {
		Map<String, String> names = new java.util.HashMap<>();
		if (!usccs.isEmpty()) {
			jdbc.sql("select uscc, name from enterprise where uscc = any(:codes)")
				.param("codes", usccs.toArray(String[]::new))
				.query(rs -> {
					names.put(rs.getString(1), rs.getString(2));
				});
		}
		return names;
	}

	private interface Act {
		String run();
	}

	private static String act(long id, RedirectAttributes redirect, Act act) {
		try {
			redirect.addFlashAttribute("done", act.run());
		}
		catch (InvalidInputException | InvalidTransitionException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("refused", "检查任务已被他人修改，请查看最新内容后重试");
		}
		return "redirect:/inspections/" + id;
	}

	private void requireOwn(long id) {
		if (!own(inspections.task(id))) {
			throw new AccessDeniedException("只有本执法主体的执法人员可以办理该检查任务");
		}
	}

	private boolean own(InspectionTask task) {
		return !leader() && task.bodyId() == bodyOrZero();
	}

	private long bodyOrZero() {
		Long body = actor().bodyId();
		return body == null ? 0 : body;
	}

	private Actor actor() {
		return actors.current().orElseThrow(() -> new AccessDeniedException("请先登录"));
	}

	private static boolean leader() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_LEADER".equals(a.getAuthority()));
	}
}
