package org.anjian.planning.web;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.PlanComposition;
import org.anjian.planning.PlanItem;
import org.anjian.planning.PlanSchedule;
import org.anjian.planning.PlanSettings;
import org.anjian.planning.Planning;
import org.anjian.planning.internal.Campaign;
import org.anjian.planning.internal.CampaignForm;
import org.anjian.planning.internal.PlanAmendments;
import org.anjian.planning.internal.PlanCampaigns;
import org.anjian.planning.internal.PlanWork;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.Sha256;
import org.anjian.shared.web.BackgroundActs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for annual plans. Officers open, compose and submit their body's plan; a leader approves or returns it;
 * a leader or an officer of the plan's body publishes it. Plans outside the caller's jurisdiction are not found.
 */
@RestController
@PreAuthorize(PlanApi.OFFICERS)
class PlanApi {

	static final String OFFICERS = "hasAnyRole('LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')";

	private final Planning planning;
	private final PlanAmendments amendments;
	private final PlanCampaigns campaigns;
	private final PlanSchedule schedule;
	private final PlanAccess access;
	private final PlanWork work;

	PlanApi(Planning planning, PlanAmendments amendments, PlanCampaigns campaigns, PlanSchedule schedule,
			PlanAccess access, PlanWork work) {
		this.campaigns = campaigns;
		this.planning = planning;
		this.work = work;
		this.amendments = amendments;
		this.schedule = schedule;
		this.access = access;
	}

	record PlanRequest(Long bodyId, Integer year, BigDecimal reserveShare, BigDecimal sampleRateB,
			BigDecimal assistanceRateC, BigDecimal generalDrawRate, BigDecimal officerDaysPerMonth,
			BigDecimal inspectionsPerOfficerDay) {

		PlanSettings settings() {
			return new PlanSettings(reserveShare, sampleRateB, assistanceRateC, generalDrawRate, officerDaysPerMonth,
					inspectionsPerOfficerDay);
		}
	}

	record PlanView(long id, long bodyId, int year, String status, String statusLabel, PlanSettings settings,
			String seedSha256, String createdBy, String approvedBy, int version) {

		static PlanView of(AnnualPlan plan) {
			return new PlanView(plan.id(), plan.bodyId(), plan.year(), plan.status().name(), plan.status().label(),
					plan.settings(), Sha256.hex(plan.seed()), plan.createdBy(), plan.approvedBy(), plan.version());
		}
	}

	record Transition(Integer version) {
	}

	record Change(String uscc, String reason) {
	}

	@GetMapping("/api/plans")
	List<PlanView> plans(@RequestParam(required = false) Integer year) {
		return planning.plans(year).stream().map(PlanView::of).toList();
	}

	@PostMapping("/api/plans")
	@ResponseStatus(HttpStatus.CREATED)
	@Authorized(Act.DRAFT_PLAN)
	PlanView open(@RequestBody PlanRequest request) {
		Actor actor = actor();
		Long bodyId = request.bodyId() != null ? request.bodyId() : actor.bodyId();
		if (bodyId == null) {
			throw new InvalidInputException("bodyId", "请选择编制计划的执法主体");
		}
		if (!bodyId.equals(actor.bodyId())) {
			planning.requireBodyVisible(bodyId);
			throw new AccessDeniedException("只能为本执法主体编制计划");
		}
		if (request.year() == null) {
			throw new InvalidInputException("year", "请填写计划年度");
		}
		return PlanView.of(planning.open(bodyId, request.year(), request.settings(), actor.username()));
	}

	@GetMapping("/api/plans/{id}")
	PlanView plan(@PathVariable long id) {
		return PlanView.of(planning.plan(id));
	}

	@GetMapping("/api/plans/{id}/items")
	List<PlanItem> items(@PathVariable long id) {
		return planning.items(id);
	}

	@GetMapping("/api/plans/{id}/draws")
	List<Long> draws(@PathVariable long id) {
		return planning.draws(id);
	}

	/**
	 * 编制. Answers the composition when done; with {@code Prefer: respond-async}, 202 at once with the run's address
	 * ({@code /api/work/{id}}) to poll. Refused (409) while the plan is being composed or scheduled.
	 */
	@ApiResponse(responseCode = "200", description = BackgroundActs.DONE, content = @Content(schema = @Schema(implementation = PlanComposition.Composition.class)))
	@ApiResponse(responseCode = "202", description = BackgroundActs.ACCEPTED)
	@PostMapping("/api/plans/{id}/composition")
	@Authorized(Act.DRAFT_PLAN)
	ResponseEntity<?> compose(@PathVariable long id, @RequestHeader(name = "Prefer", required = false) String prefer) {
		ownBody(id);
		AnnualPlan plan = planning.plan(id);
		return BackgroundActs.respondAsync(prefer) ? BackgroundActs.accepted(work.startComposing(plan))
				: ResponseEntity.ok(work.compose(plan));
	}

