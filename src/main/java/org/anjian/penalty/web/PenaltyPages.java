package org.anjian.penalty.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.anjian.audit.AuditEntry;
import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.Hazards;
import org.anjian.organization.Officer;
import org.anjian.organization.Officers;
import org.anjian.penalty.CaseStatus;
import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.DiscretionFactor;
import org.anjian.penalty.Evidence;
import org.anjian.penalty.FourReasons;
import org.anjian.penalty.Party;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyCatalogue;
import org.anjian.penalty.PenaltyDocument;
import org.anjian.penalty.PenaltyDocuments;
import org.anjian.penalty.PenaltyProcedure;
import org.anjian.shared.Act;
import org.anjian.shared.ActorNames;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.security.ActGuard;
import org.anjian.shared.web.Forms;
import org.anjian.shared.web.PageActs;
import org.anjian.shared.web.Pager;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Penalty cases for the bureau (行政处罚): the officers' case list with the deadline each case runs against, the
 * leader's approvals and the legal reviewer's queue (the same list, filtered), the filing form (from a hazard an
 * inspection found, or by hand), and a case in full with the forms of the acts its state allows the reader — each
 * refused act shows its reason on the page, keeps what was typed and changes nothing.
 */
@Controller
@PreAuthorize(PenaltyPages.STAFF)
class PenaltyPages {

	/** Who opens the pages: the bodies' officers (a street's reads the cases it handed over), leaders, legal reviewers. */
	static final String STAFF = "hasAnyRole('CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER', 'LEADER', 'LEGAL_REVIEWER')";

	private final PenaltyProcedure procedure;
	private final PenaltyCatalogue catalogue;
	private final EnterpriseRegistry registry;
	private final Hazards hazards;
	private final Officers officers;
	private final ActorNames names;
	private final AuditTrail audit;
	private final AuditLabels labels;
	private final PenaltyDocuments documents;
	private final org.anjian.shared.CurrentActor actors;
	private final org.anjian.organization.Organization organization;

	PenaltyPages(PenaltyProcedure procedure, PenaltyCatalogue catalogue, EnterpriseRegistry registry, Hazards hazards,
			Officers officers, ActorNames names, AuditTrail audit, AuditLabels labels, PenaltyDocuments documents,
			org.anjian.shared.CurrentActor actors, org.anjian.organization.Organization organization) {
		this.actors = actors;
		this.organization = organization;
		this.labels = labels;
		this.documents = documents;
		this.procedure = procedure;
		this.catalogue = catalogue;
		this.registry = registry;
		this.hazards = hazards;
		this.officers = officers;
		this.names = names;
		this.audit = audit;
	}

	/** One act of the case's history as the page lists it. */
	record Step(java.time.Instant at, String actor, String act) {
	}

	/** A line of the case list: the case, its enterprise and provision in words, the deadline now running. */
	record Line(PenaltyCase c, String enterprise, String citation, PenaltyCase.Deadline deadline) {
	}

	@GetMapping("/penalty-cases")
	String list(@RequestParam(required = false) String queue, @RequestParam(required = false) Integer page, Model model,
			HttpServletRequest request) {
		CaseQueue chosen = CaseQueue.of(queue);
		ResultPage<PenaltyCase> found = procedure.cases(chosen.states(), page);
		Map<String, String> enterprises = registry.names(found.items().stream().map(PenaltyCase::uscc).toList());
		var today = procedure.today();
		Map<String, CatalogueEntry> entries = catalogue.entriesById();
		List<Line> lines = found.items().stream()
			.map(c -> new Line(c, enterprises.getOrDefault(c.uscc(), c.uscc()),
					entries.containsKey(c.entryId()) ? entries.get(c.entryId()).citation() : c.entryId(),
					c.deadline(today, procedure.workingDays())))
			.toList();
		model.addAttribute("lines", lines);
		model.addAttribute("found", found);
		model.addAttribute("pager", Pager.of(found, request));
		model.addAttribute("queue", chosen);
		model.addAttribute("queues", CaseQueue.values());
		model.addAttribute("mayFile", ActGuard.allows(Act.FILE_CASE));
		return "penalty/cases";
	}

