package org.anjian.penalty.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.organization.Organization;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyCatalogue;
import org.anjian.penalty.internal.CaseFileDraw;
import org.anjian.penalty.internal.CaseFileResults;
import org.anjian.penalty.internal.CaseFileReview;
import org.anjian.penalty.internal.CaseFileReviewPolicy;
import org.anjian.penalty.internal.CaseFileReviewing;
import org.anjian.penalty.internal.ReviewPoint;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.ActorNames;
import org.anjian.shared.Allowance;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.ResultPage;
import org.anjian.shared.security.ActGuard;
import org.anjian.shared.web.PageActs;
import org.anjian.shared.web.Pager;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of case-file review (案卷评查) for legal reviewers and leaders (officers read them): the drawn case files
 * with their state, the draw of a body's closed cases of a period and the draws made (with their seeds and
 * candidate lists, so that anyone can repeat them), the review form of one case file (the documents ticked, the
 * deadlines, reasons and discretion computed from the case), and the results per body.
 */
@Controller
@PreAuthorize(CaseFileReviewPages.READERS)
class CaseFileReviewPages {

	static final String READERS = "hasAnyRole('LEGAL_REVIEWER', 'LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER')";

	private final CaseFileReviewing reviewing;
	private final CaseFileResults results;
	private final PenaltyCatalogue catalogue;
	private final Organization organization;
	private final EnterpriseRegistry registry;
	private final ActorNames names;
	private final CurrentActor actors;

	CaseFileReviewPages(CaseFileReviewing reviewing, CaseFileResults results, PenaltyCatalogue catalogue,
			Organization organization, EnterpriseRegistry registry, ActorNames names, CurrentActor actors) {
		this.actors = actors;
		this.reviewing = reviewing;
		this.results = results;
		this.catalogue = catalogue;
		this.organization = organization;
		this.registry = registry;
		this.names = names;
	}

	/** One drawn case file in a list: the review, its case, the enterprise's and the body's names. */
	public record Row(CaseFileReview review, PenaltyCase penaltyCase, String enterprise, String body) {
	}

