package org.anjian.grading.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anjian.grading.FactIntake;
import org.anjian.grading.FactKind;
import org.anjian.grading.Grade;
import org.anjian.grading.OverrideKind;
import org.anjian.grading.RiskPortrait;
import org.anjian.grading.internal.GradeDashboard;
import org.anjian.grading.internal.PointLabels;
import org.anjian.grading.internal.PolicyRevision;
import org.anjian.grading.internal.PolicyStatus;
import org.anjian.grading.internal.ScoringPolicies;
import org.anjian.grading.internal.ScoringPolicy;
import org.anjian.grading.internal.WatchList;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.Uscc;
import org.anjian.shared.web.Forms;
import org.anjian.shared.web.Pager;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grading pages: an enterprise's portrait, the grade dashboard, the watch list, and the administrators'
 * pages for the versions of the scoring policy.
 */
@Controller
@PreAuthorize(GradingApi.OFFICERS)
class GradingPages {

	private final RiskPortrait portraits;
	private final FactIntake intake;
	private final GradeDashboard dashboard;
	private final WatchList watchList;
	private final ScoringPolicies policies;
	private final PolicyRevision revision;
	private final Clock clock;

	GradingPages(RiskPortrait portraits, FactIntake intake, GradeDashboard dashboard,
			WatchList watchList, ScoringPolicies policies, PolicyRevision revision, Clock clock) {
		this.portraits = portraits;
		this.intake = intake;
		this.dashboard = dashboard;
		this.watchList = watchList;
		this.policies = policies;
		this.revision = revision;
		this.clock = clock;
	}

	@GetMapping("/enterprises/{uscc}/portrait")
	String portrait(@PathVariable String uscc, Model model) {
		String code = Uscc.of(uscc).value();
		intake.requireVisible(code);
		model.addAttribute("uscc", code);
		RiskPortrait.Portrait portrait = portraits.of(code).orElse(null);
		model.addAttribute("portrait", portrait);
		if (portrait != null) {
			// plain lists for the chart script, which Thymeleaf writes as JavaScript literals
			// the changes, then today, so that the last grade is drawn up to now
			List<String> dates = new ArrayList<>(portrait.history().stream().map(c -> c.at().toString()).toList());
			List<String> grades = new ArrayList<>(portrait.history().stream().map(c -> c.to().name()).toList());
			List<Double> scores = new ArrayList<>(portrait.history().stream().map(c -> c.score().doubleValue()).toList());
			dates.add(OffsetDateTime.now(clock).toString());
			grades.add(portrait.grade().name());
			scores.add(portrait.score().doubleValue());
			model.addAttribute("chartDates", dates);
			model.addAttribute("chartGrades", grades);
			model.addAttribute("chartScores", scores);
		}
		model.addAttribute("watch", watchList.of(code));
		return "grading/portrait";
	}

	@GetMapping("/grading")
	String dashboard(@RequestParam(required = false) String district, Model model) {
		GradeDashboard.Dashboard shown = dashboard.of(district == null || district.isBlank() ? null : district);
		if ((district == null || district.isBlank()) && shown.byPlace().size() == 1) {
			// a district's (or street's) own officers see their streets and towns rather than one bar
			district = shown.byPlace().get(0).code();
			shown = dashboard.of(district);
		}
		model.addAttribute("dashboard", shown);
		model.addAttribute("district", district == null || district.isBlank() ? null : district);
		model.addAttribute("chartNames", shown.byPlace().stream().map(GradeDashboard.Distribution::name).toList());
		model.addAttribute("chartCounts", Map.of("A", shown.byPlace().stream().map(GradeDashboard.Distribution::a).toList(),
				"B", shown.byPlace().stream().map(GradeDashboard.Distribution::b).toList(),
				"C", shown.byPlace().stream().map(GradeDashboard.Distribution::c).toList(),
				"D", shown.byPlace().stream().map(GradeDashboard.Distribution::d).toList()));
		model.addAttribute("grades", Grade.values());
		return "grading/dashboard";
	}

	@GetMapping("/watch-list")
	String watchList(@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		entries(page, model, request);
		return "grading/watch-list";
	}

