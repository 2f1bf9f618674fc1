package org.anjian.enterprise.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseDetails;
import org.anjian.enterprise.internal.EnterpriseQuery;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.internal.EnterpriseSearch;
import org.anjian.enterprise.internal.IndustryDivisions;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SectorSubtype;
import org.anjian.enterprise.StandardizationGrade;
import org.anjian.enterprise.internal.SupervisionRules;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Jurisdiction;
import org.anjian.organization.Jurisdictions;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.Uscc;
import org.anjian.shared.database.RowSecurity;
import org.anjian.shared.security.ActGuard;
import org.anjian.shared.web.Forms;
import org.anjian.shared.web.PageActs;
import org.anjian.shared.web.Pager;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The enterprise files as officers and enterprises meet them: the searchable list, the file with its tabs, the
 * create and edit forms, the officer's acts (supervision level, suspend, resume, deregister) and the enterprise's
 * own contact form. Which files a caller reaches is the database's decision (row-level security); these pages
 * only refuse early what the forms never offer (another jurisdiction, another enterprise), and show the domain's
 * refusals beside the field at fault.
 */
@Controller
@RequestMapping("/enterprises")
class EnterprisePages {

	static final int PAGE_SIZE = 20;

	private final EnterpriseRegistry registry;
	private final EnterpriseSearch search;
	private final EnterpriseHistory history;
	private final Jurisdictions jurisdictions;
	private final EnforcementBodies bodies;
	private final IndustryDivisions industries;
	private final SupervisionRules rules;
	private final CurrentActor actor;
	private final MessageSource messages;

	EnterprisePages(EnterpriseRegistry registry, EnterpriseSearch search, EnterpriseHistory history,
			Jurisdictions jurisdictions, EnforcementBodies bodies, IndustryDivisions industries,
			SupervisionRules rules, CurrentActor actor, MessageSource messages) {
		this.registry = registry;
		this.search = search;
		this.history = history;
		this.jurisdictions = jurisdictions;
		this.bodies = bodies;
		this.industries = industries;
		this.rules = rules;
		this.actor = actor;
		this.messages = messages;
	}

	/** The list's filters as they stand in the URL; an empty choice means "all". */
	public record Filters(String q, String district, String street, Sector sector, RiskTag tag,
			JurisdictionLevel level, Boolean keyUnit, OperatingStatus status, String grade) {

		public Filters {
			q = blankToNull(q);
			district = blankToNull(district);
			street = blankToNull(street);
			grade = blankToNull(grade);
		}

		EnterpriseQuery query(int page) {
			return new EnterpriseQuery(q, district, street, sector, tag, level, keyUnit, status, page, PAGE_SIZE, grade);
		}

		/** Whether anything besides the search text narrows the list, so that phones show the filters open. */
		public boolean narrowed() {
			return district != null || street != null || sector != null || tag != null || level != null
					|| keyUnit != null || status != null || grade != null;
		}
	}

	/** The supervision-level form on the file: a level, or {@code RULE} to return to the rules, and the reason. */
	public record SupervisionForm(String level, String reason, Integer version) {
	}

	/** The enterprise's own form: its safety manager and phone. */
	public record ContactForm(String safetyManager, String safetyManagerPhone, Integer version) {
	}

	/** Whether the caller keeps files (changes them, by the {@link Act table}): the pages offer the edits to them only. */
	@ModelAttribute("keeps")
	boolean keeps() {
		return ActGuard.allows(Act.CHANGE_ENTERPRISE);
	}

	// ---- the list

	@GetMapping
	String list(Filters filters, @RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		Optional<String> own = ownEnterprise();
		if (own.isPresent()) {
			return "redirect:/enterprises/" + own.get();
		}
		EnterpriseSearch.Page found = search.search(filters.query(ResultPage.number(page) - 1));
		if (found.rows().isEmpty() && found.page() > 0 && !found.totalCapped()) {
			// a page beyond the last shows the last (past a capped count: an empty page with the pager)
			found = search.search(filters.query((int) Math.max(0, found.pages() - 1)));
		}
		Set<String> codes = new HashSet<>();
		found.rows().forEach(r -> {
			codes.add(r.districtCode());
			if (r.streetCode() != null) {
				codes.add(r.streetCode());
			}
		});
		model.addAttribute("filters", filters);
		model.addAttribute("result", found);
		model.addAttribute("pager", Pager.of(new ResultPage<>(found.rows(), found.page() + 1, found.size(), found.total(),
				!found.totalCapped()), request));
		model.addAttribute("places", jurisdictions.namesOf(codes));
		model.addAttribute("districts", districtsInScope());
		model.addAttribute("streets", streetsInScope(filters.district() != null ? filters.district() : scopeDistrict()));
		model.addAttribute("selectedStreet", filters.street());
		model.addAttribute("forForm", false);
		model.addAttribute("sectors", Sector.values());
		model.addAttribute("tags", RiskTag.values());
		model.addAttribute("levels", JurisdictionLevel.values());
		model.addAttribute("statuses", OperatingStatus.values());
		return "enterprise/list";
	}

