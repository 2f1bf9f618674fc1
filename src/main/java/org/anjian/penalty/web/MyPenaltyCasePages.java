package org.anjian.penalty.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.penalty.FourReasons;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyCatalogue;
import org.anjian.penalty.PenaltyProcedure;
import org.anjian.penalty.internal.OwnPenaltyCases;
import org.anjian.shared.Actor;
import org.anjian.shared.ActorName;
import org.anjian.shared.ActorNames;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.PageActs;
import org.anjian.shared.web.Pager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The enterprise's side of its penalty cases (我的处罚案件): its cases from the notice (告知) on, with the amount told or
 * decided and the deadline running now; a case with its facts and article, what each of its rights means, the
 * decision's four reasons, the documents served on it, and its statement and defence (陈述申辩) stated or waived
 * online. Row security gives its user its own enterprise's cases only, and none still under investigation: another's
 * is not found.
 */
@Controller
@PreAuthorize("hasRole('ENTERPRISE')")
class MyPenaltyCasePages {

	private final OwnPenaltyCases own;
	private final PenaltyProcedure procedure;
	private final PenaltyCatalogue catalogue;
	private final EnterpriseRegistry registry;
	private final ActorNames names;
	private final CurrentActor actors;
	private final int remindDaysBefore;

	MyPenaltyCasePages(OwnPenaltyCases own, PenaltyProcedure procedure, PenaltyCatalogue catalogue,
			EnterpriseRegistry registry, ActorNames names, CurrentActor actors,
			@Value("${anjian.penalty.remind-days-before:${anjian.hazard.remind-days-before:3}}") int remindDaysBefore) {
		this.own = own;
		this.procedure = procedure;
		this.catalogue = catalogue;
		this.registry = registry;
		this.names = names;
		this.actors = actors;
		this.remindDaysBefore = remindDaysBefore;
	}

	@GetMapping("/my/penalty-cases")
	String mine(@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		LocalDate today = procedure.today();
		var entries = catalogue.entriesById();
		ResultPage<OwnCase> cases = own.newestFirst(actor().enterpriseUscc(), page)
			.map(c -> OwnCase.of(c, entries.get(c.entryId()), today, procedure.workingDays()));
		model.addAttribute("cases", cases);
		model.addAttribute("pager", Pager.of(cases, request));
		model.addAttribute("remindDays", remindDaysBefore);
		return "penalty/mine";
	}

	@GetMapping("/my/penalty-cases/{id}")
	String penaltyCase(@PathVariable long id, Model model) {
		actor();
		PenaltyCase c = procedure.penaltyCase(id);
		OwnCase view = OwnCase.of(c, catalogue.entry(c.entryId()), procedure.today(), procedure.workingDays());
		model.addAttribute("view", view);
		model.addAttribute("days", procedure.workingDays());
		model.addAttribute("penaltyCase", c);
		model.addAttribute("entry", view.entry());
		model.addAttribute("enterprise", registry.names(List.of(c.uscc())).get(c.uscc()));
		model.addAttribute("remindDays", remindDaysBefore);
		model.addAttribute("maxDefence", FourReasons.MAX_LENGTH);
		// the officers by name, never by their user names
		List<String> people = new ArrayList<>(c.investigators());
		people.add(c.decidedBy());
		Map<String, ActorName> named = names.of(people);
		model.addAttribute("names", named);
		model.addAttribute("investigators", String.join("、", c.investigators().stream()
			.map(i -> named.containsKey(i) ? named.get(i).label() : i).toList()));
		return "penalty/my-case";
	}

	/** 陈述申辩 online: the enterprise states its facts, reasons and evidence against the intended penalty. */
	@PostMapping("/my/penalty-cases/{id}/defence")
	String stateDefence(@PathVariable long id, @RequestParam(required = false) String defence,
			@RequestParam(required = false) Integer version, HttpServletRequest form, RedirectAttributes redirect) {
		actor();
		return PageActs.act("/my/penalty-cases/" + id, redirect, form, () -> {
			OwnCase.requireDefenceOpen(procedure.penaltyCase(id), "提交陈述申辩", procedure.workingDays());
			PenaltyCase stated = procedure.stateDefence(id, defence, version);
			return "已提交陈述申辩（" + stated.defenceOn() + "），执法机关将复核您提出的事实、理由和证据";
		});
	}

	/** 听证申请 online, within five working days of the notice, where the hearing right was told (行政处罚法第64条). */
	@PostMapping("/my/penalty-cases/{id}/hearing-request")
	String requestHearing(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		actor();
		procedure.penaltyCase(id);
		return PageActs.act("/my/penalty-cases/" + id, redirect, () -> {
			PenaltyCase requested = procedure.requestHearingOnline(id, version);
			return "已申请听证（" + requested.hearingRequestedOn() + "），执法机关将在举行听证的7个工作日前通知您时间和地点";
		});
	}

	/** 放弃陈述申辩: the enterprise says it will not state or defend. */
	@PostMapping("/my/penalty-cases/{id}/defence-waiver")
	String waiveDefence(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		actor();
		return PageActs.act("/my/penalty-cases/" + id, redirect, () -> {
			OwnCase.requireDefenceOpen(procedure.penaltyCase(id), "放弃陈述申辩", procedure.workingDays());
			PenaltyCase waived = procedure.waiveDefence(id, version);
			return "已放弃陈述申辩（" + waived.defenceOn() + "）";
		});
	}

	private Actor actor() {
		return actors.current().filter(Actor::isEnterprise)
			.orElseThrow(() -> new AccessDeniedException("只有企业用户可以查看本企业的行政处罚案件"));
	}
}
