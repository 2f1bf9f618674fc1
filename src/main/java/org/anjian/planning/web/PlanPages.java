package org.anjian.planning.web;

import java.time.Clock;
import java.time.Year;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Sector;
import org.anjian.organization.Jurisdiction;
import org.anjian.organization.Organization;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.ItemCategory;
import org.anjian.planning.PlanItem;
import org.anjian.planning.PlanSchedule;
import org.anjian.planning.PlanStatus;
import org.anjian.planning.Planning;
import org.anjian.planning.internal.CandidatePool;
import org.anjian.planning.internal.PlanCampaigns;
import org.anjian.planning.internal.PlanWork;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.ActorNames;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.BackgroundActs;
import org.anjian.shared.web.PageActs;
import org.anjian.shared.web.Pager;
import org.anjian.shared.work.Work;
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
 * The staff's pages of annual plans: the list of the plans the caller sees, a plan with its settings, counts and
 * items (month and officers once scheduled), and its acts as buttons by role — officers of the plan's body
 * compose (编制), schedule (排期) and submit (提交); a leader returns (退回) or approves (批准); a leader or an
 * officer of the body publishes (发布). Composing and scheduling run in the background ({@link PlanWork}): the page
 * answers at once and shows the run's progress, polled, then its outcome; the draft's acts wait meanwhile. A refused
 * act comes back as a message on the plan's page; plans outside the caller's jurisdiction are not found.
 */
@Controller
@PreAuthorize(PlanApi.OFFICERS)
class PlanPages {

	private final Planning planning;
	private final PlanCampaigns campaigns;
	private final PlanSchedule schedule;
	private final Organization organization;
	private final PlanAccess access;
	private final PlanWork work;
	private final CandidatePool pool;
	private final ActorNames names;
	private final Clock clock;

	PlanPages(Planning planning, PlanCampaigns campaigns, PlanSchedule schedule, Organization organization,
			PlanAccess access, PlanWork work, CandidatePool pool, ActorNames names, Clock clock) {
		this.pool = pool;
		this.names = names;
		this.planning = planning;
		this.work = work;
		this.campaigns = campaigns;
		this.schedule = schedule;
		this.organization = organization;
		this.access = access;
		this.clock = clock;
	}

	/** A line of the plan list. */
	public record PlanRow(long id, String body, int year, String status, int items, int counted) {
	}

	/** A line of a plan's items table. */
	public record ItemRow(PlanItem item, PlanSchedule.Assignment assignment) {
	}

	@GetMapping("/plans")
	String plans(@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		Map<Long, String> bodies = new LinkedHashMap<>();
		Map<Long, Planning.ItemCount> counts = planning.itemCounts();
		// a body opens one plan a year: the plans the caller sees are a few hundred at most, paged in memory
		ResultPage<PlanRow> rows = ResultPage.slice(planning.plans(null), page, ResultPage.DEFAULT_SIZE).map(p -> {
			Planning.ItemCount count = counts.getOrDefault(p.id(), new Planning.ItemCount(0, 0));
			return new PlanRow(p.id(), bodies.computeIfAbsent(p.bodyId(), id -> organization.body(id).name()), p.year(),
					p.status().label(), count.items(), count.counted());
		});
		model.addAttribute("plans", rows);
		model.addAttribute("pager", Pager.of(rows, request));
		model.addAttribute("canOpen", author());
		return "planning/plans";
	}

	@GetMapping("/plans/new")
	@Authorized(Act.DRAFT_PLAN)
	String openForm(Model model) {
		model.addAttribute("body", body());
		model.addAttribute("year", Year.now(clock).getValue() + 1);
		return "planning/plan-form";
	}

