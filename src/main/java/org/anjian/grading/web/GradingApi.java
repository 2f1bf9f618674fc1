package org.anjian.grading.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.anjian.grading.AccidentLevel;
import org.anjian.grading.FactIntake;
import org.anjian.grading.FactKind;
import org.anjian.grading.RiskFact;
import org.anjian.grading.RiskPortrait;
import org.anjian.grading.internal.FullRegrade;
import org.anjian.grading.internal.GradeDashboard;
import org.anjian.grading.internal.PolicyRevision;
import org.anjian.grading.internal.ScoringPolicies;
import org.anjian.grading.internal.ScoringPolicy;
import org.anjian.grading.internal.WatchList;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.Uscc;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for risk grading: an enterprise's portrait, new facts (each regrades its enterprise at once), the grade
 * dashboard, the watch list, and — for administrators — the versions of the scoring policy.
 */
@RestController
@PreAuthorize(GradingApi.OFFICERS)
class GradingApi {

	static final String OFFICERS = "hasAnyRole('ADMIN', 'LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER', 'LEGAL_REVIEWER')";

	private final RiskPortrait portraits;
	private final FactIntake intake;
	private final GradeDashboard dashboard;
	private final WatchList watchList;
	private final ScoringPolicies policies;
	private final PolicyRevision revision;
	private final FullRegrade fullRegrade;
	private final Clock clock;

	GradingApi(RiskPortrait portraits, FactIntake intake, GradeDashboard dashboard, WatchList watchList,
			ScoringPolicies policies, PolicyRevision revision, FullRegrade fullRegrade, Clock clock) {
		this.portraits = portraits;
		this.intake = intake;
		this.dashboard = dashboard;
		this.watchList = watchList;
		this.policies = policies;
		this.revision = revision;
		this.fullRegrade = fullRegrade;
		this.clock = clock;
	}

	/** A fact as an officer reports it. */
	record FactReport(FactKind kind, LocalDate occurredOn, AccidentLevel accidentLevel, Integer deaths, Integer injuries,
			BigDecimal amount, LocalDate resolvedOn, String source) {
	}

	record Reason(String uscc, String reason) {
	}

	@GetMapping("/api/enterprises/{uscc}/portrait")
	RiskPortrait.Portrait portrait(@PathVariable String uscc) {
		String code = Uscc.of(uscc).value();
		return portraits.of(code).orElseThrow(() -> new NotFoundException("企业 " + code + " 尚未评级，或不在您的管辖范围内"));
	}

	@PostMapping("/api/enterprises/{uscc}/facts")
	@ResponseStatus(HttpStatus.CREATED)
	FactIntake.Outcome record(@PathVariable String uscc, @RequestBody FactReport report) {
		intake.requireVisible(Uscc.of(uscc).value());
		if (report.kind() == null || report.occurredOn() == null) {
			throw new InvalidInputException("kind", "请填写事实类型和发生日期");
		}
		if (report.kind() == FactKind.PENALTY) {
			// issue 15, build item 7: a penalty is a fact of the grade from its decision, recorded by the penalty case
			throw new InvalidInputException("kind", "行政处罚由处罚案件作出决定时自动记入企业风险事实，不能手工登记");
		}
		if (report.occurredOn().isAfter(LocalDate.now(clock))) {
			throw new InvalidInputException("occurredOn", "发生日期不能晚于今天");
		}
		return intake.report(new RiskFact(null, Uscc.of(uscc).value(), report.kind(), report.occurredOn(),
				report.accidentLevel(), report.deaths() == null ? 0 : report.deaths(),
				report.injuries() == null ? 0 : report.injuries(), report.amount(), report.resolvedOn(),
				report.source()));
	}

	@GetMapping("/api/grading/dashboard")
	GradeDashboard.Dashboard dashboard(@RequestParam(required = false) String district) {
		return dashboard.of(district == null || district.isBlank() ? null : district);
	}

	@GetMapping("/api/watch-list")
	List<WatchList.Entry> watchList() {
		return watchList.entries();
	}

	@PostMapping("/api/watch-list")
	@ResponseStatus(HttpStatus.CREATED)
	WatchList.Entry watch(@RequestBody Reason reason) {
		return watchList.add(Uscc.of(reason.uscc()).value(), reason.reason());
	}

	@PostMapping("/api/watch-list/{id}/removal")
	void unwatch(@PathVariable long id, @RequestBody Reason reason) {
		watchList.remove(id, reason.reason());
	}

	@GetMapping("/api/scoring-policies")
	List<ScoringPolicies.Version> versions() {
		return policies.versions();
	}

	@GetMapping("/api/scoring-policies/{version}")
	ScoringPolicy version(@PathVariable int version) {
		return policies.version(version);
	}

	@PostMapping("/api/admin/scoring-policies/drafts")
	@ResponseStatus(HttpStatus.CREATED)
	ScoringPolicy draft(@RequestParam(required = false) String note, @AuthenticationPrincipal UserDetails user) {
		return policies.version(revision.draft(note, user.getUsername()));
	}

	@PutMapping("/api/admin/scoring-policies/{version}")
	ScoringPolicy revise(@PathVariable int version, @RequestBody ScoringPolicy revised) {
		revision.revise(version, revised);
		return policies.version(version);
	}

	@GetMapping("/api/admin/scoring-policies/{version}/preview")
	PolicyRevision.Preview preview(@PathVariable int version) {
		return revision.preview(version);
	}

	@PostMapping("/api/admin/scoring-policies/{version}/activation")
	FullRegrade.Run activate(@PathVariable int version) {
		return revision.activate(version);
	}

	@PostMapping("/api/admin/grading/regrade")
	FullRegrade.Run regrade() {
		return fullRegrade.regradeAll();
	}
}