	/** The streets and towns of a district as {@code <option>}s, so that the street choice follows the district. */
	@GetMapping("/streets")
	String streets(@RequestParam(required = false) String district,
			@RequestParam(required = false) String districtCode, @RequestParam(defaultValue = "false") boolean form,
			Model model) {
		// the list's select is named district, the form's districtCode (the field it fills)
		model.addAttribute("streets", streetsInScope(district != null && !district.isBlank() ? district : districtCode));
		model.addAttribute("selectedStreet", null);
		model.addAttribute("forForm", form);
		return "enterprise/fragments :: streetOptions";
	}

	// ---- the file

	@GetMapping("/{uscc}")
	String file(@PathVariable String uscc, @RequestParam(defaultValue = "basic") String tab, Model model,
			Locale locale) {
		Enterprise enterprise = reachable(uscc);
		String level = enterprise.supervisionOverridden() ? enterprise.supervisionLevel().name() : "RULE";
		return filePage(enterprise, tab, new SupervisionForm(level, "", enterprise.version()), Map.of(), model, locale);
	}

	@PostMapping("/{uscc}/supervision")
	@Authorized(Act.CHANGE_SUPERVISION_LEVEL)
	String supervision(@PathVariable String uscc, SupervisionForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		refuseEnterpriseUsers(locale);
		boolean byRule = form.level() == null || form.level().isBlank() || "RULE".equals(form.level());
		if (!byRule && Arrays.stream(JurisdictionLevel.values()).noneMatch(l -> l.name().equals(form.level()))) {
			return Forms.rejected(response, filePage(registry.file(uscc), "risk", form,
					Map.of("level", text("enterprise.supervision.chooseLevel", locale)), model, locale));
		}
		JurisdictionLevel level = byRule ? null : JurisdictionLevel.valueOf(form.level());
		return submit(response, locale, errors -> filePage(registry.file(uscc), "risk", form, errors, model, locale), () -> {
			Enterprise e = registry.overrideSupervision(uscc, level, form.reason(), form.version());
			redirect.addFlashAttribute("done", text(level == null ? "enterprise.supervision.restored"
					: "enterprise.supervision.overridden", locale, text("level." + e.supervisionLevel(), locale)));
			return "redirect:/enterprises/" + e.uscc() + "?tab=risk";
		});
	}

	/** A file opened before someone else changed the status is refused with the reason, on the file as it is now. */
	@PostMapping("/{uscc}/suspension")
	@Authorized(Act.SUSPEND_ENTERPRISE)
	String suspend(@PathVariable String uscc, RedirectAttributes redirect, Locale locale) {
		refuseEnterpriseUsers(locale);
		return PageActs.act(fileUrl(uscc), redirect, () -> text("enterprise.suspended", locale, registry.suspend(uscc).name()));
	}

	@PostMapping("/{uscc}/resumption")
	@Authorized(Act.RESUME_ENTERPRISE)
	String resume(@PathVariable String uscc, RedirectAttributes redirect, Locale locale) {
		refuseEnterpriseUsers(locale);
		return PageActs.act(fileUrl(uscc), redirect, () -> text("enterprise.resumed", locale, registry.resume(uscc).name()));
	}

	@PostMapping("/{uscc}/deregistration")
	@Authorized(Act.DEREGISTER_ENTERPRISE)
	String deregister(@PathVariable String uscc, RedirectAttributes redirect, Locale locale) {
		refuseEnterpriseUsers(locale);
		return PageActs.act(fileUrl(uscc), redirect,
				() -> text("enterprise.deregistered", locale, registry.deregister(uscc).name()));
	}

	/** The file's page: 400 for a malformed code before anything is done. */
	private static String fileUrl(String uscc) {
		return "/enterprises/" + Uscc.of(uscc).value();
	}

