package org.anjian.organization;

import java.util.Objects;

import org.anjian.audit.AuditTrail;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official acts on bodies, officers and experts. Each runs in one transaction, recorded by the audit
 * trail; what the caller may reach is limited by their jurisdiction in the database, so a body, officer or
 * expert outside it is simply not found.
 */
@Service
public class Organization {

	private final EnforcementBodies bodies;
	private final Officers officers;
	private final Experts experts;
	private final AuditTrail audit;

	Organization(EnforcementBodies bodies, Officers officers, Experts experts, AuditTrail audit) {
		this.bodies = bodies;
		this.officers = officers;
		this.experts = experts;
		this.audit = audit;
	}

	public EnforcementBody body(long id) {
		return bodies.findById(id).orElseThrow(() -> new NotFoundException("执法主体 " + id + " 不存在或不在您的管辖范围内"));
	}

	public Officer officer(long id) {
		return officers.findById(id).orElseThrow(() -> new NotFoundException("执法人员 " + id + " 不存在或不在您的管辖范围内"));
	}

	public Expert expert(long id) {
		return experts.findById(id).orElseThrow(() -> new NotFoundException("专家 " + id + " 不存在或不在您的管辖范围内"));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public EnforcementBody renameBody(long id, String name, Integer version) {
		audit.describe("body.rename");
		EnforcementBody body = body(id);
		checkVersion(version, body.version());
		body.rename(name);
		return bodies.save(body);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'LEADER')")
	public Officer appointOfficer(OfficerDetails details) {
		audit.describe("officer.appoint");
		EnforcementBody body = body(requireBody(details.bodyId()));
		Officer officer = Officer.appoint(details.name(), details.badgeNumber(), body, details.phone(),
				details.certifications());
		if (officers.existsByBadgeNumber(officer.badgeNumber())) {
			throw new InvalidInputException("badgeNumber", "执法证号 " + officer.badgeNumber() + " 已登记，请核对");
		}
		return officers.save(officer);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'LEADER')")
	public Officer updateOfficer(long id, OfficerDetails details) {
		audit.describe("officer.update");
		Officer officer = officer(id);
		checkVersion(details.version(), officer.version());
		if (details.badgeNumber() != null && !details.badgeNumber().trim().equalsIgnoreCase(officer.badgeNumber())) {
			throw new InvalidInputException("badgeNumber", "执法证号不可修改；证号变更请登记为新的执法人员");
		}
		officer.describe(details.name(), details.phone(), details.certifications());
		if (details.bodyId() != null && !details.bodyId().equals(officer.bodyId())) {
			officer.transferTo(body(details.bodyId()));
		}
		if (Boolean.FALSE.equals(details.active())) {
			officer.deactivate();
		}
		else if (Boolean.TRUE.equals(details.active())) {
			officer.reactivate();
		}
		return officers.save(officer);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')")
	public Expert registerExpert(ExpertDetails details) {
		audit.describe("expert.register");
		EnforcementBody body = body(requireBody(details.bodyId()));
		return experts.save(Expert.register(details.name(), details.field(), details.organisation(),
				details.qualification(), details.phone(), body));
	}

	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')")
	public Expert updateExpert(long id, ExpertDetails details) {
		audit.describe("expert.update");
		Expert expert = expert(id);
		checkVersion(details.version(), expert.version());
		expert.describe(details.name(), details.field(), details.organisation(), details.qualification(),
				details.phone());
		if (Boolean.FALSE.equals(details.active())) {
			expert.deactivate();
		}
		else if (Boolean.TRUE.equals(details.active())) {
			expert.reactivate();
		}
		return experts.save(expert);
	}

	private static long requireBody(Long bodyId) {
		if (bodyId == null) {
			throw new InvalidInputException("bodyId", "请选择所属执法主体");
		}
		return bodyId;
	}

	/** A form edited from an older version must not overwrite someone else's newer change. */
	private static void checkVersion(Integer expected, int actual) {
		if (expected != null && !Objects.equals(expected, actual)) {
			throw new OptimisticLockingFailureException("stale version " + expected + " (now " + actual + ")");
		}
	}
}
