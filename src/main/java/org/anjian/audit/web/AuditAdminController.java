package org.anjian.audit.web;

import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.audit.AuditEntry;
import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditQuery;
import org.anjian.audit.AuditTrail;
import org.anjian.audit.ChainVerification;
import org.anjian.audit.internal.Anchoring;
import org.anjian.audit.internal.SignedHead;
import org.anjian.shared.Act;
import org.anjian.shared.ActorName;
import org.anjian.shared.ActorNames;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.Zone;
import org.anjian.shared.web.Forms;
import org.anjian.shared.web.Pager;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The administrator's page of the audit trail: the records, newest first, a page at a time, searched by table, row
 * (or an enterprise's credit code), actor, action and days; each record with its action's label, its row named in
 * words (隐患 17) and linked to the row's page where one exists, and its actor by name. A button verifies the whole
 * chain; verification is a POST because it reads every record ever written, and a link would be followed by
 * prefetchers and crawlers. Another signs and publishes the chain's head at once (ADR 0009).
 */
@Controller
@RequestMapping("/admin/audit")
class AuditAdminController {

	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(Zone.SHANGHAI);

	private final AuditTrail trail;
	private final AuditLabels labels;
	private final ActorNames names;
	private final ObjectMapper json;
	private final Anchoring anchoring;

	AuditAdminController(AuditTrail trail, AuditLabels labels, ActorNames names, ObjectMapper json,
			Anchoring anchoring) {
		this.anchoring = anchoring;
		this.trail = trail;
		this.labels = labels;
		this.names = names;
		this.json = json;
	}

	@GetMapping
	String page(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
		model.addAttribute("query", new Typed(entityType, entityId, actor, action, from, to));
		try {
			AuditQuery query = new AuditQuery(entityType, entityId, actor, action, Forms.day("from", from),
					Forms.day("to", to));
			ResultPage<Row> found = rows(trail.search(query, ResultPage.number(page), PAGE_SIZE));
			model.addAttribute("rows", found);
			model.addAttribute("pager", Pager.of(found, request));
			model.addAttribute("narrowed", query.narrowed());
		}
		catch (InvalidInputException e) {
			model.addAttribute("refused", e.getMessage());
			model.addAttribute("errors", Forms.errors(e));
			ResultPage<Row> none = ResultPage.of(List.of(), 1, PAGE_SIZE, 0);
			model.addAttribute("rows", none);
			model.addAttribute("pager", Pager.of(none, request));
		}
		return options(model);
	}

	/** Signs and publishes the chain's head now, as the job does on its schedule (ADR 0009). */
	@PostMapping("/anchor")
	@Authorized(Act.ANCHOR_AUDIT)
	String anchor(Principal person, RedirectAttributes redirect) {
		try {
			SignedHead head = anchoring.anchor(person.getName());
			// flash attributes are kept in the session, in the database: plain numbers
			redirect.addFlashAttribute("anchoredNumber", head.number());
			redirect.addFlashAttribute("anchoredSeq", head.seq());
		}
		catch (IllegalStateException e) {
			redirect.addFlashAttribute("anchorRefused", e.getMessage());
		}
		return "redirect:/admin/audit";
	}

	@PostMapping("/verify")
	@Authorized(Act.VERIFY_AUDIT)
	String verify(HttpServletRequest request, Model model) {
		ChainVerification verification = trail.verify();
		model.addAttribute("verification", verification);
		model.addAttribute("checkedAt", TIME.format(verification.checkedAt()));
		model.addAttribute("query", new Typed(null, null, null, null, null, null));
		ResultPage<Row> found = rows(trail.search(AuditQuery.all(), 1, PAGE_SIZE));
		model.addAttribute("rows", found);
		model.addAttribute("pager", new Pager(found, request.getContextPath() + "/admin/audit"));
		return options(model);
	}

	/** The choices of the search form: the audited tables and the actions by their labels. */
	private String options(Model model) {
		Map<String, String> tables = new LinkedHashMap<>();
		labels.entities().values().stream().sorted(Comparator.comparing(AuditLabels.Entity::label))
			.forEach(e -> tables.put(e.table(), e.label()));
		Map<String, String> actions = new LinkedHashMap<>();
		labels.all().entrySet().stream().sorted(Map.Entry.comparingByValue())
			.forEach(e -> actions.put(e.getKey(), e.getValue()));
		model.addAttribute("tables", tables);
		model.addAttribute("actions", actions);
		return "admin/audit";
	}

	private ResultPage<Row> rows(ResultPage<AuditEntry> entries) {
		Map<String, ActorName> actors = names.of(entries.items().stream().map(AuditEntry::actor).toList());
		return entries.map(e -> row(e, actors.get(e.actor())));
	}

	/**
	 * The action in words (its module's label, or the database's insert, update or delete), the row in words with
	 * its page, the actor by name; the action's code is kept for the tooltip, the actor's user name for the link
	 * that searches their records.
	 */
	private Row row(AuditEntry e, ActorName actor) {
		String entity = labels.entityLabel(e.entityType()) + (e.entityId() == null ? "" : " " + e.entityId());
		Optional<String> link = labels.page(e.entityType(), e.entityId(), column -> column(e, column));
		return new Row(e.seq(), TIME.format(e.occurredAt()), actor == null ? e.actor() : actor.label(), e.actor(),
				entity, link.orElse(null), labels.label(e.action()), e.action());
	}

	/** A column of the recorded row, as it was after the write (before it, for a deletion). */
	private String column(AuditEntry e, String column) {
		String state = e.afterState() != null ? e.afterState() : e.beforeState();
		if (state == null) {
			return null;
		}
		JsonNode value = json.readTree(state).get(column);
		return value == null || value.isNull() ? null : value.asString();
	}

	/** One line of the table, already in Beijing time and in words. */
	public record Row(long seq, String time, String actor, String actorRecorded, String entity, String link,
			String action, String code) {
	}

	/** The search as typed, to show it again. */
	public record Typed(String entityType, String entityId, String actor, String action, String from, String to) {
	}
}