	@GetMapping("/penalty-cases/new")
	String filing(@RequestParam(required = false) Long hazard, @RequestParam(required = false) String uscc,
			Model model) {
		boolean handOver = !ActGuard.allows(Act.FILE_CASE) && ActGuard.allows(Act.HAND_OVER_CASE);
		ActGuard.require(handOver ? Act.HAND_OVER_CASE : Act.FILE_CASE);
		model.addAttribute("handOver", handOver);
		Hazard source = hazard == null ? null : hazard(hazard);
		String code = source != null ? source.uscc() : uscc == null ? null : uscc.strip();
		// an enterprise is offered only when the reader reaches it (row security answers its name)
		String name = code == null || code.isBlank() ? null : registry.names(List.of(code)).get(code);
		model.addAttribute("hazard", source);
		model.addAttribute("uscc", name == null ? null : code);
		model.addAttribute("enterprise", name);
		// the entries the failed checklist item is linked to come first, the one most likely first chosen
		List<CatalogueEntry> suggested = source == null || source.checklistItemId() == null ? List.of()
				: catalogue.entriesFor(source.checklistItemId());
		List<CatalogueEntry> entries = new ArrayList<>(suggested);
		catalogue.entries().stream().filter(e -> !suggested.contains(e)).forEach(entries::add);
		model.addAttribute("entries", entries);
		model.addAttribute("suggested", suggested.size());
		model.addAttribute("parties", Party.values());
		return "penalty/new";
	}

	/** 立案申请: from a hazard when one is named, else for the enterprise typed. */
	@PostMapping("/penalty-cases")
	String file(@RequestParam(required = false) Long hazard, @RequestParam(required = false) String uscc,
			@RequestParam(required = false) Party party, @RequestParam(required = false) String entryId,
			@RequestParam(required = false) String facts, @RequestParam(required = false) String actEndedOn,
			@RequestParam(required = false) boolean harmedLife, RedirectAttributes redirect, HttpServletRequest request) {
		String back = "/penalty-cases/new" + (hazard != null ? "?hazard=" + hazard
				: uscc == null || uscc.isBlank() ? "" : "?uscc=" + uscc.strip());
		return PageActs.create(back, redirect, request,
				() -> {
					java.time.LocalDate ended = actEndedOn == null || actEndedOn.isBlank() ? null
							: Forms.day("actEndedOn", actEndedOn);
					return hazard != null ? procedure.fileFromHazard(hazard, party, entryId, facts, ended, harmedLife)
							: procedure.file(uscc, party, entryId, facts, ended, harmedLife);
				},
				c -> "/penalty-cases/" + c.id(), c -> "已提交立案申请，待负责人审批");
	}

	/** 当场处罚 (简易程序): the form, from a hazard or for an enterprise typed. */
	@GetMapping("/penalty-cases/on-the-spot")
	String onTheSpotForm(@RequestParam(required = false) Long hazard, @RequestParam(required = false) String uscc,
			Model model) {
		filing(hazard, uscc, model);
		Long body = actors.current().map(org.anjian.shared.Actor::bodyId).orElse(null);
		String self = actors.current().map(org.anjian.shared.Actor::username).orElse(null);
		java.util.Set<String> me = self == null ? java.util.Set.of() : names.of(List.of(self)).values().stream()
			.map(org.anjian.shared.ActorName::name).collect(java.util.stream.Collectors.toSet());
		model.addAttribute("colleagues", body == null ? List.of()
				: officers.search(body, true, null).stream().map(Officer::name).filter(n -> !me.contains(n)).toList());
		model.addAttribute("grounds", factors(DiscretionFactor.Kind.NO_PENALTY));
		model.addAttribute("aggravating", factors(DiscretionFactor.Kind.AGGRAVATING));
		model.addAttribute("mitigating", factors(DiscretionFactor.Kind.MITIGATING));
		model.addAttribute("unitLimit", org.anjian.penalty.SimpleProcedurePolicy.UNIT_YUAN);
		model.addAttribute("personLimit", org.anjian.penalty.SimpleProcedurePolicy.PERSON_YUAN);
		return "penalty/spot";
	}