	private String filePage(Enterprise e, String tab, SupervisionForm form, Map<String, String> errors, Model model,
			Locale locale) {
		boolean enterpriseUser = ownEnterprise().isPresent();
		String shown = List.of("basic", "risk", "history").contains(tab) && !(enterpriseUser && "history".equals(tab))
				? tab : "basic";
		Map<String, String> places = jurisdictions.namesOf(e.streetCode() == null ? List.of(e.districtCode())
				: List.of(e.districtCode(), e.streetCode()));
		model.addAttribute("e", e);
		model.addAttribute("tab", shown);
		model.addAttribute("districtName", places.getOrDefault(e.districtCode(), e.districtCode()));
		model.addAttribute("streetName", e.streetCode() == null ? null : places.getOrDefault(e.streetCode(), e.streetCode()));
		model.addAttribute("industryName", e.industryCode() == null ? null : industryName(e.industryCode()));
		model.addAttribute("bodyName", bodies.findById(e.supervisingBodyId()).map(EnforcementBody::name)
			.orElse(text("enterprise.history.bodyNumber", locale, e.supervisingBodyId())));
		model.addAttribute("ruleName", e.levelRule() == null ? null : rules.ruleNames().getOrDefault(e.levelRule(), e.levelRule()));
		model.addAttribute("levels", JurisdictionLevel.values());
		model.addAttribute("supervisionForm", form);
		model.addAttribute("errors", errors);
		model.addAttribute("nextStatuses", Arrays.stream(OperatingStatus.values()).filter(e.operatingStatus()::allows).toList());
		if ("history".equals(shown)) {
			model.addAttribute("changes", history.of(e.uscc(), locale));
		}
		return "enterprise/file";
	}

	// ---- create and edit

	@GetMapping("/new")
	@Authorized(Act.REGISTER_ENTERPRISE)
	String newEnterprise(Model model, Locale locale) {
		refuseEnterpriseUsers(locale);
		JurisdictionScope scope = scope();
		return form(null, EnterpriseForm.blank(scope == null ? null : scope.districtCode(),
				scope == null ? null : scope.streetCode()), Map.of(), model);
	}

	@PostMapping
	@Authorized(Act.REGISTER_ENTERPRISE)
	String register(EnterpriseForm form, Model model, HttpServletResponse response, RedirectAttributes redirect,
			Locale locale) {
		refuseEnterpriseUsers(locale);
		refuseOutsideScope(form.districtCode(), locale);
		Map<String, String> errors = new LinkedHashMap<>();
		EnterpriseDetails details = form.details(List.of(), errors);
		if (details == null) {
			return Forms.rejected(response, form(null, form, errors, model));
		}
		try {
			return submit(response, locale, refused -> form(null, form, refused, model), () -> {
				Enterprise e = registry.register(details);
				redirect.addFlashAttribute("done", text("enterprise.registered", locale, e.name()));
				return "redirect:/enterprises/" + e.uscc();
			});
		}
		catch (DataAccessException e) {
			if (RowSecurity.duplicate(e)) {
				// registered in a jurisdiction the caller cannot see: the primary key has the last word
				return Forms.rejected(response, form(null, form,
						Map.of("uscc", text("enterprise.usccTaken", locale, form.uscc())), model));
			}
			throw e;
		}
	}

	@GetMapping("/{uscc}/edit")
	@Authorized(Act.CHANGE_ENTERPRISE)
	String edit(@PathVariable String uscc, Model model, Locale locale) {
		refuseEnterpriseUsers(locale);
		Enterprise e = registry.file(uscc);
		return form(e, EnterpriseForm.of(e), Map.of(), model);
	}

	@PostMapping("/{uscc}")
	@Authorized(Act.CHANGE_ENTERPRISE)
	String update(@PathVariable String uscc, EnterpriseForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		refuseEnterpriseUsers(locale);
		Enterprise current = registry.file(uscc);
		refuseOutsideScope(form.districtCode(), locale);
		Map<String, String> errors = new LinkedHashMap<>();
		EnterpriseDetails details = form.details(current.formerNames(), errors);
		if (details == null) {
			return Forms.rejected(response, form(current, form, errors, model));
		}
		return submit(response, locale, refused -> {
			if (response.getStatus() == HttpStatus.CONFLICT.value()) {
				model.addAttribute("conflict", true); // someone else's change: the form offers the file as it is now
			}
			return form(current, form, refused, model);
		}, () -> {
			Enterprise e = registry.update(uscc, details);
			redirect.addFlashAttribute("done", text("enterprise.updated", locale, e.name()));
			return "redirect:/enterprises/" + e.uscc();
		});
	}

	private String form(Enterprise current, EnterpriseForm form, Map<String, String> errors, Model model) {
		model.addAttribute("current", current);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("districts", districtsInScope());
		model.addAttribute("streets", streetsInScope(form.districtCode()));
		model.addAttribute("selectedStreet", form.streetCode());
		model.addAttribute("forForm", true);
		model.addAttribute("industries", industries.all());
		model.addAttribute("sectors", Sector.values());
		model.addAttribute("subtypes", subtypesBySector());
		model.addAttribute("tags", RiskTag.values());
		model.addAttribute("scales", Scale.values());
		model.addAttribute("grades", StandardizationGrade.values());
		return "enterprise/form";
	}

	private static Map<Sector, List<SectorSubtype>> subtypesBySector() {
		Map<Sector, List<SectorSubtype>> grouped = new LinkedHashMap<>();
		for (SectorSubtype s : SectorSubtype.values()) {
			grouped.computeIfAbsent(s.sector(), k -> new ArrayList<>()).add(s);
		}
		return grouped;
	}

