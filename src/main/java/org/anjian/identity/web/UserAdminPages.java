package org.anjian.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.identity.internal.AccountDetails;
import org.anjian.identity.internal.Accounts;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.Jurisdiction;
import org.anjian.organization.Jurisdictions;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.ResultPage;
import org.anjian.shared.Role;
import org.anjian.shared.web.Forms;
import org.anjian.shared.web.Pager;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages for accounts (the whole of {@code /admin/**} is for administrators only, and the
 * {@link Accounts} facade checks again). The scope is chosen as a district, or the city, plus an optional
 * street or town whose options follow the district through a small htmx fragment, so that nobody has to know
 * division codes. An enterprise's user is linked to its enterprise instead, found by name or credit code in a small
 * search whose answers are options to pick; the enterprise is shown by its name and credit code.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminPages {

	static final String CITY = "310000";

	/** Enterprises offered for one search: enough to pick from, few enough to read. */
	static final int ENTERPRISE_CHOICES = 10;

	private final Accounts accounts;
	private final Jurisdictions jurisdictions;
	private final EnforcementBodies bodies;
	private final EnterpriseRegistry registry;
	private final MessageSource messages;
	private final UserAccounts userAccounts;

	UserAdminPages(Accounts accounts, Jurisdictions jurisdictions, EnforcementBodies bodies, EnterpriseRegistry registry,
			MessageSource messages, UserAccounts userAccounts) {
		this.accounts = accounts;
		this.jurisdictions = jurisdictions;
		this.bodies = bodies;
		this.registry = registry;
		this.messages = messages;
		this.userAccounts = userAccounts;
	}

	/** An enterprise as the form offers it: its name and credit code. */
	public record EnterpriseChoice(String uscc, String name) {
	}

	/** A row of the accounts table, with the scope and an enterprise's user's enterprise named rather than coded. */
	public record UserRow(long id, String username, String displayName, Set<Role> roles, String scopeName,
			String enterpriseName, boolean enabled) {
	}

	/**
	 * The account form exactly as submitted. The scope comes as a district (or {@value #CITY} for the city) and an
	 * optional street or town; the street, when given, is the scope. An enterprise's user comes with its enterprise's
	 * credit code, and the search text that found it.
	 */
	public record UserForm(String username, String displayName, Set<Role> roles, String district, String street,
			Long bodyId, String enterpriseUscc, String enterpriseQuery, String password, Boolean enabled,
			Integer version) {

		static UserForm blank() {
			return new UserForm("", "", EnumSet.noneOf(Role.class), "", "", null, "", "", "", true, null);
		}

		static UserForm of(UserAccount a) {
			JurisdictionScope scope = a.scope();
			return new UserForm(a.username(), a.displayName(), a.roles(),
					scope.level() == JurisdictionLevel.CITY ? CITY : scope.districtCode(), scope.streetCode(), a.bodyId(),
					a.enterpriseUscc(), "", "", a.enabled(), a.version());
		}

		String scopeCode() {
			if (street != null && !street.isBlank()) {
				return street.trim();
			}
			return district == null || district.isBlank() ? null : district.trim();
		}

		/** A street chosen under another district is a form left half-updated; better refused than guessed. */
		boolean streetOutsideDistrict() {
			return street != null && !street.isBlank() && district != null && !district.isBlank()
					&& !street.trim().startsWith(district.trim());
		}

		AccountDetails details(boolean withPassword) {
			return new AccountDetails(username, displayName, roles, scopeCode(), bodyId, enterpriseUscc,
					withPassword ? password : null, enabled, version);
		}

		public boolean has(Role role) {
			return roles != null && roles.contains(role);
		}
	}

	@GetMapping
	String users(@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		ResultPage<UserAccount> all = accounts.all(page);
		Map<String, String> places = jurisdictions.namesOf(all.items().stream().map(a -> a.scope().code())
			.collect(Collectors.toSet()));
		Map<String, String> enterpriseNames = registry.names(all.items().stream().map(UserAccount::enterpriseUscc)
			.filter(Objects::nonNull).collect(Collectors.toSet()));
		ResultPage<UserRow> rows = all.map(a -> new UserRow(a.id(), a.username(), a.displayName(), a.roles(),
				places.getOrDefault(a.scope().code(), a.scope().code()),
				a.enterpriseUscc() == null ? "" : enterpriseNames.getOrDefault(a.enterpriseUscc(), a.enterpriseUscc()),
				a.enabled()));
		model.addAttribute("users", rows);
		model.addAttribute("pager", Pager.of(rows, request));
		return "admin/users";
	}

	/** The list's page that shows the account just saved, at its row. */
	private String shown(UserAccount account) {
		return "redirect:/admin/users?page=" + userAccounts.pageOf(account.id()) + "#user-" + account.username();
	}

	@GetMapping("/new")
	String newUser(Model model) {
		return form(null, UserForm.blank(), Map.of(), model);
	}

	@PostMapping
	String open(UserForm form, Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		if (form.streetOutsideDistrict()) {
			return Forms.rejected(response, form(null, form, Map.of("street", text("users.streetOutsideDistrict", locale)), model));
		}
		try {
			UserAccount account = accounts.open(form.details(true));
			redirect.addFlashAttribute("success", text("users.created", locale, account.displayName()));
			return shown(account);
		}
		catch (InvalidInputException e) {
			return Forms.rejected(response, form(null, form, Forms.errors(e), model));
		}
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		return form(id, UserForm.of(accounts.account(id)), Map.of(), model);
	}

	/** Passwords are not changed here but reset on their own, so that the new one is shown exactly once. */
	@PostMapping("/{id}")
	String update(@PathVariable long id, UserForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		if (form.streetOutsideDistrict()) {
			return Forms.rejected(response, form(id, form, Map.of("street", text("users.streetOutsideDistrict", locale)), model));
		}
		try {
			UserAccount account = accounts.update(id, form.details(false));
			redirect.addFlashAttribute("success", text("users.updated", locale, account.displayName()));
			return shown(account);
		}
		catch (InvalidInputException e) {
			return Forms.rejected(response, form(id, form, Forms.errors(e), model));
		}
	}

	/**
	 * The new password travels to the next page as a flash attribute and is gone after it: it is never in a
	 * URL, and reloading the page does not show it again.
	 */
	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
		String password = accounts.resetPassword(id);
		redirect.addFlashAttribute("newPassword", password);
		redirect.addFlashAttribute("passwordFor", accounts.account(id).displayName());
		return "redirect:/admin/users/" + id + "/edit";
	}

	/** The streets and towns of a district as {@code <option>}s, for the street select to follow the district. */
	@GetMapping("/streets")
	String streets(@RequestParam(required = false) String district, Model model) {
		model.addAttribute("streets", streetsOf(district));
		model.addAttribute("form", UserForm.blank());
		return "admin/user-form :: streetOptions";
	}

	/**
	 * The enterprises whose name contains the text, or whose credit code starts with it, as options to pick for an
	 * enterprise's user.
	 */
	@GetMapping("/enterprises")
	String enterprises(@RequestParam(required = false) String enterpriseQuery, Model model) {
		model.addAttribute("found", enterprisesFound(enterpriseQuery));
		model.addAttribute("query", enterpriseQuery == null ? "" : enterpriseQuery.trim());
		model.addAttribute("searched", enterpriseQuery != null && !enterpriseQuery.isBlank());
		return "admin/user-form :: enterpriseOptions";
	}

	private String form(Long id, UserForm form, Map<String, String> errors, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", Role.values());
		model.addAttribute("districts", jurisdictions.districts());
		model.addAttribute("streets", streetsOf(form.district()));
		model.addAttribute("bodies", bodies.findAllOrdered());
		model.addAttribute("enterprise", chosenEnterprise(form.enterpriseUscc()));
		// a refused form offers again what its search had found, so that nothing is searched twice
		model.addAttribute("found", enterprisesFound(form.enterpriseQuery()).stream()
			.filter(e -> !e.uscc().equals(form.enterpriseUscc())).toList());
		model.addAttribute("query", form.enterpriseQuery() == null ? "" : form.enterpriseQuery().trim());
		model.addAttribute("searched", form.enterpriseQuery() != null && !form.enterpriseQuery().isBlank());
		return "admin/user-form";
	}

	private EnterpriseChoice chosenEnterprise(String uscc) {
		if (uscc == null || uscc.isBlank()) {
			return null;
		}
		String code = uscc.trim();
		return new EnterpriseChoice(code, registry.names(List.of(code)).get(code));
	}

	private List<EnterpriseChoice> enterprisesFound(String query) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		String q = query.trim();
		if (q.length() > 50) {
			q = q.substring(0, 50);
		}
		return registry.matching(q, ENTERPRISE_CHOICES).entrySet().stream()
			.map(e -> new EnterpriseChoice(e.getKey(), e.getValue())).toList();
	}

	/** The city has no streets of its own: choosing it leaves only "the whole scope". */
	private List<Jurisdiction> streetsOf(String district) {
		if (district == null || !district.trim().matches("\\d{6}") || CITY.equals(district.trim())) {
			return List.of();
		}
		return jurisdictions.streetsOf(district.trim());
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