	@PostMapping("/penalty-cases/on-the-spot")
	String onTheSpot(@RequestParam Map<String, String> form, @RequestParam(required = false) Long hazard,
			@RequestParam(required = false) Party party, @RequestParam(required = false) List<String> factors,
			RedirectAttributes redirect, HttpServletRequest request) {
		String back = "/penalty-cases/on-the-spot" + (hazard != null ? "?hazard=" + hazard
				: form.get("uscc") == null || form.get("uscc").isBlank() ? "" : "?uscc=" + form.get("uscc").strip());
		// an enterprise or hazard out of the officer's reach is not found, whatever else the form says
		String uscc = hazard != null ? hazard(hazard).uscc() : form.get("uscc");
		if (hazard == null && uscc != null && !uscc.isBlank()) {
			registry.file(uscc.strip());
		}
		return PageActs.create(back, redirect, request, () -> {
			List<String> ticked = new ArrayList<>(factors == null ? List.of() : factors);
			ticked.addAll(groundsHolding(form));
			return procedure.decideOnTheSpot(uscc, party, form.get("entryId"), form.get("facts"),
					amount("amount", form.get("amount")), ticked, new FourReasons(form.get("reasonFacts"),
							form.get("reasonLaw"), form.get("reasonDiscretion"), form.get("reasonDefence")),
					form.get("defence"), form.get("secondOfficer"));
		}, c -> "/penalty-cases/" + c.id(), c -> "已当场作出行政处罚决定并交付当事人，罚款" + c.decidedAmount() + "元，缴款期限至 "
				+ c.paymentDue());
	}

	/** 查罚衔接: a street officer hands the hazard's violation over to the district's body. */
	@PostMapping("/penalty-cases/hand-over")
	String handOver(@RequestParam(required = false) Long hazard, @RequestParam(required = false) Party party,
			@RequestParam(required = false) String entryId, @RequestParam(required = false) String facts,
			RedirectAttributes redirect, HttpServletRequest request) {
		ActGuard.require(Act.HAND_OVER_CASE);
		if (hazard == null) {
			throw new InvalidInputException("hazard", "请从隐患页面移交案件");
		}
		hazard(hazard);
		return PageActs.create("/penalty-cases/new?hazard=" + hazard, redirect, request,
				() -> procedure.handOver(hazard, party, entryId, facts), c -> "/penalty-cases/" + c.id(),
				c -> "已移交" + organization.bodyName(c.bodyId()) + "立案审批（查罚衔接）");
	}

