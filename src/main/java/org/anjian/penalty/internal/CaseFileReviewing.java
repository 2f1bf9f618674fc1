package org.anjian.penalty.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Organization;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyCatalogue;
import org.anjian.shared.WorkingDays;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case-file review (案卷评查) of closed penalty cases: the draw of a body's closed cases of a period (every major
 * case, a share of the others at random, by a seed drawn then and kept), and the review of each drawn case's file
 * by the checklist of {@link CaseFileReviewPolicy}. Each act is held to the act table ({@link Act#DRAW_CASE_FILES},
 * {@link Act#REVIEW_CASE_FILE}), in one transaction, under its name in the audit trail; the caller's jurisdiction
 * limits, in the database, which cases and reviews it reaches.
 *
 * <p>The draw is safe to run from a page, a job or two instances at once: the body's draws are taken one at a time
 * (a transaction lock on the body), a period that overlaps one already drawn is refused, and the database keeps one
 * draw per body and period whatever the path.
 */
@Service
public class CaseFileReviewing {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CaseFileDraws draws;
	private final CaseFileReviews reviews;
	private final PenaltyCases cases;
	private final PenaltyCatalogue catalogue;
	private final Organization organization;
	private final CurrentActor actors;
	private final AuditTrail audit;
	private final OfficialActs acts;
	private final ReviewSettings settings;
	private final JdbcClient jdbc;
	private final Clock clock;

	private final WorkingDays workingDays;

	CaseFileReviewing(CaseFileDraws draws, CaseFileReviews reviews, PenaltyCases cases, PenaltyCatalogue catalogue,
			Organization organization, CurrentActor actors, AuditTrail audit, OfficialActs acts, ReviewSettings settings,
			JdbcClient jdbc, Clock clock, WorkingDays workingDays) {
		this.workingDays = workingDays;
		this.draws = draws;
		this.reviews = reviews;
		this.cases = cases;
		this.catalogue = catalogue;
		this.organization = organization;
		this.actors = actors;
		this.audit = audit;
		this.acts = acts;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * 抽取评查案卷: of the body's cases closed in the period (ended before today), every major case and the settings'
	 * share of the others, at least one.
	 */
	@Authorized(Act.DRAW_CASE_FILES)
	@Transactional
	public CaseFileDraw draw(Long bodyId, LocalDate from, LocalDate to) {
		audit.describe(CaseFileReviewAction.DRAW);
		if (bodyId == null) {
			throw new InvalidInputException("bodyId", "请选择执法主体");
		}
		// the body first: one outside the caller's jurisdiction is not found, whatever else was sent
		EnforcementBody body = organization.body(bodyId);
		if (from == null || to == null) {
			throw new InvalidInputException(from == null ? "periodFrom" : "periodTo", "请填写评查期间的起止日期");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("periodTo", "评查期间的截止日期不能早于开始日期");
		}
		if (!to.isBefore(today())) {
			throw new InvalidInputException("periodTo", "评查期间须已结束：截止日期应早于今天（" + today() + "）");
		}
		Actor actor = actors.current().orElse(null);
		if (actor != null && actor.scope() != null && !actor.scope().covers(body.districtCode(), body.streetCode())) {
			throw new InvalidInputException("bodyId", body.name() + "不在您的管辖范围内，不能抽取其案卷");
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('case_file_draw:' || :body, 0))::text")
			.param("body", bodyId).query((rs, n) -> 1).single();
		draws.overlapping(bodyId, from, to).ifPresent(d -> {
			throw new InvalidInputException("periodFrom", body.name() + "已抽取" + d.periodFrom() + "至" + d.periodTo()
					+ "结案的评查案卷，同一期间不能再次抽取");
		});
		List<Long> ids = jdbc.sql("""
				select id from penalty_case where body_id = :body and status = 'CLOSED' and closed_on between :from and :to
				order by id""").param("body", bodyId).param("from", from).param("to", to).query(Long.class).list();
		if (ids.isEmpty()) {
			throw new InvalidInputException("periodFrom", body.name() + "在" + from + "至" + to + "没有结案的案件，无需抽取");
		}
		Map<Long, PenaltyCase> closed = cases.findAllById(ids).stream()
			.collect(Collectors.toMap(PenaltyCase::id, Function.identity()));
		List<CaseFileSampling.Candidate> candidates = ids.stream()
			.map(id -> new CaseFileSampling.Candidate(id, CaseFileReviewPolicy.major(closed.get(id), settings)))
			.toList();
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String seed = HexFormat.of().formatHex(bytes);
		List<CaseFileSampling.Selected> selected = CaseFileSampling.draw(seed, candidates, settings.share());
		int majors = (int) candidates.stream().filter(CaseFileSampling.Candidate::major).count();
		CaseFileDraw draw = draws.save(CaseFileDraw.of(bodyId, body.districtCode(), body.streetCode(), from, to, seed,
				settings.share(), CaseFileSampling.candidateText(candidates), majors, candidates.size() - majors,
				selected.size() - majors, actor == null ? "system:case-file-draw" : actor.username(), clock.instant()));
		selected.forEach(s -> reviews.save(CaseFileReview.drawn(draw.id(), closed.get(s.caseId()), s)));
		return draw;
	}

	/** 评查: the reviewer's ticks of the documents; the deadlines, reasons and discretion computed from the case. */
	@Authorized(Act.REVIEW_CASE_FILE)
	@Transactional
	public CaseFileReview review(long id, Map<ReviewPoint, CaseFileReviewPolicy.Tick> ticks, String summary,
			Integer version) {
		CaseFileReview review = review(id);
		PenaltyCase c = penaltyCase(review);
		List<Finding> findings = CaseFileReviewPolicy.checklist(c, catalogue.entry(c.entryId()), ticks, workingDays);
		String by = actors.current().map(Actor::username).orElseThrow(() -> new IllegalStateException("no one is logged in"));
		return acts.perform(CaseFileReviewAction.REVIEW, review, version,
				r -> r.review(c, by, findings, summary, settings, today()), reviews::save);
	}

	public CaseFileReview review(long id) {
		return reviews.findById(id).orElseThrow(() -> new NotFoundException("评查案卷 " + id + " 不存在或不在您的管辖范围内"));
	}

	public CaseFileDraw draw(long id) {
		return draws.findById(id).orElseThrow(() -> new NotFoundException("评查抽取 " + id + " 不存在或不在您的管辖范围内"));
	}

	/** The case a review is of. */
	public PenaltyCase penaltyCase(CaseFileReview review) {
		return cases.findById(review.caseId())
			.orElseThrow(() -> new NotFoundException("案件 " + review.caseId() + " 不存在或不在您的管辖范围内"));
	}

	/** The cases of reviews, by id, in one query. */
	public Map<Long, PenaltyCase> cases(List<CaseFileReview> of) {
		return cases.findAllById(of.stream().map(CaseFileReview::caseId).distinct().toList()).stream()
			.collect(Collectors.toMap(PenaltyCase::id, Function.identity()));
	}

	/** The points the case's own data decides, as the form shows them before the review. */
	public List<Finding> computed(PenaltyCase c) {
		return CaseFileReviewPolicy.computed(c, catalogue.entry(c.entryId()), workingDays);
	}

	public ResultPage<CaseFileReview> reviews(CaseFileReview.Status status, Long bodyId, Integer page) {
		return reviews.page(status, bodyId, page);
	}

	public ResultPage<CaseFileDraw> draws(Integer page) {
		return draws.newestFirst(page);
	}

	/** The bodies that have closed cases the caller reaches: those a draw may be made for. */
	public List<Long> bodiesWithClosedCases() {
		return jdbc.sql("select distinct body_id from penalty_case where status = 'CLOSED' order by body_id limit 500")
			.query(Long.class).list();
	}

	public ReviewSettings settings() {
		return settings;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}
}
