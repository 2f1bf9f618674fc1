package org.anjian.organization.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anjian.organization.Certification;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Expert;
import org.anjian.organization.ExpertDetails;
import org.anjian.organization.Experts;
import org.anjian.organization.Jurisdiction;
import org.anjian.organization.Jurisdictions;
import org.anjian.organization.Officer;
import org.anjian.organization.OfficerDetails;
import org.anjian.organization.Officers;
import org.anjian.organization.Organization;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.Pager;
import org.anjian.shared.web.Forms;
import org.anjian.shared.database.RowSecurity;
import org.anjian.shared.JurisdictionLevel;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages on which staff keep their enforcement bodies, officers and experts. Which rows a user sees is
 * decided by the database (row-level security), so these pages never filter by jurisdiction themselves; and
 * every rule is the domain's: a rejected form comes back as typed, with the domain's message beside the field
 * at fault, and nothing saved.
 */
@Controller
@RequestMapping("/organization")
class OrganizationPages {

	private final EnforcementBodies bodies;
	private final Officers officers;
	private final Experts experts;
	private final Jurisdictions jurisdictions;
	private final Organization organization;
	private final MessageSource messages;

	OrganizationPages(EnforcementBodies bodies, Officers officers, Experts experts, Jurisdictions jurisdictions,
			Organization organization, MessageSource messages) {
		this.bodies = bodies;
		this.officers = officers;
		this.experts = experts;
		this.jurisdictions = jurisdictions;
		this.organization = organization;
		this.messages = messages;
	}

	/** A row of the bodies table: the body with the name of the place it acts in. */
	public record BodyRow(long id, String name, JurisdictionLevel level, String jurisdictionName) {
	}

	/** A row of an officers table, with the body named rather than numbered. */
	public record OfficerRow(long id, String name, String badgeNumber, String bodyName,
			Set<Certification> certifications, boolean active) {

		static OfficerRow of(Officer o, Map<Long, String> bodyNames) {
			return new OfficerRow(o.id(), o.name(), o.badgeNumber(), bodyNames.getOrDefault(o.bodyId(), ""),
					o.certifications(), o.active());
		}
	}

	/** A row of an experts table, with the body named rather than numbered. */
	public record ExpertRow(long id, String name, String field, String organisation, String qualification,
			String bodyName, boolean active) {

		static ExpertRow of(Expert e, Map<Long, String> bodyNames) {
			return new ExpertRow(e.id(), e.name(), e.field(), e.organisation(), e.qualification(),
					bodyNames.getOrDefault(e.bodyId(), ""), e.active());
		}
	}

	/** The rename form of a body; the version guards against overwriting a newer name. */
	public record RenameForm(String name, Integer version) {
	}

	/** The officer form exactly as submitted, so that a rejected form comes back as the user typed it. */
	public record OfficerForm(String name, String badgeNumber, Long bodyId, String phone,
			Set<Certification> certifications, Boolean active, Integer version) {

		static OfficerForm blank() {
			return new OfficerForm("", "", null, "", EnumSet.noneOf(Certification.class), true, null);
		}

		static OfficerForm of(Officer o) {
			return new OfficerForm(o.name(), o.badgeNumber(), o.bodyId(), o.phone(), o.certifications(), o.active(),
					o.version());
		}

		OfficerDetails details() {
			return new OfficerDetails(name, badgeNumber, bodyId, phone, certifications, active, version);
		}

		public boolean holds(Certification certification) {
			return certifications != null && certifications.contains(certification);
		}
	}

	/** The expert form exactly as submitted. */
	public record ExpertForm(String name, String field, String organisation, String qualification, String phone,
			Long bodyId, Boolean active, Integer version) {

		static ExpertForm blank() {
			return new ExpertForm("", "", "", "", "", null, true, null);
		}

		static ExpertForm of(Expert e) {
			return new ExpertForm(e.name(), e.field(), e.organisation(), e.qualification(), e.phone(), e.bodyId(),
					e.active(), e.version());
		}

		ExpertDetails details() {
			return new ExpertDetails(name, field, organisation, qualification, phone, bodyId, active, version);
		}
	}

	// ---- enforcement bodies