	// ---- the enterprise's own contact

	@GetMapping("/{uscc}/contact")
	@Authorized(Act.CHANGE_CONTACT)
	String contact(@PathVariable String uscc, Model model) {
		Enterprise e = reachable(uscc);
		return contactForm(e, new ContactForm(e.safetyManager(), e.safetyManagerPhone(), e.version()), Map.of(), model);
	}

	@PostMapping("/{uscc}/contact")
	@Authorized(Act.CHANGE_CONTACT)
	String updateContact(@PathVariable String uscc, ContactForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		reachable(uscc);
		return submit(response, locale, errors -> contactForm(registry.file(uscc), form, errors, model), () -> {
			Enterprise e = registry.updateContact(uscc, form.safetyManager(), form.safetyManagerPhone(), form.version());
			redirect.addFlashAttribute("done", text("enterprise.contactUpdated", locale));
			return "redirect:/enterprises/" + e.uscc();
		});
	}

	private String contactForm(Enterprise e, ContactForm form, Map<String, String> errors, Model model) {
		model.addAttribute("e", e);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "enterprise/contact";
	}

	/**
	 * A form's act, for every form of these pages alike: done, it gives its redirect; refused input shows the form
	 * again as typed with the message beside the field (400); someone else's change since the form was opened shows
	 * it again saying so (409), so that nothing is overwritten and nothing typed is lost.
	 */
	private String submit(HttpServletResponse response, Locale locale, Function<Map<String, String>, String> form,
			Supplier<String> act) {
		try {
			return act.get();
		}
		catch (InvalidInputException e) {
			return Forms.rejected(response, form.apply(Forms.errors(e)));
		}
		catch (OptimisticLockingFailureException e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return form.apply(Map.of("form", text("enterprise.conflict", locale)));
		}
	}

	// ---- who may reach what

	/** The file, if the caller may see it; an enterprise's user reaches no file but its own. */
	private Enterprise reachable(String uscc) {
		String code = Uscc.of(uscc).value();
		Optional<String> own = ownEnterprise();
		if (own.isPresent() && !own.get().equals(code)) {
			// the same answer as for a file that does not exist: nothing is learnt of others
			throw new NotFoundException("统一社会信用代码 " + code + " 的企业不存在或不在您的管辖范围内");
		}
		return registry.file(code);
	}

	/** The credit code of the caller's own enterprise, for an enterprise's user; empty for officers. */
	private Optional<String> ownEnterprise() {
		Optional<Actor> a = actor.current();
		if (a.isEmpty() || !a.get().isEnterprise()) {
			return Optional.empty();
		}
		String code = a.get().enterpriseUscc();
		if (code.isBlank()) {
			throw new NotFoundException("您的账号尚未关联企业，请联系属地执法部门");
		}
		return Optional.of(code);
	}

	private void refuseEnterpriseUsers(Locale locale) {
		if (actor.current().map(Actor::isEnterprise).orElse(false)) {
			throw new AccessDeniedException(text("enterprise.enterpriseUserRefused", locale));
		}
	}

	/** The forms offer only districts of the caller's scope; another one was not chosen but crafted. */
	private void refuseOutsideScope(String district, Locale locale) {
		JurisdictionScope scope = scope();
		String d = blankToNull(district);
		if (scope != null && d != null && scope.level() != JurisdictionLevel.CITY && !d.equals(scope.districtCode())) {
			throw new AccessDeniedException(text("enterprise.outsideJurisdiction", locale));
		}
	}

	private JurisdictionScope scope() {
		return actor.current().map(Actor::scope).orElse(null);
	}

	private String scopeDistrict() {
		JurisdictionScope scope = scope();
		return scope == null ? null : scope.districtCode();
	}

	private List<Jurisdiction> districtsInScope() {
		JurisdictionScope scope = scope();
		if (scope == null || scope.level() == JurisdictionLevel.CITY) {
			return jurisdictions.districts();
		}
		return jurisdictions.findById(scope.districtCode()).map(List::of).orElse(List.of());
	}

	private List<Jurisdiction> streetsInScope(String district) {
		String d = blankToNull(district);
		if (d == null || !d.matches("\\d{6}")) {
			return List.of();
		}
		JurisdictionScope scope = scope();
		if (scope != null && scope.level() == JurisdictionLevel.STREET) {
			return jurisdictions.findById(scope.streetCode()).filter(s -> s.code().startsWith(d)).map(List::of)
				.orElse(List.of());
		}
		return jurisdictions.streetsOf(d);
	}

	private String industryName(String code) {
		Map<String, String> names = new HashMap<>();
		industries.all().forEach(i -> names.put(i.code(), i.name()));
		return names.getOrDefault(code, "");
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
