package org.anjian.identity.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.identity.UserAccount;
import org.anjian.identity.internal.EnterpriseAccounts;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.web.Forms;
import org.anjian.shared.web.PageActs;
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
 * An enterprise's accounts, reached from its file: its users by name, a new user for it whose one-time password
 * is shown once to the officer who hands it over, and an existing enterprise user linked to it. For the
 * administrator and the officers within whose reach the enterprise lies ({@link EnterpriseAccounts} checks).
 */
@Controller
@RequestMapping("/enterprises/{uscc}/accounts")
class EnterpriseAccountPages {

	private final EnterpriseAccounts accounts;
	private final EnterpriseRegistry registry;
	private final MessageSource messages;

	EnterpriseAccountPages(EnterpriseAccounts accounts, EnterpriseRegistry registry, MessageSource messages) {
		this.accounts = accounts;
		this.registry = registry;
		this.messages = messages;
	}

	/** The new-account form as typed. */
	public record AccountForm(String username, String displayName) {

		static AccountForm blank() {
			return new AccountForm("", "");
		}
	}

	/** A user of the enterprise, or one that could be linked to it (with the enterprise it belongs to now, if any). */
	public record AccountRow(long id, String displayName, boolean enabled, String currentEnterprise, Integer version) {
	}

	@GetMapping
	String accounts(@PathVariable String uscc, @RequestParam(required = false) String q, Model model) {
		return page(uscc, q, AccountForm.blank(), Map.of(), model);
	}

	@PostMapping
	String open(@PathVariable String uscc, AccountForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Locale locale) {
		try {
			EnterpriseAccounts.Opened opened = accounts.open(uscc, form.username(), form.displayName());
			redirect.addFlashAttribute("openedUsername", opened.account().username());
			redirect.addFlashAttribute("newPassword", opened.password());
			redirect.addFlashAttribute("done", text("enterpriseAccounts.opened", locale, opened.account().displayName()));
			return "redirect:/enterprises/" + opened.account().enterpriseUscc() + "/accounts";
		}
		catch (InvalidInputException e) {
			return Forms.rejected(response, page(uscc, null, form, Forms.errors(e), model));
		}
	}

	@PostMapping("/links")
	String link(@PathVariable String uscc, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, Locale locale) {
		String code = accounts.enterprise(uscc).uscc();
		return PageActs.act("/enterprises/" + code + "/accounts", redirect, () -> {
			if (accountId == null) {
				throw new InvalidInputException("accountId", text("enterpriseAccounts.chooseAccount", locale));
			}
			return text("enterpriseAccounts.linked", locale, accounts.link(code, accountId, version).displayName());
		});
	}

	private String page(String uscc, String q, AccountForm form, Map<String, String> errors, Model model) {
		Enterprise enterprise = accounts.enterprise(uscc);
		List<UserAccount> linkable = accounts.linkable(enterprise.uscc(), q);
		Map<String, String> enterpriseNames = registry.names(
				linkable.stream().map(UserAccount::enterpriseUscc).filter(Objects::nonNull).toList());
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("users", accounts.accountsOf(enterprise.uscc()).stream()
			.map(a -> new AccountRow(a.id(), a.displayName(), a.enabled(), null, a.version())).toList());
		model.addAttribute("q", q == null ? "" : q.trim());
		model.addAttribute("linkable", linkable.stream()
			.map(a -> new AccountRow(a.id(), a.displayName(), a.enabled(),
					a.enterpriseUscc() == null ? null : enterpriseNames.getOrDefault(a.enterpriseUscc(), a.enterpriseUscc()),
					a.version()))
			.toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "identity/enterprise-accounts";
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
