package org.anjian.inspection.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.inspection.InspectionStatus;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.inspection.web.InspectionRecordPages.ItemRow;
import org.anjian.inspection.internal.InspectionEvidence;
import org.anjian.inspection.internal.InspectionHistory;
import org.anjian.inspection.internal.InspectionRatings;
import org.anjian.inspection.internal.InspectionRecords;
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
import org.anjian.shared.Act;
import org.anjian.shared.ActorNames;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
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
 * submit the plan; a leader approves or returns the plan (the record itself is {@link InspectionRecordPages}'). A
 * refused form comes back with what was typed. The hazards a finished task found are the hazard module's: the task
 * page loads them from its fragment ({@code /hazards/of-task/{id}}).
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
	private final UserAccounts accounts;
	private final InspectionRatings ratings;
	private final ActorNames names;

	InspectionPages(Inspections inspections, OverInspectionPolicy policy, InspectionHistory history, OnSitePlans plans,
			InspectionRecords records, InspectionEvidence evidence, Experts experts, Planning planning,
			Officers officers, Organization organization, InspectionAccess access, RemoteInspections remote,
			EnterpriseRegistry registry, UserAccounts accounts, InspectionRatings ratings, ActorNames names) {
		this.accounts = accounts;
		this.ratings = ratings;
		this.names = names;
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
			.toList());
		return "inspection/tasks";
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
			try {
				opened[0] = inspections.open(access.actor().bodyId(), uscc == null ? "" : uscc.trim(), reason, list, date,
						access.actor().username());
			}
			catch (NotFoundException e) {
				// an enterprise not found is a mistyped code here, said beside the code rather than as a missing page
				throw new InvalidInputException("uscc", e.getMessage());
			}
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
		List<ItemRow> rows = ItemRow.of(plans, records, id);
		model.addAttribute("items", rows);
		model.addAttribute("recorded", rows.stream().filter(r -> r.result() != null).count());
		List<Officer> staff = officers.search(task.bodyId(), true, null);
		Map<Long, Officer> byId = staff.stream().collect(Collectors.toMap(Officer::id, Function.identity()));
		model.addAttribute("lead", task.leadOfficerId() == null ? null : byId.get(task.leadOfficerId()));
		model.addAttribute("second", task.secondOfficerId() == null ? null : byId.get(task.secondOfficerId()));
		List<Officer> leads = staff.stream().filter(Officer::isLeadInspector).toList();
		model.addAttribute("leads", leads);
		OfficerChoice choice = OfficerChoice.of(task, leads, staff, currentOfficer(), typed(model));
		model.addAttribute("chosenLead", choice.lead());
		model.addAttribute("chosenSecond", choice.second());
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
		List<InspectionEvidence.Expert> assisting = evidence.experts(id);
		model.addAttribute("experts", assisting);
		model.addAttribute("expertList", experts.search(task.bodyId(), null));
		model.addAttribute("photos", evidence.photos(id));
		// who opened the task, approved its plan and confirmed an expert's opinion, by name; the enterprise's rating,
		// which only the inspecting body and leaders read
		List<String> people = new ArrayList<>(List.of(task.createdBy()));
		people.add(task.planApprovedBy());
		assisting.forEach(e -> people.add(e.confirmedBy()));
		model.addAttribute("names", names.of(people));
		// the rating is the inspecting body's and its leaders' (row-level security hides it from the others, who are not
		// told "not rated" either)
		model.addAttribute("seesRating", InspectionAccess.leader() || task.bodyId() == access.bodyOrZero());
		model.addAttribute("rating", ratings.ofTask(id).orElse(null));
		return "inspection/task";
	}

	@PostMapping("/inspections/{id}/officers")
	String assign(@PathVariable long id, @RequestParam(required = false) Long leadOfficerId,
			@RequestParam(required = false) Long secondOfficerId, @RequestParam(required = false) String repeatReason,
			RedirectAttributes redirect, HttpServletRequest request) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, request, () -> {
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
	@Authorized(Act.APPROVE_INSPECTION_PLAN)
	String approvePlan(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		inspections.task(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect,
				() -> "检查方案已批准，状态：" + inspections.approvePlan(id, access.actor().username(), version).status().label());
	}

	@PostMapping("/inspections/{id}/plan-return")
	@Authorized(Act.APPROVE_INSPECTION_PLAN)
	String returnPlan(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		inspections.task(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, () -> "检查方案已退回，状态：" + inspections.returnPlan(id, version).status().label());
	}

	@PostMapping("/inspections/{id}/cancellation")
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, request,
				() -> "检查任务已取消：" + inspections.cancel(id, reason, version).cancelReason());
	}

	/** The officer the logged-in user is, if their account names one. */
	private Long currentOfficer() {
		return accounts.findByUsername(access.actor().username()).map(UserAccount::officerId).orElse(null);
	}

	/** What a refused form sent, flashed by {@link PageActs} (empty when the page is shown afresh). */
	@SuppressWarnings("unchecked")
	private static Map<String, String> typed(Model model) {
		Object form = model.getAttribute("form");
		return form instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
	}
}
