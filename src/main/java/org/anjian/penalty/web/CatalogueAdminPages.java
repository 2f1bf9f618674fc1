package org.anjian.penalty.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.Exemption;
import org.anjian.penalty.ExemptionCondition;
import org.anjian.penalty.ExemptionGround;
import org.anjian.penalty.SourceStatus;
import org.anjian.penalty.internal.CatalogueAdministration;
import org.anjian.penalty.internal.CatalogueStore;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.Forms;
import org.anjian.shared.web.PageActs;
import org.anjian.shared.web.Pager;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The administrators' pages of the penalty catalogue (issue 15, build items 1 and 3): the current revision's entries
 * by article, an entry with its revisions and the checklist items linked to it, revising an entry's range and
 * sanction (a new revision naming the editor and the reason), and the exempt list (免罚清单, 自查自报不罚). Unverified
 * rows are flagged 待核对 wherever they show.
 */
@Controller
@RequestMapping("/admin/penalty-catalogue")
@PreAuthorize("hasRole('ADMIN')")
class CatalogueAdminPages {

	private static final String BASE = "/admin/penalty-catalogue";

	private final CatalogueStore store;
	private final CatalogueAdministration administration;

	CatalogueAdminPages(CatalogueStore store, CatalogueAdministration administration) {
		this.store = store;
		this.administration = administration;
	}

	/** A line of the catalogue list: the entry, whether it is on the exempt list. */
	record EntryRow(CatalogueEntry entry, int fromRevision, boolean exempt) {
	}

	@GetMapping
	String entries(@RequestParam(required = false) String article, @RequestParam(required = false) Integer page,
			Model model, HttpServletRequest request) {
		CatalogueStore.Snapshot current = store.current();
		Integer wanted = article(article);
		Set<String> exempt = new HashSet<>();
		store.exemptions().stream().filter(Exemption::inForce).forEach(e -> exempt.add(e.entryId()));
		List<EntryRow> rows = current.rows().values().stream()
			.filter(r -> wanted == null || r.entry().article() == wanted)
			.map(r -> new EntryRow(r.entry(), r.fromRevision(), exempt.contains(r.entry().id())))
			.toList();
		ResultPage<EntryRow> shown = ResultPage.slice(rows, page, ResultPage.DEFAULT_SIZE);
		model.addAttribute("revision", current.revision());
		model.addAttribute("entries", shown);
		model.addAttribute("pager", Pager.of(shown, request));
		model.addAttribute("articles", current.rows().values().stream().map(r -> r.entry().article()).distinct().sorted().toList());
		model.addAttribute("article", wanted);
		return "penalty/catalogue";
	}

	@GetMapping("/entries/{id}")
	String entry(@PathVariable String id, @RequestParam(required = false) Integer page, Model model,
			HttpServletRequest request) {
		CatalogueStore.Row row = row(id);
		model.addAttribute("entry", row.entry());
		model.addAttribute("fromRevision", row.fromRevision());
		model.addAttribute("revisedIn", store.revision(row.fromRevision()).orElseThrow());
		model.addAttribute("statuses", SourceStatus.values());
		List<CatalogueStore.LinkedItem> links = store.linkedItems(id);
		ResultPage<CatalogueStore.LinkedItem> shown = ResultPage.slice(links, page, ResultPage.DEFAULT_SIZE);
		model.addAttribute("links", shown);
		model.addAttribute("pager", Pager.of(shown, request));
		model.addAttribute("exemption", store.exemptionInForce(id).orElse(null));
		return "penalty/catalogue-entry";
	}

	@GetMapping("/entries/{id}/revisions")
	String revisions(@PathVariable String id, @RequestParam(required = false) Integer page, Model model,
			HttpServletRequest request) {
		model.addAttribute("entry", row(id).entry());
		ResultPage<CatalogueStore.EntryRevision> shown = ResultPage.slice(store.history(id), page, ResultPage.DEFAULT_SIZE);
		model.addAttribute("revisions", shown);
		model.addAttribute("pager", Pager.of(shown, request));
		return "penalty/catalogue-revisions";
	}

	@PostMapping("/entries/{id}")
	@Authorized(Act.REVISE_PENALTY_CATALOGUE)
	String revise(@PathVariable String id, @RequestParam(required = false) String minYuan,
			@RequestParam(required = false) String maxYuan, @RequestParam(required = false) String sanction,
			@RequestParam(required = false) String status, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer revision, HttpServletRequest request, RedirectAttributes redirect) {
		row(id);
		return PageActs.act(entryPath(id), redirect, request, () -> {
			CatalogueStore.Revision made = administration.revise(id,
					new CatalogueAdministration.EntryEdit(minYuan, maxYuan, sanction, status, reason), revision);
			return "已修订条目 " + id + "，裁量目录现为第 " + made.revision() + " 版";
		});
	}

	@PostMapping("/entries/{id}/links")
	@Authorized(Act.REVISE_PENALTY_CATALOGUE)
	String link(@PathVariable String id, @RequestParam(required = false) String code, HttpServletRequest request,
			RedirectAttributes redirect) {
		row(id);
		return PageActs.act(entryPath(id) + "#links", redirect, request,
				() -> "已关联检查项 " + administration.link(id, code).code());
	}

	@PostMapping("/entries/{id}/links/{item}/removal")
	@Authorized(Act.REVISE_PENALTY_CATALOGUE)
	String unlink(@PathVariable String id, @PathVariable long item, RedirectAttributes redirect) {
		row(id);
		return PageActs.act(entryPath(id) + "#links", redirect, () -> {
			administration.unlink(id, item);
			return "已取消该检查项与本条目的关联";
		});
	}