	@GetMapping("/bodies")
	String bodies(@RequestParam(required = false) JurisdictionLevel level,
			@RequestParam(required = false) String district, @RequestParam(required = false) Integer page, Model model,
			HttpServletRequest request) {
		ResultPage<EnforcementBody> found = bodies.search(level == null ? null : level.name(), blankToNull(district), page);
		Map<String, String> places = jurisdictions.namesOf(found.items().stream().map(EnforcementBody::jurisdictionCode).toList());
		listed(model, "bodies", found.map(b -> new BodyRow(b.id(), b.name(), b.level(),
				places.getOrDefault(b.jurisdictionCode(), ""))), request);
		model.addAttribute("levels", JurisdictionLevel.values());
		model.addAttribute("districts", jurisdictions.districts());
		model.addAttribute("level", level);
		model.addAttribute("district", blankToNull(district));
		return "organization/bodies";
	}

	@GetMapping("/bodies/{id}")
	String body(@PathVariable long id, Model model) {
		EnforcementBody body = organization.body(id);
		return bodyPage(body, new RenameForm(body.name(), body.version()), Map.of(), model);
	}

	/** Renaming is the one change a body allows; the facade lets only administrators do it. */
	@PostMapping("/bodies/{id}")
	String renameBody(@PathVariable long id, RenameForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		try {
			EnforcementBody renamed = organization.renameBody(id, form.name(), form.version());
			redirect.addFlashAttribute("done", text("bodies.renamed", locale, renamed.name()));
			return "redirect:/organization/bodies/" + id;
		}
		catch (InvalidInputException e) {
			return Forms.rejected(response, bodyPage(organization.body(id), form, Forms.errors(e), model));
		}
		catch (DuplicateKeyException e) {
			return Forms.rejected(response,
					bodyPage(organization.body(id), form, Map.of("name", text("bodies.nameTaken", locale)), model));
		}
	}