	@PostMapping("/watch-list")
	String watch(@RequestParam(required = false) String uscc, @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect, HttpServletRequest request) {
		try {
			watchList.add(Uscc.of(uscc).value(), reason);
		}
		catch (InvalidInputException e) {
			entries(null, model, request);
			model.addAttribute("errors", Forms.errors(e));
			model.addAttribute("uscc", uscc);
			model.addAttribute("reason", reason);
			return Forms.rejected(response, "grading/watch-list");
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/watch-list";
	}

	@PostMapping("/watch-list/{id}/removal")
	String unwatch(@PathVariable long id, @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect, HttpServletRequest request) {
		try {
			watchList.remove(id, reason);
		}
		catch (InvalidInputException e) {
			entries(null, model, request);
			model.addAttribute("errors", Map.of("removal" + id, e.getMessage()));
			return Forms.rejected(response, "grading/watch-list");
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/watch-list";
	}

	/** A page of the watch list and its pager; after a refused form, the first page (the form posts to the list). */
	private void entries(Integer page, Model model, HttpServletRequest request) {
		ResultPage<WatchList.Entry> entries = watchList.entries(page, ResultPage.DEFAULT_SIZE);
		model.addAttribute("entries", entries);
		model.addAttribute("pager", page != null || "GET".equals(request.getMethod()) ? Pager.of(entries, request)
				: new Pager(entries, request.getContextPath() + "/watch-list"));
	}

	// ---- the scoring policy (administrators; /admin/** is theirs alone)

	/** A line of the policy page: an item or factor with its Chinese name. */
	public record ItemRow(String key, String label, BigDecimal points) {
	}

	@GetMapping("/admin/scoring")
	String versions(Model model) {
		model.addAttribute("versions", policies.versions());
		return "grading/policies";
	}

	@PostMapping("/admin/scoring/drafts")
	String draft(@RequestParam(required = false) String note, @AuthenticationPrincipal UserDetails user) {
		return "redirect:/admin/scoring/" + revision.draft(note, user.getUsername());
	}

	@GetMapping("/admin/scoring/{version}")
	String version(@PathVariable int version, @RequestParam(defaultValue = "false") boolean preview, Model model) {
		show(policies.version(version), model);
		if (preview) {
			model.addAttribute("preview", revision.preview(version));
		}
		return "grading/policy";
	}

	@PostMapping("/admin/scoring/{version}")
	String revise(@PathVariable int version, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			revision.revise(version, parse(version, form));
		}
		catch (InvalidInputException e) {
			show(policies.version(version), model);
			model.addAttribute("errors", Forms.errors(e));
			return Forms.rejected(response, "grading/policy");
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/scoring/" + version;
	}

	@PostMapping("/admin/scoring/{version}/activation")
	String activate(@PathVariable int version, RedirectAttributes redirect) {
		redirect.addFlashAttribute("run", revision.activate(version));
		return "redirect:/admin/scoring/" + version;
	}

	private void show(ScoringPolicy policy, Model model) {
		ScoringPolicies.Version described = policies.describe(policy.version());
		model.addAttribute("policy", policy);
		model.addAttribute("described", described);
		model.addAttribute("editable", described.status() == PolicyStatus.DRAFT);
		List<ItemRow> items = new ArrayList<>();
		policy.items().forEach((key, points) -> items.add(new ItemRow(key, PointLabels.of(key), points)));
		items.sort(java.util.Comparator.comparing(ItemRow::key));
		model.addAttribute("items", items);
		model.addAttribute("factors", FactKindRows.of(policy));
		Map<String, ScoringPolicy.Override> overrides = new LinkedHashMap<>();
		policy.overrides().forEach(o -> overrides.put(o.kind().name(), o));
		model.addAttribute("overrideKinds", OverrideKind.values());
		model.addAttribute("overrides", overrides);
		model.addAttribute("grades", Grade.values());
	}

	/** The factors of a policy in the order of the kinds of fact. */
	record FactKindRows(FactKind kind, ScoringPolicy.Factor factor) {

		static List<FactKindRows> of(ScoringPolicy policy) {
			List<FactKindRows> rows = new ArrayList<>();
			for (FactKind kind : FactKind.values()) {
				if (policy.factors().containsKey(kind)) {
					rows.add(new FactKindRows(kind, policy.factors().get(kind)));
				}
			}
			return rows;
		}
	}

	/** Reads the policy form: {@code threshold_a}, {@code item:KEY}, {@code factor:KIND:field}, {@code override:KIND:field}. */
	static ScoringPolicy parse(int version, Map<String, String> form) {
		Map<String, BigDecimal> items = new LinkedHashMap<>();
		Map<FactKind, ScoringPolicy.Factor> factors = new EnumMap<>(FactKind.class);
		List<ScoringPolicy.Override> overrides = new ArrayList<>();
		form.forEach((name, value) -> {
			if (name.startsWith("item:")) {
				items.put(name.substring(5), number(name, value));
			}
		});
		for (FactKind kind : FactKind.values()) {
			String p = "factor:" + kind + ":";
			if (form.containsKey(p + "each")) {
				String cap = form.get(p + "cap");
				factors.put(kind, new ScoringPolicy.Factor(kind, number(p + "each", form.get(p + "each")),
						number(p + "perDeath", form.get(p + "perDeath")), number(p + "perInjury", form.get(p + "perInjury")),
						number(p + "perTenThousandYuan", form.get(p + "perTenThousandYuan")),
						number(p + "windowMonths", form.get(p + "windowMonths")).intValue(),
						number(p + "decayFloor", form.get(p + "decayFloor")),
						cap == null || cap.isBlank() ? null : number(p + "cap", cap)));
			}
		}
		for (OverrideKind kind : OverrideKind.values()) {
			String grade = form.get("override:" + kind + ":grade");
			if (grade != null && !grade.isBlank()) {
				String window = form.get("override:" + kind + ":windowMonths");
				overrides.add(new ScoringPolicy.Override(kind,
						window == null || window.isBlank() ? null : number("override:" + kind, window).intValue(),
						Grade.valueOf(grade)));
			}
		}
		ScoringPolicy.Thresholds thresholds = new ScoringPolicy.Thresholds(number("threshold_a", form.get("threshold_a")),
				number("threshold_b", form.get("threshold_b")), number("threshold_c", form.get("threshold_c")));
		return new ScoringPolicy(version, null, items, factors, thresholds, overrides);
	}

	private static BigDecimal number(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "请填写数值");
		}
		try {
			return new BigDecimal(value.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field, "“" + value + "”不是数字");
		}
	}

}