	// ---- the exempt list

	@GetMapping("/exemptions")
	String exemptions(@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		list(page, model, request);
		return "penalty/exemptions";
	}

	@PostMapping("/exemptions")
	@Authorized(Act.KEEP_EXEMPT_LIST)
	String add(@RequestParam(required = false) String entryId, @RequestParam(required = false) String ground,
			@RequestParam(required = false) List<String> conditions, @RequestParam(required = false) String covers,
			@RequestParam(required = false) String note, @RequestParam(required = false) String source,
			@RequestParam(required = false) String status, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		CatalogueAdministration.ExemptionForm form = new CatalogueAdministration.ExemptionForm(entryId, ground,
				conditions, covers, note, source, status);
		try {
			Exemption added = administration.addExemption(form);
			redirect.addFlashAttribute("done", "已将条目 " + added.entryId() + " 列入免罚清单");
			return "redirect:" + BASE + "/exemptions/" + added.id();
		}
		catch (InvalidInputException e) {
			list(null, model, request);
			model.addAttribute("typed", typed(form));
			model.addAttribute("refused", e.getMessage());
			model.addAttribute("errors", Forms.errors(e));
			return Forms.rejected(response, "penalty/exemptions");
		}
	}

	@GetMapping("/exemptions/{id}")
	String exemption(@PathVariable long id, Model model) {
		Exemption row = exemptionRow(id);
		model.addAttribute("exemption", row);
		model.addAttribute("typed", typed(row));
		options(model);
		return "penalty/exemption";
	}

	@PostMapping("/exemptions/{id}")
	@Authorized(Act.KEEP_EXEMPT_LIST)
	String reviseExemption(@PathVariable long id, @RequestParam(required = false) String ground,
			@RequestParam(required = false) List<String> conditions, @RequestParam(required = false) String covers,
			@RequestParam(required = false) String note, @RequestParam(required = false) String source,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer version, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Exemption row = exemptionRow(id);
		CatalogueAdministration.ExemptionForm form = new CatalogueAdministration.ExemptionForm(row.entryId(), ground,
				conditions, covers, note, source, status);
		try {
			administration.reviseExemption(id, form, version);
		}
		catch (InvalidInputException e) {
			model.addAttribute("exemption", row);
			model.addAttribute("typed", typed(form));
			model.addAttribute("refused", e.getMessage());
			model.addAttribute("errors", Forms.errors(e));
			options(model);
			return Forms.rejected(response, "penalty/exemption");
		}
		catch (org.springframework.dao.OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("refused", "内容已被他人修改，请查看最新内容后重试");
			return "redirect:" + BASE + "/exemptions/" + id;
		}
		redirect.addFlashAttribute("done", "已修改免罚清单中条目 " + row.entryId() + " 的一行");
		return "redirect:" + BASE + "/exemptions/" + id;
	}

	@PostMapping("/exemptions/{id}/withdrawal")
	@Authorized(Act.KEEP_EXEMPT_LIST)
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer version, HttpServletRequest request, RedirectAttributes redirect) {
		exemptionRow(id);
		return PageActs.act(BASE + "/exemptions/" + id, redirect, request,
				() -> "已撤销免罚清单中条目 " + administration.withdrawExemption(id, reason, version).entryId() + " 的一行");
	}

	// ---- helpers

	private void list(Integer page, Model model, HttpServletRequest request) {
		ResultPage<Exemption> shown = ResultPage.slice(store.exemptions(), page, ResultPage.DEFAULT_SIZE);
		model.addAttribute("exemptions", shown);
		model.addAttribute("pager", page != null || "GET".equals(request.getMethod()) ? Pager.of(shown, request)
				: new Pager(shown, request.getContextPath() + BASE + "/exemptions"));
		model.addAttribute("catalogue", store.current().entries());
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of("conditions", List.of(), "status", SourceStatus.UNVERIFIED.name()));
		}
		options(model);
	}

	private static void options(Model model) {
		model.addAttribute("grounds", ExemptionGround.values());
		model.addAttribute("conditionOptions", ExemptionCondition.values());
		model.addAttribute("statuses", SourceStatus.values());
	}

	/** A form's values for the page to show again: what was typed, or the row as it stands. */
	private static Map<String, Object> typed(CatalogueAdministration.ExemptionForm form) {
		Map<String, Object> typed = new LinkedHashMap<>();
		typed.put("entryId", form.entryId());
		typed.put("ground", form.ground());
		typed.put("conditions", form.conditions() == null ? List.of() : new ArrayList<>(form.conditions()));
		typed.put("covers", form.covers());
		typed.put("note", form.note());
		typed.put("source", form.source());
		typed.put("status", form.status());
		return typed;
	}

	private static Map<String, Object> typed(Exemption row) {
		return typed(new CatalogueAdministration.ExemptionForm(row.entryId(), row.ground().name(),
				Arrays.stream(ExemptionCondition.values()).filter(row.conditions()::contains).map(Enum::name).toList(),
				row.covers(), row.note(), row.source(), row.status().name()));
	}

	private CatalogueStore.Row row(String id) {
		CatalogueStore.Row row = store.current().rows().get(id);
		if (row == null) {
			throw new NotFoundException("裁量目录中没有条目 " + id);
		}
		return row;
	}

	private Exemption exemptionRow(long id) {
		return store.exemption(id).orElseThrow(() -> new NotFoundException("免罚清单中没有第 " + id + " 行"));
	}

	private static String entryPath(String id) {
		return BASE + "/entries/" + UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static Integer article(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(typed.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("article", "条号应为数字，例如 97");
		}
	}
}