	@GetMapping("/penalty-cases/{id}")
	String penaltyCase(@PathVariable long id, Model model) {
		PenaltyCase c = procedure.penaltyCase(id);
		var today = procedure.today();
		CatalogueEntry entry = catalogue.entry(c.entryId());
		List<Evidence> evidence = procedure.evidence(id);
		List<AuditEntry> history = audit.history("penalty_case", Long.toString(id));
		List<String> people = new ArrayList<>(Arrays.asList(c.filedBy(), c.approvedBy(), c.legalReviewer(),
				c.decidedBy()));
		evidence.forEach(e -> people.add(e.recordedBy()));
		history.forEach(h -> people.add(h.actor()));
		model.addAttribute("c", c);
		model.addAttribute("entry", entry);
		model.addAttribute("enterprise", registry.names(List.of(c.uscc())).getOrDefault(c.uscc(), c.uscc()));
		model.addAttribute("handedOverBy", c.handedOverBy() == null ? null : organization.bodyName(c.handedOverBy()));
		model.addAttribute("body", organization.bodyName(c.bodyId()));
		model.addAttribute("deadline", c.deadline(today, procedure.workingDays()));
		model.addAttribute("days", procedure.workingDays());
		model.addAttribute("today", today);
		model.addAttribute("evidence", evidence);
		model.addAttribute("documents", documents.of(c));
		model.addAttribute("caseFile", PenaltyDocument.Kind.CASE_FILE.path(c.id()));
		model.addAttribute("evidenceKinds", Evidence.Kind.values());
		model.addAttribute("history", history.stream().map(h -> new Step(h.occurredAt(), h.actor(), labels.label(h.action())))
			.toList());
		model.addAttribute("names", names.of(people));
		var proposal = procedure.proposal(c);
		model.addAttribute("proposal", proposal);
		model.addAttribute("proposalText", proposal == null ? "" : String.join("；", proposal.reasons()));
		model.addAttribute("investigators", String.join("、", c.investigators()));
		model.addAttribute("ticked", c.ticked());
		model.addAttribute("grounds", factors(DiscretionFactor.Kind.NO_PENALTY));
		model.addAttribute("aggravating", factors(DiscretionFactor.Kind.AGGRAVATING));
		model.addAttribute("mitigating", factors(DiscretionFactor.Kind.MITIGATING));
		model.addAttribute("dimensions", DiscretionFactor.Dimension.values());
		model.addAttribute("dimensionFactors", Stream.of(DiscretionFactor.values())
			.filter(f -> f.dimension() != null).toList());
		model.addAttribute("hearingThreshold", procedure.hearingThreshold(c));
		model.addAttribute("exemption", catalogue.exemption(c.entryId()).orElse(null));
		model.addAttribute("defenceDays", procedure.defenceDays());
		model.addAttribute("colleagues", c.status() == CaseStatus.FILED && ActGuard.allows(Act.APPROVE_CASE)
				? officers.search(c.bodyId(), true, null).stream().map(Officer::name).toList() : List.of());
		model.addAttribute("handles", ActGuard.allows(Act.HANDLE_CASE));
		model.addAttribute("approves", ActGuard.allows(Act.APPROVE_CASE));
		model.addAttribute("reviews", ActGuard.allows(Act.REVIEW_CASE));
		return "penalty/case";
	}

