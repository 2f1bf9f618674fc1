package org.anjian.organization.web;

import java.util.List;
import java.util.Set;

import org.anjian.organization.Certification;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Expert;
import org.anjian.organization.ExpertDetails;
import org.anjian.organization.Experts;
import org.anjian.organization.Jurisdiction;
import org.anjian.organization.Jurisdictions;
import org.anjian.organization.Officer;
import org.anjian.organization.OfficerDetails;
import org.anjian.organization.Officers;
import org.anjian.organization.Organization;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST access to jurisdictions, enforcement bodies, officers and experts; scoped by the database. */
@RestController
@RequestMapping("/api")
class OrganizationApi {

	private final Jurisdictions jurisdictions;
	private final EnforcementBodies bodies;
	private final Officers officers;
	private final Experts experts;
	private final Organization organization;

	OrganizationApi(Jurisdictions jurisdictions, EnforcementBodies bodies, Officers officers, Experts experts,
			Organization organization) {
		this.jurisdictions = jurisdictions;
		this.bodies = bodies;
		this.officers = officers;
		this.experts = experts;
		this.organization = organization;
	}

	record JurisdictionView(String code, String name, JurisdictionLevel level, String parentCode, String kind) {

		static JurisdictionView of(Jurisdiction j) {
			return new JurisdictionView(j.code(), j.name(), j.level(), j.parentCode(), j.kind());
		}
	}

	record BodyView(long id, String name, JurisdictionLevel level, String jurisdictionCode, String districtCode,
			String streetCode, int version) {

		static BodyView of(EnforcementBody b) {
			return new BodyView(b.id(), b.name(), b.level(), b.jurisdictionCode(), b.districtCode(), b.streetCode(),
					b.version());
		}
	}

	record OfficerView(long id, String name, String badgeNumber, long bodyId, String districtCode, String streetCode,
			String phone, boolean active, Set<Certification> certifications, int version) {

		static OfficerView of(Officer o) {
			return new OfficerView(o.id(), o.name(), o.badgeNumber(), o.bodyId(), o.districtCode(), o.streetCode(),
					o.phone(), o.active(), o.certifications(), o.version());
		}
	}

	record ExpertView(long id, String name, String field, String organisation, String qualification, String phone,
			long bodyId, String districtCode, String streetCode, boolean active, int version) {

		static ExpertView of(Expert e) {
			return new ExpertView(e.id(), e.name(), e.field(), e.organisation(), e.qualification(), e.phone(),
					e.bodyId(), e.districtCode(), e.streetCode(), e.active(), e.version());
		}
	}

	record Rename(String name, Integer version) {
	}

	/** The districts of the city, or the streets and towns of one district. */
	@GetMapping("/jurisdictions")
	List<JurisdictionView> jurisdictions(@RequestParam(required = false) String district) {
		return (district == null ? jurisdictions.districts() : jurisdictions.streetsOf(district)).stream()
			.map(JurisdictionView::of)
			.toList();
	}

	@GetMapping("/jurisdictions/{code}")
	JurisdictionView jurisdiction(@PathVariable String code) {
		return jurisdictions.findById(code).map(JurisdictionView::of)
			.orElseThrow(() -> new NotFoundException("区划代码 " + code + " 不存在"));
	}

	@GetMapping("/bodies")
	List<BodyView> bodies(@RequestParam(required = false) JurisdictionLevel level,
			@RequestParam(required = false) String district) {
		return bodies.search(level == null ? null : level.name(), blankToNull(district)).stream().map(BodyView::of).toList();
	}

	@GetMapping("/bodies/{id}")
	BodyView body(@PathVariable long id) {
		return BodyView.of(organization.body(id));
	}

	@PutMapping("/bodies/{id}")
	BodyView renameBody(@PathVariable long id, @RequestBody Rename rename) {
		return BodyView.of(organization.renameBody(id, rename.name(), rename.version()));
	}

	@GetMapping("/officers")
	List<OfficerView> officers(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String q) {
		return officers.search(bodyId, active, blankToNull(q)).stream().map(OfficerView::of).toList();
	}

	@GetMapping("/officers/{id}")
	OfficerView officer(@PathVariable long id) {
		return OfficerView.of(organization.officer(id));
	}

	@PostMapping("/officers")
	@ResponseStatus(HttpStatus.CREATED)
	OfficerView appoint(@RequestBody OfficerDetails details) {
		return OfficerView.of(organization.appointOfficer(details));
	}

	@PutMapping("/officers/{id}")
	OfficerView updateOfficer(@PathVariable long id, @RequestBody OfficerDetails details) {
		return OfficerView.of(organization.updateOfficer(id, details));
	}

	@GetMapping("/experts")
	List<ExpertView> experts(@RequestParam(required = false) Long bodyId, @RequestParam(required = false) String q) {
		return experts.search(bodyId, blankToNull(q)).stream().map(ExpertView::of).toList();
	}

	@GetMapping("/experts/{id}")
	ExpertView expert(@PathVariable long id) {
		return ExpertView.of(organization.expert(id));
	}

	@PostMapping("/experts")
	@ResponseStatus(HttpStatus.CREATED)
	ExpertView register(@RequestBody ExpertDetails details) {
		return ExpertView.of(organization.registerExpert(details));
	}

	@PutMapping("/experts/{id}")
	ExpertView updateExpert(@PathVariable long id, @RequestBody ExpertDetails details) {
		return ExpertView.of(organization.updateExpert(id, details));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
