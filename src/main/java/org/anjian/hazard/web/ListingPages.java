package org.anjian.hazard.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.HazardStatus;
import org.anjian.hazard.internal.HazardAuthority;
import org.anjian.hazard.internal.HazardLedger;
import org.anjian.hazard.internal.HazardListing;
import org.anjian.hazard.internal.ListedSupervision;
import org.anjian.hazard.internal.ListingLevel;
import org.anjian.hazard.internal.ListingStatus;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.ActorNames;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.Forms;
import org.anjian.shared.web.PageActs;
import org.anjian.shared.web.Pager;
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
 * The pages of listed supervision (挂牌督办): a hazard's listing with its progress reports and the acts by role —
 * officers list it, report progress and delist it; the enterprise's own user reads its listing and reports progress —
 * and the list of listed hazards within the caller's jurisdiction. Made for a phone: one column, short forms; a refused
 * form comes back with what was typed and the reason beside the field at fault.
 */
@Controller
class ListingPages {

	static final String STAFF = "hasAnyRole('LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')";
	static final String STAFF_OR_ENTERPRISE = "hasAnyRole('LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER', 'ENTERPRISE')";

	private final ListedSupervision supervision;
	private final HazardRectification rectification;
	private final HazardLedger ledger;
	private final CurrentActor actors;
	private final HazardAuthority authority;
	private final ActorNames names;

	ListingPages(ListedSupervision supervision, HazardRectification rectification, HazardLedger ledger,
			CurrentActor actors, HazardAuthority authority, ActorNames names) {
		this.authority = authority;
		this.names = names;
		this.supervision = supervision;
		this.rectification = rectification;
		this.ledger = ledger;
		this.actors = actors;
	}

	@GetMapping("/hazards/listings")
	@PreAuthorize(STAFF)
	String listings(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			Model model, HttpServletRequest request) {
		ListingStatus filter = null;
		if (status != null && !status.isBlank()) {
			try {
				filter = ListingStatus.valueOf(status);
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("status", "状态“" + status + "”不存在");
			}
		}
		ResultPage<ListedSupervision.Supervised> rows = supervision.supervised(filter, page);
		model.addAttribute("rows", rows);
		model.addAttribute("pager", Pager.of(rows, request));
		model.addAttribute("statuses", ListingStatus.values());
		model.addAttribute("status", status);
		return "hazard/listings";
	}

	@GetMapping("/hazards/{id}/listing")
	@PreAuthorize(STAFF_OR_ENTERPRISE)
	String listing(@PathVariable long id, Model model) {
		Hazard hazard = rectification.hazard(id);
		Actor actor = actor();
		boolean officer = !actor.isEnterprise();
		HazardListing listing = supervision.ofHazard(id).orElse(null);
		boolean listed = listing != null && listing.status() == ListingStatus.LISTED;
		LocalDate today = supervision.today();
		model.addAttribute("hazard", hazard);
		model.addAttribute("enterprise", ledger.enterpriseName(hazard.uscc()));
		model.addAttribute("listing", listing);
		List<HazardListing.ProgressReport> progress = listing == null ? List.of() : supervision.progress(listing.id());
		model.addAttribute("progress", progress);
		List<String> people = new java.util.ArrayList<>(progress.stream().map(HazardListing.ProgressReport::reportedBy).toList());
		if (listing != null) {
			people.add(listing.listedBy());
			people.add(listing.delistedBy());
		}
		model.addAttribute("names", names.of(people));
		// officers of another body read the listing; the body that found the hazard (and those above it) acts on it
		boolean acting = officer && authority.mayAct(hazard).allowed();
		model.addAttribute("overdue", listing != null && listing.overdueOn(today));
		model.addAttribute("today", today);
		model.addAttribute("officer", officer);
		model.addAttribute("canList", acting && !listed && hazard.major() && hazard.status() != HazardStatus.VERIFIED);
		model.addAttribute("canReport", listed && (actor.isEnterprise() || acting));
		model.addAttribute("canDelist", acting && listed);
		model.addAttribute("levels", acting ? Arrays.stream(ListingLevel.values())
			.filter(l -> !l.above(ListingLevel.of(actor.scope().level()))).toList() : List.of());
		return "hazard/listing";
	}

	@PostMapping("/hazards/{id}/listing")
	@Authorized(Act.LIST_HAZARD)
	String list(@PathVariable long id, @RequestParam(required = false) String level,
			@RequestParam(required = false) String responsibleName, @RequestParam(required = false) String responsiblePosition,
			@RequestParam(required = false) String responsiblePhone, @RequestParam(required = false) String dueOn,
			@RequestParam(required = false) String reason, RedirectAttributes redirect, HttpServletRequest request) {
		return PageActs.act(page(id), redirect, request, () -> {
			supervision.list(id, new ListedSupervision.ListingOrder(level(level),
					new HazardListing.Responsible(responsibleName, responsiblePosition, responsiblePhone),
					Forms.day("dueOn", dueOn), reason));
			return "已挂牌督办";
		});
	}

	@PostMapping("/hazards/{id}/listing/progress")
	@Authorized(Act.REPORT_LISTING_PROGRESS)
	String reportProgress(@PathVariable long id, @RequestParam(required = false) Long listingId,
			@RequestParam(required = false) String reportedOn, @RequestParam(required = false) String text,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, HttpServletRequest request) {
		long listing = listingOf(id, listingId);
		return PageActs.act(page(id), redirect, request, () -> {
			LocalDate on = Forms.day("reportedOn", reportedOn);
			supervision.reportProgress(listing, on == null ? supervision.today() : on, text, version);
			return "已记录整改进展";
		});
	}

	@PostMapping("/hazards/{id}/listing/delisting")
	@Authorized(Act.LIST_HAZARD)
	String delist(@PathVariable long id, @RequestParam(required = false) Long listingId,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		long listing = listingOf(id, listingId);
		return PageActs.act(page(id), redirect, () -> {
			supervision.delist(listing, version);
			return "已摘牌";
		});
	}

	/** The listing named by the form, which must be the hazard's own (else, as any unknown thing, not found). */
	private long listingOf(long hazardId, Long listingId) {
		rectification.hazard(hazardId);
		HazardListing listing = listingId == null ? supervision.ofHazard(hazardId)
			.orElseThrow(() -> new NotFoundException("隐患 " + hazardId + " 未挂牌督办"))
				: supervision.listing(listingId);
		if (listing.hazardId() != hazardId) {
			throw new NotFoundException("挂牌督办 " + listingId + " 不存在或不在您的管辖范围内");
		}
		return listing.id();
	}

	private static ListingLevel level(String level) {
		if (level == null || level.isBlank()) {
			return null;
		}
		try {
			return ListingLevel.valueOf(level);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("level", "督办层级“" + level + "”不存在");
		}
	}

	private static String page(long hazardId) {
		return "/hazards/" + hazardId + "/listing";
	}

	private Actor actor() {
		return actors.current().orElseThrow(() -> new AccessDeniedException("请先登录"));
	}
}
