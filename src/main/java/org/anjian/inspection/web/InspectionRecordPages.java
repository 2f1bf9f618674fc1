package org.anjian.inspection.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.InspectionStatus;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.inspection.internal.InspectionEvidence;
import org.anjian.inspection.internal.InspectionRecords;
import org.anjian.inspection.internal.InspectionRecords.Outcome;
import org.anjian.inspection.internal.OnSitePlans;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.web.Forms;
import org.anjian.shared.web.PageActs;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The record page (现场检查记录), made for a phone in the field: every planned item with its own form. With htmx each
 * item saves in place and the answer is that item's state (saved, or refused with the reason beside the item, the
 * chosen outcome and the note staying as typed), with the progress and the finishing summary swapped out of band;
 * without scripts the same forms post the whole page, which comes back at the item with the same state. Saving is
 * idempotent: an item saved again replaces its result, so a retried save after a lost connection leaves one.
 */
@Controller
@PreAuthorize(InspectionPages.STAFF)
class InspectionRecordPages {

	/** The header that tells the page's script an answer is the item's own (a login page after a lost session is not). */
	static final String ITEM_HEADER = "X-Record-Item";

	private final Inspections inspections;
	private final OnSitePlans plans;
	private final InspectionRecords records;
	private final InspectionEvidence evidence;
	private final InspectionAccess access;
	private final EnterpriseRegistry registry;

	InspectionRecordPages(Inspections inspections, OnSitePlans plans, InspectionRecords records,
			InspectionEvidence evidence, InspectionAccess access, EnterpriseRegistry registry) {
		this.inspections = inspections;
		this.plans = plans;
		this.records = records;
		this.evidence = evidence;
		this.access = access;
		this.registry = registry;
	}

	/** A planned item with its result, for the record and task pages. */
	public record ItemRow(OnSitePlans.PlannedItem item, InspectionRecords.Result result) {

		/** The planned items of a task in plan order, each with its result if recorded. */
		static List<ItemRow> of(OnSitePlans plans, InspectionRecords records, long taskId) {
			Map<Long, InspectionRecords.Result> results = records.results(taskId).stream()
				.collect(Collectors.toMap(InspectionRecords.Result::checklistItemId, Function.identity()));
			return plans.items(taskId).stream().map(i -> new ItemRow(i, results.get(i.checklistItemId()))).toList();
		}
	}

	/** How far the record has come: items planned, recorded, and failed among them. */
	public record Progress(int total, long recorded, long failed) {

		static Progress of(List<ItemRow> rows) {
			return new Progress(rows.size(), rows.stream().filter(r -> r.result() != null).count(),
					rows.stream().filter(r -> r.result() != null && r.result().outcome() == Outcome.FAIL).count());
		}

		public long missing() {
			return total - recorded;
		}
	}

	@GetMapping("/inspections/{id}/record")
	String record(@PathVariable long id, Model model) {
		InspectionTask task = inspections.task(id);
		List<ItemRow> rows = ItemRow.of(plans, records, id);
		model.addAttribute("task", task);
		model.addAttribute("enterprise", registry.names(List.of(task.uscc())).get(task.uscc()));
		model.addAttribute("rows", rows);
		model.addAttribute("progress", Progress.of(rows));
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("photos", evidence.photos(id));
		model.addAttribute("canRecord", access.own(task) && (task.status() == InspectionStatus.PLAN_APPROVED
				|| task.status() == InspectionStatus.IN_PROGRESS));
		return "inspection/record";
	}

	/**
	 * Saves one item's result. Asked by htmx ({@code HX-Request}), it answers the item's state and the progress (400
	 * with the reason when refused); asked by a plain form, it returns to the page at the item, where a refusal shows
	 * beside the item with what was chosen and typed.
	 */
	@PostMapping("/inspections/{id}/results/{checklistItemId}")
	String saveResult(@PathVariable long id, @PathVariable long checklistItemId,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
			@RequestParam(required = false) BigDecimal longitude, @RequestParam(required = false) BigDecimal latitude,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			HttpServletResponse response, RedirectAttributes redirect, Model model) {
		access.requireOwn(id);
		String refused = null;
		try {
			records.record(id, checklistItemId, outcome(outcome), note, longitude, latitude, access.actor().username());
		}
		catch (InvalidInputException | InvalidTransitionException e) {
			refused = e.getMessage();
		}
		if (htmx == null) {
			if (refused != null) {
				redirect.addFlashAttribute("itemRefused", checklistItemId);
				redirect.addFlashAttribute("itemError", refused);
				redirect.addFlashAttribute("form", Map.of("outcome", outcome == null ? "" : outcome, "note",
						note == null ? "" : note));
			}
			return "redirect:/inspections/" + id + "/record#item-" + checklistItemId;
		}
		InspectionTask task = inspections.task(id);
		List<ItemRow> rows = ItemRow.of(plans, records, id);
		model.addAttribute("task", task);
		model.addAttribute("row", rows.stream().filter(r -> r.item().checklistItemId() == checklistItemId).findFirst()
			.orElseGet(() -> new ItemRow(null, null)));
		model.addAttribute("itemId", checklistItemId);
		model.addAttribute("itemError", refused);
		model.addAttribute("progress", Progress.of(rows));
		response.setHeader(ITEM_HEADER, String.valueOf(checklistItemId));
		return refused == null ? "inspection/record :: answer" : Forms.rejected(response, "inspection/record :: answer");
	}

	/** Finishes the record: on to the task page with what was found, or back to the record with why not. */
	@PostMapping("/inspections/{id}/finish")
	String finish(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		access.requireOwn(id);
		String answered = PageActs.act("/inspections/" + id + "/record", redirect, () -> {
			var finished = records.finish(id, version);
			return "检查已完成：发现隐患 " + finished.hazards() + " 项，其中重大事故隐患 " + finished.majorHazards() + " 项";
		});
		return redirect.getFlashAttributes().containsKey("done") ? "redirect:" + InspectionAccess.taskPage(id) : answered;
	}

	private static Outcome outcome(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Outcome.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("outcome", "请选择 合格、不合格 或 不适用");
		}
	}
}
