package org.anjian.penalty.web;

import java.util.Arrays;
import java.util.List;

import org.anjian.penalty.Accident;
import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.Discretion;
import org.anjian.penalty.DiscretionFactor;
import org.anjian.penalty.DiscretionPolicy;
import org.anjian.penalty.Party;
import org.anjian.penalty.PenaltyCatalogue;
import org.anjian.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue and the discretion benchmark for other systems and auditors (issue 15, build item 10): officers and
 * legal reviewers read every entry with its statutory range, the factor codes, and the benchmark's proposal for a
 * violation and the facts given.
 */
@RestController
@RequestMapping("/api/penalty")
@PreAuthorize(PenaltyApi.READERS)
class PenaltyApi {

	static final String READERS = "hasAnyRole('CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER', 'LEGAL_REVIEWER')";

	private final PenaltyCatalogue catalogue;

	PenaltyApi(PenaltyCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** One fine of the catalogue as the API shows it. */
	record EntryView(String id, String law, int article, Integer paragraph, String citation, String subject,
			String violation, String tier, String accidentLevel, List<AccidentBandView> bands, String party, long min,
			long max, String sanction, String verification) {
	}

	record AccidentBandView(int band, long min, long max) {
	}

	record FactorView(String code, String kind, String dimension, String label) {
	}

	record AccidentRequest(Integer deaths, Integer seriousInjuries, Long directLossYuan) {
	}

	record DiscretionRequest(String entry, List<String> factors, AccidentRequest accident, Long amount) {
	}

	record DiscretionView(String entry, String citation, long statutoryMin, long statutoryMax, String band,
			long bandMin, long bandMax, long proposed, List<String> reasons, boolean noPenalty, boolean hearingRequired,
			String amountReview) {
	}

	@GetMapping("/catalogue")
	List<EntryView> catalogue() {
		return catalogue.entries().stream().map(this::view).toList();
	}

	@GetMapping("/factors")
	List<FactorView> factors() {
		return Arrays.stream(DiscretionFactor.values())
			.map(f -> new FactorView(f.name(), f.kind().name().toLowerCase(),
					f.dimension() == null ? null : f.dimension().label(), f.label()))
			.toList();
	}

	@PostMapping("/discretion")
	DiscretionView discretion(@RequestBody DiscretionRequest request) {
		if (request == null || request.entry() == null || request.entry().isBlank()) {
			throw new InvalidInputException("entry", "请指定裁量目录条目（entry）");
		}
		CatalogueEntry entry = catalogue.entry(request.entry());
		Accident accident = request.accident() == null ? null : accident(request.accident());
		Discretion proposal = catalogue.propose(entry.id(), request.factors(), accident);
		String review = null;
		if (request.amount() != null) {
			DiscretionPolicy.amount(entry, catalogue.range(entry, accident), request.amount()).orRefuseInput("amount");
			if (!proposal.noPenalty()) {
				review = DiscretionPolicy.withinBand(proposal, request.amount()).reason();
			}
		}
		return new DiscretionView(entry.id(), entry.citation(), proposal.statutoryMin(), proposal.statutoryMax(),
				proposal.band().code(), proposal.bandMin(), proposal.bandMax(), proposal.proposed(), proposal.reasons(),
				proposal.noPenalty(), proposal.hearingRequired(), review);
	}

	private static Accident accident(AccidentRequest request) {
		try {
			return new Accident(request.deaths() == null ? 0 : request.deaths(),
					request.seriousInjuries() == null ? 0 : request.seriousInjuries(),
					request.directLossYuan() == null ? 0 : request.directLossYuan());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("accident", e.getMessage());
		}
	}

	private EntryView view(CatalogueEntry e) {
		return new EntryView(e.id(), e.law(), e.article(), e.paragraph(), e.citation(), e.subject(), e.violation(),
				e.tier().code(), e.accidentLevel() == null ? null : e.accidentLevel().label(),
				catalogue.accidentBands(e).stream().map(b -> new AccidentBandView((int) b[0], b[1], b[2])).toList(),
				e.party() == Party.UNIT ? "unit" : "responsible_person", e.minYuan(), e.maxYuan(),
				e.sanction(), e.verification());
	}
}