	@GetMapping("/penalty-reviews")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) Long bodyId,
			@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		CaseFileReview.Status shown = status(status);
		ResultPage<CaseFileReview> reviews = reviewing.reviews(shown, bodyId, page);
		Map<Long, PenaltyCase> cases = reviewing.cases(reviews.items());
		Map<String, String> enterprises = registry.names(cases.values().stream().map(PenaltyCase::uscc).toList());
		Map<Long, String> bodies = organization.bodyNames(reviews.items().stream().map(CaseFileReview::bodyId).toList());
		List<Row> rows = new ArrayList<>();
		for (CaseFileReview review : reviews.items()) {
			PenaltyCase c = cases.get(review.caseId());
			rows.add(new Row(review, c, c == null ? null : enterprises.get(c.uscc()), bodies.get(review.bodyId())));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("reviews", reviews);
		model.addAttribute("pager", Pager.of(reviews, request));
		model.addAttribute("status", shown);
		model.addAttribute("statuses", CaseFileReview.Status.values());
		model.addAttribute("bodyId", bodyId);
		model.addAttribute("bodyName", bodyId == null ? null : organization.bodyNames(List.of(bodyId)).get(bodyId));
		model.addAttribute("names", names.of(reviews.items().stream().map(CaseFileReview::reviewer).toList()));
		return "penalty/reviews";
	}

	@GetMapping("/penalty-reviews/draws")
	String draws(@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		ResultPage<CaseFileDraw> draws = reviewing.draws(page);
		model.addAttribute("draws", draws);
		model.addAttribute("pager", Pager.of(draws, request));
		model.addAttribute("bodies", organization.bodyNames(Stream.concat(draws.items().stream().map(CaseFileDraw::bodyId),
				reviewing.bodiesWithClosedCases().stream()).toList()));
		model.addAttribute("drawable", reviewing.bodiesWithClosedCases());
		model.addAttribute("names", names.of(draws.items().stream().map(CaseFileDraw::drawnBy).toList()));
		model.addAttribute("canDraw", ActGuard.allows(Act.DRAW_CASE_FILES));
		model.addAttribute("settings", reviewing.settings());
		model.addAttribute("today", reviewing.today());
		return "penalty/review-draws";
	}

	@PostMapping("/penalty-reviews/draws")
	String draw(@RequestParam(required = false) Long bodyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
			HttpServletRequest request, RedirectAttributes redirect) {
		return PageActs.act("/penalty-reviews/draws", redirect, request, () -> {
			CaseFileDraw draw = reviewing.draw(bodyId, periodFrom, periodTo);
			return "已抽取" + draw.periodFrom() + "至" + draw.periodTo() + "结案的评查案卷：重大案件" + draw.majorCount()
					+ "件全部评查，其他" + draw.otherCount() + "件中随机抽取" + draw.sampledCount() + "件";
		});
	}

	@GetMapping("/penalty-reviews/{id}")
	String review(@PathVariable long id, Model model) {
		CaseFileReview review = reviewing.review(id);
		PenaltyCase c = reviewing.penaltyCase(review);
		model.addAttribute("review", review);
		model.addAttribute("case", c);
		model.addAttribute("entry", catalogue.entry(c.entryId()));
		model.addAttribute("enterprise", registry.names(List.of(c.uscc())).get(c.uscc()));
		model.addAttribute("body", organization.bodyNames(List.of(review.bodyId())).get(review.bodyId()));
		model.addAttribute("majorBecause", CaseFileReviewPolicy.majorBecause(c, reviewing.settings()));
		List<String> people = new ArrayList<>(c.investigators());
		people.addAll(java.util.Arrays.asList(c.filedBy(), c.decidedBy(), c.approvedBy(), review.reviewer()));
		model.addAttribute("names", names.of(people));
		Set<ReviewPoint> required = CaseFileReviewPolicy.documentsRequired(c);
		List<ReviewPoint> documents = Stream.of(ReviewPoint.values()).filter(ReviewPoint::ticked).toList();
		model.addAttribute("documents", documents);
		model.addAttribute("required", required);
		model.addAttribute("computed", reviewing.computed(c));
		model.addAttribute("findings", review.findings());
		// who took part in the case is told so at once, rather than after filling in the form
		Allowance reviewer = CaseFileReviewPolicy.reviewer(actors.current().map(Actor::username).orElse(null), c);
		boolean open = review.status() == CaseFileReview.Status.DRAWN && ActGuard.allows(Act.REVIEW_CASE_FILE);
		model.addAttribute("canReview", open && reviewer.allowed());
		model.addAttribute("notReviewer", open ? reviewer.reason() : null);
		model.addAttribute("settings", reviewing.settings());
		return "penalty/review";
	}

	@PostMapping("/penalty-reviews/{id}")
	String recordReview(@PathVariable long id, @RequestParam Map<String, String> form,
			@RequestParam(required = false) Integer version, HttpServletRequest request, RedirectAttributes redirect) {
		reviewing.review(id);
		Map<ReviewPoint, CaseFileReviewPolicy.Tick> ticks = new EnumMap<>(ReviewPoint.class);
		for (ReviewPoint point : ReviewPoint.values()) {
			if (point.ticked()) {
				ticks.put(point, new CaseFileReviewPolicy.Tick("true".equals(form.get("doc-" + point.name())),
						form.get("note-" + point.name())));
			}
		}
		return PageActs.act("/penalty-reviews/" + id, redirect, request, () -> {
			CaseFileReview reviewed = reviewing.review(id, ticks, form.get("summary"), version);
			return "已完成评查：" + reviewed.score() + "分，" + reviewed.result().label();
		});
	}

	@GetMapping("/penalty-reviews/results")
	String results(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, Model model,
			HttpServletRequest request) {
		Integer shown = year == null || year < 2000 || year > 2999 ? null : year;
		ResultPage<CaseFileResults.BodyResult> bodies = results.page(shown, page);
		model.addAttribute("year", shown);
		model.addAttribute("results", bodies);
		model.addAttribute("pager", Pager.of(bodies, request));
		model.addAttribute("bodies", organization.bodyNames(bodies.items().stream()
			.map(CaseFileResults.BodyResult::bodyId).toList()));
		model.addAttribute("settings", reviewing.settings());
		return "penalty/review-results";
	}

	private static CaseFileReview.Status status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return CaseFileReview.Status.valueOf(status);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
