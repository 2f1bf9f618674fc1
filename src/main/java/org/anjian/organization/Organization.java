package org.anjian.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.organization.internal.OrganizationAction;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization as other modules reach it: a body, officer or expert by id, the names of many in one query; and
 * the official acts on them. Each act runs in one transaction, recorded by the audit trail; what the caller may
 * reach is limited by their jurisdiction in the database, so a body, officer or expert outside it is simply not
 * found.
 */
@Service
public class Organization {

	private final EnforcementBodies bodies;
	private final Officers officers;
	private final Experts experts;
	private final AuditTrail audit;
	private final OfficialActs acts;

	Organization(EnforcementBodies bodies, Officers officers, Experts experts, AuditTrail audit, OfficialActs acts) {
		this.bodies = bodies;
		this.officers = officers;
		this.experts = experts;
		this.audit = audit;
		this.acts = acts;
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

	/** A body's name: 404 if no such body is within reach. */
	public String bodyName(long id) {
		return body(id).name();
	}

	/** The names of the bodies with these ids that are within reach, by id, in one query (for lists). */
	public Map<Long, String> bodyNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			bodies.findAllById(ids.stream().distinct().toList()).forEach(b -> names.put(b.id(), b.name()));
		}
		return names;
	}

	/** The names of the officers with these ids that are within reach, by id, in one query (for lists). */
	public Map<Long, String> officerNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			officers.findAllById(ids.stream().distinct().toList()).forEach(o -> names.put(o.id(), o.name()));
		}
		return names;
	}

	/** The names of the experts with these ids that are within reach, by id, in one query (for lists). */
	public Map<Long, String> expertNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			experts.findAllById(ids.stream().distinct().toList()).forEach(e -> names.put(e.id(), e.name()));
		}
		return names;
	}

	@Transactional
	@Authorized(Act.RENAME_BODY)
	public EnforcementBody renameBody(long id, String name, Integer version) {
		return acts.perform(OrganizationAction.BODY_RENAME, body(id), version, body -> body.rename(name), bodies::save);
	}

	@Transactional
	@Authorized(Act.APPOINT_OFFICER)
	public Officer appointOfficer(OfficerDetails details) {
		audit.describe(OrganizationAction.OFFICER_APPOINT);
		EnforcementBody body = body(requireBody(details.bodyId()));
		Officer officer = Officer.appoint(details.name(), details.badgeNumber(), body, details.phone(),
				details.certifications());
		if (officers.existsByBadgeNumber(officer.badgeNumber())) {
			throw new InvalidInputException("badgeNumber", "执法证号 " + officer.badgeNumber() + " 已登记，请核对");
		}
		return officers.save(officer);
	}

	@Transactional
	@Authorized(Act.APPOINT_OFFICER)
	public Officer updateOfficer(long id, OfficerDetails details) {
		return acts.perform(OrganizationAction.OFFICER_UPDATE, officer(id), details.version(), officer -> {
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
		}, officers::save);
	}

	@Transactional
	@Authorized(Act.REGISTER_EXPERT)
	public Expert registerExpert(ExpertDetails details) {
		audit.describe(OrganizationAction.EXPERT_REGISTER);
		EnforcementBody body = body(requireBody(details.bodyId()));
		return experts.save(Expert.register(details.name(), details.field(), details.organisation(),
				details.qualification(), details.phone(), body));
	}

	@Transactional
	@Authorized(Act.REGISTER_EXPERT)
	public Expert updateExpert(long id, ExpertDetails details) {
		return acts.perform(OrganizationAction.EXPERT_UPDATE, expert(id), details.version(), expert -> {
			expert.describe(details.name(), details.field(), details.organisation(), details.qualification(),
					details.phone());
			if (Boolean.FALSE.equals(details.active())) {
				expert.deactivate();
			}
			else if (Boolean.TRUE.equals(details.active())) {
				expert.reactivate();
			}
		}, experts::save);
	}

	private static long requireBody(Long bodyId) {
		if (bodyId == null) {
			throw new InvalidInputException("bodyId", "请选择所属执法主体");
		}
		return bodyId;
	}
}