	private String bodyPage(EnforcementBody body, RenameForm form, Map<String, String> errors, Model model) {
		Map<Long, String> names = Map.of(body.id(), body.name());
		model.addAttribute("body", body);
		model.addAttribute("jurisdictionName",
				jurisdictions.findById(body.jurisdictionCode()).map(Jurisdiction::name).orElse(body.jurisdictionCode()));
		model.addAttribute("officers", officers.search(body.id(), null, null).stream()
			.map(o -> OfficerRow.of(o, names)).toList());
		model.addAttribute("experts", experts.search(body.id(), null).stream()
			.map(e -> ExpertRow.of(e, names)).toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "organization/body";
	}

	// ---- officers

	@GetMapping("/officers")
	String officers(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model,
			HttpServletRequest request) {
		List<EnforcementBody> visible = bodies.findAllOrdered();
		Map<Long, String> names = names(visible);
		listed(model, "officers", officers.search(bodyId, active, blankToNull(q), page).map(o -> OfficerRow.of(o, names)),
				request);
		model.addAttribute("bodies", visible);
		model.addAttribute("bodyId", bodyId);
		model.addAttribute("active", active);
		model.addAttribute("q", blankToNull(q));
		return "organization/officers";
	}

	/** Only administrators and leaders appoint; others are refused the form, not just the save. */
	@GetMapping("/officers/new")
	@Authorized(Act.APPOINT_OFFICER)
	public String newOfficer(Model model) {
		return officerForm(null, OfficerForm.blank(), Map.of(), model);
	}

	@PostMapping("/officers")
	String appointOfficer(OfficerForm form, Model model, HttpServletResponse response, RedirectAttributes redirect,
			Locale locale) {
		try {
			Officer officer = organization.appointOfficer(form.details());
			redirect.addFlashAttribute("done", text("officers.appointed", locale, officer.name(), officer.badgeNumber()));
			return "redirect:" + listed("/organization/officers", officer.badgeNumber());
		}
		catch (InvalidInputException e) {
			return Forms.rejected(response, officerForm(null, form, Forms.errors(e), model));
		}
		catch (DuplicateKeyException e) {
			// the same badge in a jurisdiction the caller cannot see: the database's unique key has the last word
			return Forms.rejected(response, officerForm(null, form,
					Map.of("badgeNumber", text("officers.badgeTaken", locale, form.badgeNumber())), model));
		}
		catch (DataAccessException e) {
			return Forms.rejected(response, officerForm(null, form, outsideJurisdiction(e, locale), model));
		}
	}

	@GetMapping("/officers/{id}/edit")
	@Authorized(Act.APPOINT_OFFICER)
	public String editOfficer(@PathVariable long id, Model model) {
		return officerForm(id, OfficerForm.of(organization.officer(id)), Map.of(), model);
	}

	@PostMapping("/officers/{id}")
	String updateOfficer(@PathVariable long id, OfficerForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		try {
			Officer officer = organization.updateOfficer(id, form.details());
			redirect.addFlashAttribute("done", text("officers.updated", locale, officer.name(), officer.badgeNumber()));
			return "redirect:" + listed("/organization/officers", officer.badgeNumber());
		}
		catch (InvalidInputException e) {
			return Forms.rejected(response, officerForm(id, form, Forms.errors(e), model));
		}
		catch (DataAccessException e) {
			return Forms.rejected(response, officerForm(id, form, outsideJurisdiction(e, locale), model));
		}
	}

	private String officerForm(Long id, OfficerForm form, Map<String, String> errors, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("bodies", bodies.findAllOrdered());
		model.addAttribute("certifications", Certification.values());
		return "organization/officer-form";
	}

	// ---- experts

	@GetMapping("/experts")
	String experts(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		List<EnforcementBody> visible = bodies.findAllOrdered();
		Map<Long, String> names = names(visible);
		listed(model, "experts", experts.search(bodyId, blankToNull(q), page).map(e -> ExpertRow.of(e, names)), request);
		model.addAttribute("bodies", visible);
		model.addAttribute("bodyId", bodyId);
		model.addAttribute("q", blankToNull(q));
		return "organization/experts";
	}

	@GetMapping("/experts/new")
	String newExpert(Model model) {
		return expertForm(null, ExpertForm.blank(), Map.of(), model);
	}

	@PostMapping("/experts")
	String registerExpert(ExpertForm form, Model model, HttpServletResponse response, RedirectAttributes redirect,
			Locale locale) {
		try {
			Expert expert = organization.registerExpert(form.details());
			redirect.addFlashAttribute("done", text("experts.registered", locale, expert.name()));
			return "redirect:" + listed("/organization/experts", expert.name());
		}
		catch (InvalidInputException e) {
			return Forms.rejected(response, expertForm(null, form, Forms.errors(e), model));
		}
		catch (DataAccessException e) {
			return Forms.rejected(response, expertForm(null, form, outsideJurisdiction(e, locale), model));
		}
	}

	@GetMapping("/experts/{id}/edit")
	String editExpert(@PathVariable long id, Model model) {
		return expertForm(id, ExpertForm.of(organization.expert(id)), Map.of(), model);
	}

	@PostMapping("/experts/{id}")
	String updateExpert(@PathVariable long id, ExpertForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		try {
			Expert expert = organization.updateExpert(id, form.details());
			redirect.addFlashAttribute("done", text("experts.updated", locale, expert.name()));
			return "redirect:" + listed("/organization/experts", expert.name());
		}
		catch (InvalidInputException e) {
			return Forms.rejected(response, expertForm(id, form, Forms.errors(e), model));
		}
	}

	private String expertForm(Long id, ExpertForm form, Map<String, String> errors, Model model) {
		List<EnforcementBody> visible = bodies.findAllOrdered();
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("bodies", visible);
		// an expert stays on the list of the body that registered them; the edit form only names it
		model.addAttribute("bodyName", form.bodyId() == null ? "" : names(visible).getOrDefault(form.bodyId(), ""));
		return "organization/expert-form";
	}

	// ---- helpers

	/**
	 * The list searched for the one just saved, which shows it and its success message at once: the whole list is
	 * paged and sorted by place, so that a new officer is rarely on its first page.
	 */
	static String listed(String list, String search) {
		return UriComponentsBuilder.fromPath(list).queryParam("q", search).encode().build().toUriString();
	}

	/** A page of a list under {@code name}, its rows as {@code name}'s items and its pager as {@code pager}. */
	private static void listed(Model model, String name, ResultPage<?> page, HttpServletRequest request) {
		model.addAttribute(name, page);
		model.addAttribute("pager", Pager.of(page, request));
	}

	/**
	 * A body above the caller's jurisdiction is visible (and so offered in the form) but not writable: the
	 * database refuses the row (SQL state 42501), which the form shows beside the body. Any other failure is
	 * not the form's to explain.
	 */
	private Map<String, String> outsideJurisdiction(DataAccessException e, Locale locale) {
		if (RowSecurity.refusedOutsideScope(e)) {
			return Map.of("bodyId", text("bodies.outsideJurisdiction", locale));
		}
		throw e;
	}

	private static Map<Long, String> names(List<EnforcementBody> visible) {
		return visible.stream().collect(Collectors.toMap(EnforcementBody::id, EnforcementBody::name, (a, b) -> a,
				LinkedHashMap::new));
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