	@PostMapping("/plans")
	@Authorized(Act.DRAFT_PLAN)
	String open(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) String year, Model model) {
		Actor actor = actor();
		if (bodyId != null && !bodyId.equals(actor.bodyId())) {
			planning.requireBodyVisible(bodyId);
			throw new AccessDeniedException("只能为本执法主体编制计划");
		}
		try {
			if (actor.bodyId() == null) {
				throw new InvalidInputException("bodyId", "您的账号未关联执法主体，不能编制计划");
			}
			int y;
			try {
				y = Integer.parseInt(year == null ? "" : year.trim());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException("year", "请填写计划年度，例如 2027");
			}
			return "redirect:/plans/" + planning.open(actor.bodyId(), y, null, actor.username()).id();
		}
		catch (InvalidInputException e) {
			model.addAttribute("body", body());
			model.addAttribute("year", year);
			model.addAttribute("error", e.getMessage());
			return "planning/plan-form";
		}
	}

	/** Items shown per page of a plan: a city's plan holds tens of thousands. */
	static final int ITEMS_PER_PAGE = 200;

	@GetMapping("/plans/{id}")
	String plan(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(name = "work", required = false) Long shownRun, Model model, HttpServletRequest request) {
		AnnualPlan plan = planning.plan(id);
		Optional<Work> run = work.shown(id, shownRun);
		boolean running = run.filter(Work::running).isPresent();
		model.addAttribute("work", run.orElse(null));
		List<PlanItem> items = planning.items(id);
		Map<Long, PlanSchedule.Assignment> assignments = schedule.assignments(id);
		boolean own = Long.valueOf(plan.bodyId()).equals(actor().bodyId());
		boolean leader = leader();
		boolean draft = plan.status() == PlanStatus.DRAFT;
		model.addAttribute("plan", plan);
		model.addAttribute("body", organization.body(plan.bodyId()).name());
		model.addAttribute("settings", plan.settings());
		model.addAttribute("counts", ItemCategory.count(items));
		model.addAttribute("counted", items.stream().filter(PlanItem::counted).count());
		// who drew it up and who approved it, by name; why its candidates are the enterprises they are
		model.addAttribute("names", names.of(java.util.Arrays.asList(plan.createdBy(), plan.approvedBy())));
		model.addAttribute("pool", pool.of(plan));
		model.addAttribute("scheduled", assignments.size());
		ResultPage<ItemRow> shown = ResultPage.slice(items, page, ITEMS_PER_PAGE)
			.map(i -> new ItemRow(i, assignments.get(i.id())));
		model.addAttribute("items", shown.items());
		model.addAttribute("pager", Pager.of(shown, request));
		model.addAttribute("itemTotal", items.size());
		boolean authorOfDraft = draft && own && author();
		List<Jurisdiction> streets = campaigns.streets(id);
		Map<String, String> streetNames = new LinkedHashMap<>();
		streets.forEach(j -> streetNames.put(j.code(), j.name()));
		model.addAttribute("campaigns", campaigns.campaigns(id));
		// a campaign's own items, counted as the summary counts 专项检查; the others it reached were planned already
		model.addAttribute("campaignOwn", items.stream()
			.filter(i -> i.category() == ItemCategory.CAMPAIGN && i.campaignId() != null)
			.collect(java.util.stream.Collectors.groupingBy(PlanItem::campaignId, java.util.stream.Collectors.counting())));
		model.addAttribute("streetNames", streetNames);
		model.addAttribute("canEditCampaigns", authorOfDraft);
		model.addAttribute("canConfigure", authorOfDraft);
		if (authorOfDraft) {
			model.addAttribute("streets", streets);
			model.addAttribute("sectors", Sector.values());
			model.addAttribute("riskTags", RiskTag.values());
		}
		// while its items are composed or scheduled, the draft's acts wait for the run
		model.addAttribute("canCompose", authorOfDraft && !running);
		model.addAttribute("canSchedule", authorOfDraft && !running && !items.isEmpty());
		model.addAttribute("canSubmit", authorOfDraft && !running && !items.isEmpty());
		model.addAttribute("canReturn", plan.status() == PlanStatus.SUBMITTED && leader);
		model.addAttribute("canApprove", plan.status() == PlanStatus.SUBMITTED && leader);
		model.addAttribute("canPublish", plan.status() == PlanStatus.APPROVED && (leader || own));
		return "planning/plan";
	}

	/** 编制 in the background: the page answers at once and shows the run's progress, then its outcome. */
	@PostMapping("/plans/{id}/composition")
	@Authorized(Act.DRAFT_PLAN)
	String compose(@PathVariable long id, RedirectAttributes redirect) {
		ownBody(id);
		return BackgroundActs.start("/plans/" + id, redirect, () -> work.startComposing(planning.plan(id)));
	}

	/** 排期 in the background: the solver runs up to its time limit while the page shows how far it is. */
	@PostMapping("/plans/{id}/schedule")
	@Authorized(Act.DRAFT_PLAN)
	String schedule(@PathVariable long id, RedirectAttributes redirect) {
		ownBody(id);
		return BackgroundActs.start("/plans/" + id, redirect, () -> work.startScheduling(planning.plan(id)));
	}

	@PostMapping("/plans/{id}/submission")
	@Authorized(Act.SUBMIT_PLAN)
	String submit(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		ownBody(id);
		return PageActs.act("/plans/" + id, redirect,
				() -> "已提交审批，状态：" + planning.submit(id, version).status().label());
	}

	@PostMapping("/plans/{id}/return")
	@Authorized(Act.APPROVE_PLAN)
	String returnToDraft(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		planning.plan(id);
		return PageActs.act("/plans/" + id, redirect,
				() -> "已退回修改，状态：" + planning.returnToDraft(id, version).status().label());
	}

	@PostMapping("/plans/{id}/approval")
	@Authorized(Act.APPROVE_PLAN)
	String approve(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		planning.plan(id);
		return PageActs.act("/plans/" + id, redirect,
				() -> "已批准，状态：" + planning.approve(id, actor().username(), version).status().label());
	}

	@PostMapping("/plans/{id}/publication")
	String publish(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		AnnualPlan plan = planning.plan(id);
		if (!leader() && !Long.valueOf(plan.bodyId()).equals(actor().bodyId())) {
			throw new AccessDeniedException("只有领导或本执法主体可以发布计划");
		}
		return PageActs.act("/plans/" + id, redirect,
				() -> "已发布，状态：" + planning.publish(id, version).status().label());
	}

	private void ownBody(long id) {
		access.ownBody(id);
	}

	private String body() {
		Long bodyId = actor().bodyId();
		return bodyId == null ? null : organization.body(bodyId).name();
	}

	private static boolean leader() {
		return PlanAccess.leader();
	}

	private static boolean author() {
		return PlanAccess.author();
	}

	private Actor actor() {
		return access.actor();
	}
}