	/**
	 * 排期: a day and a pair of officers for every item of a draft, by the solver. Answers the result when done (the
	 * solver runs up to its time limit); with {@code Prefer: respond-async}, 202 at once with the run's address.
	 * Refused (409) while the plan is being composed or scheduled.
	 */
	@ApiResponse(responseCode = "200", description = BackgroundActs.DONE, content = @Content(schema = @Schema(implementation = PlanSchedule.Result.class)))
	@ApiResponse(responseCode = "202", description = BackgroundActs.ACCEPTED)
	@PostMapping("/api/plans/{id}/schedule")
	@Authorized(Act.DRAFT_PLAN)
	ResponseEntity<?> schedule(@PathVariable long id, @RequestHeader(name = "Prefer", required = false) String prefer) {
		ownBody(id);
		AnnualPlan plan = planning.plan(id);
		return BackgroundActs.respondAsync(prefer) ? BackgroundActs.accepted(work.startScheduling(plan))
				: ResponseEntity.ok(work.schedule(plan));
	}

	@GetMapping("/api/plans/{id}/schedule")
	java.util.Collection<PlanSchedule.Assignment> assignments(@PathVariable long id) {
		return schedule.assignments(id).values();
	}

	@PostMapping("/api/plans/{id}/submission")
	@Authorized(Act.SUBMIT_PLAN)
	PlanView submit(@PathVariable long id, @RequestBody(required = false) Transition act) {
		ownBody(id);
		return PlanView.of(planning.submit(id, version(act)));
	}

	@PostMapping("/api/plans/{id}/return")
	@Authorized(Act.APPROVE_PLAN)
	PlanView returnToDraft(@PathVariable long id, @RequestBody(required = false) Transition act) {
		planning.plan(id);
		return PlanView.of(planning.returnToDraft(id, version(act)));
	}

	@PostMapping("/api/plans/{id}/approval")
	@Authorized(Act.APPROVE_PLAN)
	PlanView approve(@PathVariable long id, @RequestBody(required = false) Transition act) {
		planning.plan(id);
		return PlanView.of(planning.approve(id, actor().username(), version(act)));
	}

	/** By a leader, or by an officer of the plan's own body. */
	@PostMapping("/api/plans/{id}/publication")
	PlanView publish(@PathVariable long id, @RequestBody(required = false) Transition act) {
		AnnualPlan plan = planning.plan(id);
		Actor actor = actor();
		if (!isLeader() && !Long.valueOf(plan.bodyId()).equals(actor.bodyId())) {
			throw new AccessDeniedException("只有领导或本执法主体可以发布计划");
		}
		return PlanView.of(planning.publish(id, version(act)));
	}

	@PostMapping("/api/plans/{id}/spot-checks")
	@ResponseStatus(HttpStatus.CREATED)
	@Authorized(Act.ADD_SPOT_CHECK)
	PlanItem spotCheck(@PathVariable long id, @RequestBody Change change) {
		ownBody(id);
		return amendments.addSpotCheck(id, change.uscc(), change.reason());
	}

	@PostMapping("/api/plans/{id}/second-inspections")
	@ResponseStatus(HttpStatus.CREATED)
	PlanItem secondInspection(@PathVariable long id, @RequestBody Change change) {
		ownBody(id);
		return amendments.addSecondInspection(id, change.uscc(), change.reason());
	}

	@PostMapping("/api/plans/{id}/items/{itemId}/withdrawal")
	void withdraw(@PathVariable long id, @PathVariable long itemId, @RequestBody(required = false) Change change) {
		ownBody(id);
		amendments.withdraw(id, itemId, change == null ? null : change.reason());
	}

	@GetMapping("/api/plans/{id}/amendments")
	List<PlanAmendments.Amendment> amendments(@PathVariable long id) {
		return amendments.amendments(id);
	}

	/** 专项检查 of a plan. */
	@GetMapping("/api/plans/{id}/campaigns")
	List<Campaign> campaigns(@PathVariable long id) {
		return campaigns.campaigns(id);
	}

	/** Adds a special campaign to a draft; it reaches the items when the draft is composed again. */
	@PostMapping("/api/plans/{id}/campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	@Authorized(Act.PLAN_CAMPAIGN)
	Campaign addCampaign(@PathVariable long id, @RequestBody CampaignForm form) {
		ownBody(id);
		return campaigns.add(id, form);
	}

	@DeleteMapping("/api/plans/{id}/campaigns/{campaignId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Authorized(Act.PLAN_CAMPAIGN)
	void removeCampaign(@PathVariable long id, @PathVariable long campaignId) {
		ownBody(id);
		campaigns.remove(id, campaignId);
	}

	private void ownBody(long id) {
		access.ownBody(id);
	}

	private boolean isLeader() {
		return PlanAccess.leader();
	}

	private Actor actor() {
		return access.actor();
	}

	private static Integer version(Transition act) {
		return act == null ? null : act.version();
	}
}