	@PostMapping("/penalty-cases/{id}/approval")
	String approve(@PathVariable long id, @RequestParam(required = false) List<String> investigators,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			procedure.approveFiling(id, investigators == null ? List.of() : investigators, version);
			return "已批准立案，进入调查取证";
		});
	}

	@PostMapping("/penalty-cases/{id}/refusal")
	String refuse(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		return act(id, redirect, null, () -> {
			procedure.refuseFiling(id, version);
			return "已决定不予立案";
		});
	}

	@PostMapping("/penalty-cases/{id}/evidence")
	String evidence(@PathVariable long id, @RequestParam(required = false) Evidence.Kind kind,
			@RequestParam(required = false) String description, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			procedure.recordEvidence(id, kind, description, version);
			return "已登记证据";
		});
	}

	/**
	 * 裁量: each no-penalty ground answered (是/否, all of them), the circumstances ticked, the dimension values chosen,
	 * the intended fine and the reason where it leaves the band.
	 */
	@PostMapping("/penalty-cases/{id}/discretion")
	String assess(@PathVariable long id, @RequestParam Map<String, String> form,
			@RequestParam(required = false) List<String> factors, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			List<String> ticked = new ArrayList<>(factors == null ? List.of() : factors);
			ticked.addAll(groundsHolding(form));
			for (DiscretionFactor.Dimension dimension : DiscretionFactor.Dimension.values()) {
				String value = form.get("dimension_" + dimension.name());
				if (value != null && !value.isBlank()) {
					ticked.add(value);
				}
			}
			procedure.assess(id, ticked, amount("intendedAmount", form.get("intendedAmount")),
					form.get("deviationReason"), version);
			return "已记录不予处罚情形审查和裁量情节";
		});
	}

	@PostMapping("/penalty-cases/{id}/investigation-end")
	String endInvestigation(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return act(id, redirect, null, () -> {
			procedure.endInvestigation(id, version);
			return "调查终结，案件进入审核";
		});
	}

	@PostMapping("/penalty-cases/{id}/further-investigation")
	String investigateFurther(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return act(id, redirect, null, () -> {
			procedure.investigateFurther(id, version);
			return "已退回补充调查";
		});
	}

	@PostMapping("/penalty-cases/{id}/legal-review")
	String sendToLegalReview(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return act(id, redirect, null, () -> {
			procedure.sendToLegalReview(id, version);
			return "已送法制审核";
		});
	}

	@PostMapping("/penalty-cases/{id}/legal-review/{outcome}")
	String review(@PathVariable long id, @PathVariable String outcome, @RequestParam(required = false) String opinion,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			if ("pass".equals(outcome)) {
				procedure.passLegalReview(id, opinion, version);
				return "法制审核通过";
			}
			procedure.refuseLegalReview(id, opinion, version);
			return "法制审核未通过，已退回补充调查";
		});
	}

	@PostMapping("/penalty-cases/{id}/notice")
	String notifyParty(@PathVariable long id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			Long fine = amount("amount", amount);
			if (fine == null) {
				throw new InvalidInputException("amount", "请填写告知的罚款数额");
			}
			PenaltyCase c = procedure.notifyParty(id, fine, version);
			return "已告知当事人，陈述申辩期限至 " + c.defenceDue(procedure.workingDays());
		});
	}

	@PostMapping("/penalty-cases/{id}/defence")
	String recordDefence(@PathVariable long id, @RequestParam(required = false) String defence,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			procedure.recordDefence(id, defence, version);
			return "已记录陈述申辩";
		});
	}

	@PostMapping("/penalty-cases/{id}/hearing-request")
	String requestHearing(@PathVariable long id, @RequestParam(required = false) String on,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			procedure.requestHearing(id, Forms.day("on", on), version);
			return "已受理听证申请";
		});
	}

	@PostMapping("/penalty-cases/{id}/hearing")
	String holdHearing(@PathVariable long id, @RequestParam(required = false) String noticedOn,
			@RequestParam(required = false) String heldOn, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			procedure.holdHearing(id, Forms.day("noticedOn", noticedOn), Forms.day("heldOn", heldOn), version);
			return "已记录听证";
		});
	}

	@PostMapping("/penalty-cases/{id}/discussion")
	String recordDiscussion(@PathVariable long id, @RequestParam(required = false) String record,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			procedure.recordDiscussion(id, record, version);
			return "已记录集体讨论";
		});
	}

	@PostMapping("/penalty-cases/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String facts, @RequestParam(required = false) String law,
			@RequestParam(required = false) String discretion, @RequestParam(required = false) String defence,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			Long fine = amount("amount", amount);
			if (fine == null) {
				throw new InvalidInputException("amount", "请填写决定的罚款数额");
			}
			procedure.decide(id, fine, new FourReasons(facts, law, discretion, defence), version);
			return "已作出行政处罚决定，请在7日内送达";
		});
	}

	@PostMapping("/penalty-cases/{id}/no-penalty")
	String decideNotToPunish(@PathVariable long id, @RequestParam(required = false) String ground,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			procedure.decideNotToPunish(id, ground, version);
			return "已作出不予行政处罚决定";
		});
	}

	@PostMapping("/penalty-cases/{id}/transfer")
	String transfer(@PathVariable long id, @RequestParam(required = false) String to,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			procedure.transfer(id, to, version);
			return "已移送";
		});
	}

	@PostMapping("/penalty-cases/{id}/extension")
	String extend(@PathVariable long id, @RequestParam(required = false) Integer days,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			PenaltyCase c = procedure.extend(id, days == null ? 0 : days, reason, version);
			return "已延长办案期限至 " + c.decisionDue();
		});
	}

	@PostMapping("/penalty-cases/{id}/delivery")
	String deliver(@PathVariable long id, @RequestParam(required = false) String on,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			PenaltyCase c = procedure.deliver(id, Forms.day("on", on), version);
			return "已送达，缴款期限至 " + c.paymentDue();
		});
	}

	@PostMapping("/penalty-cases/{id}/payment")
	String recordPayment(@PathVariable long id, @RequestParam(required = false) String on,
			@RequestParam(required = false) String amount, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			Long paid = amount("amount", amount);
			PenaltyCase c = procedure.recordPayment(id, Forms.day("on", on), paid == null ? 0 : paid, version);
			return c.status() == CaseStatus.EXECUTED ? "已登记缴纳罚款"
					: "已登记分期缴款，尚欠" + c.owed(procedure.today()) + "元，期限至 " + c.paymentDue();
		});
	}

	/** 暂缓或者分期缴纳 (行政处罚法第66条), approved by the leader. */
	@PostMapping("/penalty-cases/{id}/deferral")
	String allowDeferral(@PathVariable long id, @RequestParam(required = false) String payBy,
			@RequestParam(required = false) Integer instalments, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		return act(id, redirect, request, () -> {
			PenaltyCase c = procedure.allowDeferral(id, Forms.day("payBy", payBy), instalments, reason, version);
			return "已批准" + (c.instalments() > 1 ? "分" + c.instalments() + "期" : "暂缓") + "缴纳，期限至 " + c.paymentDue();
		});
	}

	@PostMapping("/penalty-cases/{id}/closing")
	String close(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		return act(id, redirect, null, () -> {
			procedure.close(id, version);
			return "已结案";
		});
	}

	private String act(long id, RedirectAttributes redirect, HttpServletRequest request,
			java.util.function.Supplier<String> act) {
		procedure.penaltyCase(id); // a case the reader does not reach is not found, whatever was sent
		return PageActs.act("/penalty-cases/" + id, redirect, request, act);
	}

	/** A hazard the reader reaches; another is not found. */
	private Hazard hazard(long id) {
		return hazards.findById(id).orElseThrow(() -> new NotFoundException("隐患 " + id + " 不存在或不在您的管辖范围内"));
	}

	/**
	 * The no-penalty grounds the form says hold, each ground answered 适用 ({@code yes}) or 不适用 ({@code no}); one left
	 * unanswered is refused beside its radios.
	 */
	private static List<String> groundsHolding(Map<String, String> form) {
		List<String> holding = new ArrayList<>();
		for (DiscretionFactor ground : factors(DiscretionFactor.Kind.NO_PENALTY)) {
			String answer = form.get("ground_" + ground.name());
			if (answer == null || answer.isBlank()) {
				throw new InvalidInputException("ground_" + ground.name(), "请逐项回答不予处罚情形：" + ground.label());
			}
			if ("yes".equals(answer)) {
				holding.add(ground.name());
			}
		}
		return holding;
	}

	private static List<DiscretionFactor> factors(DiscretionFactor.Kind kind) {
		return Stream.of(DiscretionFactor.values()).filter(f -> f.kind() == kind).toList();
	}

	/** A sum of yuan as typed: digits only, at most 12 of them; blank is none. */
	static Long amount(String field, String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String digits = typed.strip().replace(",", "");
		if (!digits.matches("\\d{1,12}")) {
			throw new InvalidInputException(field, "请填写以元为单位的整数金额，不是“" + typed.strip() + "”");
		}
		return Long.parseLong(digits);
	}
}
