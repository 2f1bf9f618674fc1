package org.anjian.inspection.web;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.internal.ChecklistItem;
import org.anjian.inspection.internal.ChecklistLibrary;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.Pager;
import org.anjian.shared.web.PageActs;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the checklist library: the list with its search, unverified items flagged 待核对 and official
 * major-hazard criteria flagged 重大隐患判定; an item with its earlier versions. An administrator creates items
 * on the list and revises, deactivates or reactivates one on its page; a refused act comes back as a message on
 * the same page. Items outside the caller's jurisdiction are not found.
 */
@Controller
class ChecklistPages {

	private final ChecklistLibrary library;

	ChecklistPages(ChecklistLibrary library) {
		this.library = library;
	}

	@GetMapping("/checklists")
	@PreAuthorize(ChecklistApi.STAFF)
	String list(@RequestParam(required = false) String module, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model,
			HttpServletRequest request) {
		ResultPage<ChecklistItem> items;
		try {
			items = library.search(module, q, status, page, ResultPage.DEFAULT_SIZE);
		}
		catch (InvalidInputException e) {
			model.addAttribute("refused", e.getMessage());
			items = library.search(null, q, null, page, ResultPage.DEFAULT_SIZE);
		}
		model.addAttribute("items", items);
		model.addAttribute("pager", Pager.of(items, request));
		model.addAttribute("module", module);
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		options(model);
		return "inspection/checklists";
	}

	@GetMapping("/checklists/{id}")
	@PreAuthorize(ChecklistApi.STAFF)
	String item(@PathVariable long id, Model model) {
		model.addAttribute("item", library.item(id));
		model.addAttribute("versions", library.versions(id));
		options(model);
		return "inspection/checklist";
	}

	@PostMapping("/checklists")
	@Authorized(Act.KEEP_CHECKLISTS)
	String create(@RequestParam(required = false) String code, @RequestParam(required = false) String module,
			@RequestParam(required = false) String sector, @RequestParam(required = false) String industryPrefix,
			@RequestParam(required = false) String riskTag, @RequestParam(required = false) String matter,
			@RequestParam(required = false) String text, @RequestParam(required = false) String legalBasis,
			@RequestParam(required = false) String clause, @RequestParam(required = false) String majorHazard,
			@RequestParam(required = false) String criterion, @RequestParam(required = false) String remoteEligible,
			@RequestParam(required = false) String status, @RequestParam(required = false) String source,
			RedirectAttributes redirect) {
		try {
			ChecklistItem item = library.create(new ChecklistLibrary.ChecklistForm(code, module, sector, industryPrefix,
					riskTag, matter, text, legalBasis, clause, checked(majorHazard), criterion, checked(remoteEligible),
					status, source));
			redirect.addFlashAttribute("done", "已新增检查项 " + item.code());
			return "redirect:/checklists/" + item.id();
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
			return "redirect:/checklists";
		}
	}

	@PostMapping("/checklists/{id}")
	@Authorized(Act.KEEP_CHECKLISTS)
	String revise(@PathVariable long id, @RequestParam(required = false) String module,
			@RequestParam(required = false) String sector, @RequestParam(required = false) String industryPrefix,
			@RequestParam(required = false) String riskTag, @RequestParam(required = false) String matter,
			@RequestParam(required = false) String text, @RequestParam(required = false) String legalBasis,
			@RequestParam(required = false) String clause, @RequestParam(required = false) String majorHazard,
			@RequestParam(required = false) String criterion, @RequestParam(required = false) String remoteEligible,
			@RequestParam(required = false) String status, @RequestParam(required = false) String source,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		return PageActs.act("/checklists/" + id, redirect, () -> {
			ChecklistItem item = library.revise(id, new ChecklistLibrary.ChecklistForm(null, module, sector,
					industryPrefix, riskTag, matter, text, legalBasis, clause, checked(majorHazard), criterion,
					checked(remoteEligible), status, source), version);
			return "已修订检查项 " + item.code() + "，现为第 " + item.version() + " 版";
		});
	}

	@PostMapping("/checklists/{id}/deactivation")
	@Authorized(Act.KEEP_CHECKLISTS)
	String deactivate(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return PageActs.act("/checklists/" + id, redirect, () -> "已停用检查项 " + library.deactivate(id, version).code());
	}

	@PostMapping("/checklists/{id}/activation")
	@Authorized(Act.KEEP_CHECKLISTS)
	String reactivate(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return PageActs.act("/checklists/" + id, redirect, () -> "已恢复使用检查项 " + library.reactivate(id, version).code());
	}

	private static void options(Model model) {
		model.addAttribute("modules", ChecklistLibrary.MODULES);
		model.addAttribute("sectors", Sector.values());
		model.addAttribute("riskTags", RiskTag.values());
		model.addAttribute("matters", ChecklistLibrary.STANDARD_MATTERS);
		model.addAttribute("admin", role("ROLE_ADMIN"));
	}

	/** A checkbox posts "true" (or "on") when ticked and nothing when not. */
	private static Boolean checked(String value) {
		return value != null && ("true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value));
	}

	private static boolean role(String authority) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}
}
