package org.anjian.planning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.organization.Officer;
import org.anjian.organization.Officers;
import org.anjian.organization.Organization;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.Allowance;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.Uscc;
import org.anjian.shared.Zone;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an officer may be sent to inspect: their declared conflicts of interest with enterprises (回避), which
 * the officer declares themself or a leader or administrator of the officer's body records, and their absences
 * (leave, training, secondment), which only a leader or administrator of the body records. Withdrawn
 * declarations are kept with who withdrew them and when. Each act runs in one transaction under the audit
 * trail; the database limits every read and write to the caller's jurisdiction, so an officer, declaration or
 * absence outside it is not found.
 */
@Service
public class OfficerAvailability {

	/** How far from today an absence may be recorded, back or ahead: beyond that it is a mistyped year. */
	static final int ABSENCE_YEARS = 2;

	private static final int REASON_MAX = 500;

	private final Organization organization;
	private final Officers officers;
	private final EnterpriseRegistry registry;
	private final UserAccounts accounts;
	private final CurrentActor actors;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	OfficerAvailability(Organization organization, Officers officers, EnterpriseRegistry registry,
			UserAccounts accounts, CurrentActor actors, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.organization = organization;
		this.officers = officers;
		this.registry = registry;
		this.accounts = accounts;
		this.actors = actors;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A declared conflict of interest; active until withdrawn. */
	public record Recusal(long id, long officerId, String uscc, String enterpriseName, String reason,
			String declaredBy, Instant declaredAt, String withdrawnBy, Instant withdrawnAt) {

		@JsonProperty
		public boolean active() {
			return withdrawnAt == null;
		}

		/** The day declared, in Shanghai. */
		public LocalDate declaredOn() {
			return declaredAt.atZone(Zone.SHANGHAI).toLocalDate();
		}

		/** When withdrawn, in Shanghai to the minute; null while active. */
		public java.time.LocalDateTime withdrawnAtLocal() {
			return withdrawnAt == null ? null
					: withdrawnAt.atZone(Zone.SHANGHAI).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		}
	}

	/** Days, both inclusive, on which an officer is not available. */
	public record Absence(long id, long officerId, LocalDate startsOn, LocalDate endsOn, String reason,
			String recordedBy, Instant recordedAt) {

		public boolean covers(LocalDate day) {
			return !day.isBefore(startsOn) && !day.isAfter(endsOn);
		}
	}

	/** An officer of a body with their active declarations and their absences from a day on. */
	public record OfficerAvailabilityView(Officer officer, List<Recusal> recusals, List<Absence> absences) {
	}

	// ---- conflicts of interest (回避)

	/** The officer declares, or a leader or administrator of their body records, a conflict with an enterprise. */
	@Authorized(Act.DECLARE_RECUSAL)
	@Transactional
	public Recusal declare(long officerId, String uscc, String reason) {
		audit.describe(PlanningAction.RECUSAL_DECLARE);
		Officer officer = organization.officer(officerId);
		Actor actor = requireMayAct(officer, true, "申报回避");
		String code = Uscc.of(uscc).value();
		Enterprise enterprise;
		try {
			enterprise = registry.file(code);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("uscc", "统一社会信用代码 " + code + " 的企业不存在或不在您的管辖范围内，请核对后再申报");
		}
		String why = reason(reason, "请填写回避理由，例如：配偶在该企业任职");
		if (activeRecusal(officerId, code)) {
			throw new InvalidInputException("uscc", officer.name() + " 对 " + enterprise.name() + " 已有有效的回避申报，无需重复申报");
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into officer_recusal (officer_id, district_code, street_code, uscc, reason, declared_by, declared_at)
					values (:officerId, :district, :street, :uscc, :reason, :by, :at) returning id""")
				.param("officerId", officerId).param("district", officer.districtCode()).param("street", officer.streetCode())
				.param("uscc", code).param("reason", why).param("by", actor.username())
				.param("at", Timestamp.from(clock.instant()))
				.query(Long.class).single();
		}
		catch (DuplicateKeyException e) {
			// declared at the same moment by someone else: the unique index keeps one active declaration
			throw new InvalidInputException("uscc", officer.name() + " 对 " + enterprise.name() + " 已有有效的回避申报，无需重复申报");
		}
		return recusal(officerId, id);
	}

	/** Withdraws an active declaration; the row stays, with who withdrew it and when. */
	@Authorized(Act.DECLARE_RECUSAL)
	@Transactional
	public Recusal withdraw(long officerId, long recusalId) {
		audit.describe(PlanningAction.RECUSAL_WITHDRAW);
		Officer officer = organization.officer(officerId);
		Recusal recusal = recusal(officerId, recusalId);
		Actor actor = requireMayAct(officer, true, "撤回回避申报");
		if (!recusal.active()) {
			throw alreadyWithdrawn(recusal);
		}
		int updated = jdbc.sql("update officer_recusal set withdrawn_by = :by, withdrawn_at = :at"
				+ " where id = :id and withdrawn_at is null")
			.param("by", actor.username()).param("at", Timestamp.from(clock.instant())).param("id", recusalId)
			.update();
		if (updated == 0) {
			// withdrawn by someone else since it was read: theirs is the withdrawal on record
			throw alreadyWithdrawn(recusal(officerId, recusalId));
		}
		return recusal(officerId, recusalId);
	}

	private static InvalidInputException alreadyWithdrawn(Recusal recusal) {
		return new InvalidInputException("recusalId", "该回避申报已于 "
				+ recusal.withdrawnAt().atZone(Zone.SHANGHAI).toLocalDate() + " 由 " + recusal.withdrawnBy()
				+ " 撤回，不能再次撤回");
	}

	/** An officer's declarations, newest first; withdrawn ones only when asked for. */
	public List<Recusal> recusals(long officerId, boolean withWithdrawn) {
		organization.officer(officerId);
		return named(jdbc.sql(RECUSALS + " where r.officer_id = :officerId"
				+ (withWithdrawn ? "" : " and r.withdrawn_at is null") + " order by r.declared_at desc, r.id desc")
			.param("officerId", officerId).query(OfficerAvailability::recusal).list());
	}

	/** The active declarations of every officer of a body. */
	public List<Recusal> activeRecusalsOfBody(long bodyId) {
		return recusalsOfBody(bodyId, false);
	}

	/** The declarations of every officer of a body, newest first; withdrawn ones only when asked for. */
	public List<Recusal> recusalsOfBody(long bodyId, boolean withWithdrawn) {
		organization.body(bodyId);
		return named(jdbc.sql(RECUSALS + " join officer_directory o on o.id = r.officer_id where o.body_id = :body"
				+ (withWithdrawn ? "" : " and r.withdrawn_at is null") + " order by o.name, r.declared_at desc, r.id desc")
			.param("body", bodyId).query(OfficerAvailability::recusal).list());
	}

	public Recusal recusal(long officerId, long recusalId) {
		Recusal recusal = jdbc.sql(RECUSALS + " where r.id = :id and r.officer_id = :officerId")
			.param("id", recusalId).param("officerId", officerId)
			.query(OfficerAvailability::recusal).optional()
			.orElseThrow(() -> new NotFoundException("回避申报 " + recusalId + " 不存在或不在您的管辖范围内"));
		return named(List.of(recusal)).get(0);
	}

	private boolean activeRecusal(long officerId, String uscc) {
		return jdbc.sql("select exists (select 1 from officer_recusal where officer_id = :officerId and uscc = :uscc"
				+ " and withdrawn_at is null)")
			.param("officerId", officerId).param("uscc", uscc).query(Boolean.class).single();
	}

	// ---- absences

	/** A leader or administrator of the officer's body records days the officer is not available. */
	@Authorized(Act.RECORD_ABSENCE)
	@Transactional
	public Absence recordAbsence(long officerId, LocalDate startsOn, LocalDate endsOn, String reason) {
		audit.describe(PlanningAction.ABSENCE_RECORD);
		Officer officer = organization.officer(officerId);
		Actor actor = requireMayAct(officer, false, "登记请假或外出");
		if (startsOn == null) {
			throw new InvalidInputException("startsOn", "请填写开始日期");
		}
		if (endsOn == null) {
			throw new InvalidInputException("endsOn", "请填写结束日期");
		}
		if (endsOn.isBefore(startsOn)) {
			throw new InvalidInputException("endsOn", "结束日期 " + endsOn + " 早于开始日期 " + startsOn + "，请核对");
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate earliest = today.minusYears(ABSENCE_YEARS);
		LocalDate latest = today.plusYears(ABSENCE_YEARS);
		if (startsOn.isBefore(earliest)) {
			throw new InvalidInputException("startsOn", "开始日期 " + startsOn + " 早于两年前（" + earliest + "），请核对年份");
		}
		if (endsOn.isAfter(latest)) {
			throw new InvalidInputException("endsOn", "结束日期 " + endsOn + " 晚于两年后（" + latest + "），请核对年份");
		}
		String why = reason(reason, "请填写请假或外出事由，例如：年休假、脱产培训");
		// one absence recorded at a time per officer, so that two overlapping ones cannot both pass the check
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('officer_absence:' || :officerId, 0))")
			.param("officerId", officerId).query((rs, n) -> 1).list();
		List<Absence> overlapping = jdbc.sql(ABSENCES + " where a.officer_id = :officerId and a.starts_on <= :to and a.ends_on >= :from"
				+ " order by a.starts_on")
			.param("officerId", officerId).param("from", startsOn).param("to", endsOn)
			.query(OfficerAvailability::absence).list();
		if (!overlapping.isEmpty()) {
			Absence other = overlapping.get(0);
			throw new InvalidInputException("startsOn", officer.name() + " 在 " + other.startsOn() + " 至 " + other.endsOn()
					+ " 已登记请假或外出（" + other.reason() + "），与本次日期重叠；请修改日期或先删除原登记");
		}
		long id = jdbc.sql("""
				insert into officer_absence (officer_id, district_code, street_code, starts_on, ends_on, reason, recorded_by, recorded_at)
				values (:officerId, :district, :street, :from, :to, :reason, :by, :at) returning id""")
			.param("officerId", officerId).param("district", officer.districtCode()).param("street", officer.streetCode())
			.param("from", startsOn).param("to", endsOn).param("reason", why).param("by", actor.username())
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class).single();
		return absence(officerId, id);
	}

	/** The same, from dates as typed (2026-10-01): the officer is looked up first, so one out of reach is not found. */
	@Authorized(Act.RECORD_ABSENCE)
	@Transactional
	public Absence recordAbsence(long officerId, String startsOn, String endsOn, String reason) {
		organization.officer(officerId);
		return recordAbsence(officerId, date(startsOn, "startsOn", "开始日期"), date(endsOn, "endsOn", "结束日期"), reason);
	}

	/** An ISO date (2026-10-01), or a Chinese message naming the field. */
	public static LocalDate date(String text, String field, String label) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "请填写" + label + "，格式如 2026-10-01");
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidInputException(field, label + "“" + text.trim() + "”不是有效日期，格式如 2026-10-01");
		}
	}

	/** Removes an absence recorded in error or cancelled; the audit trail keeps what it was. */
	@Authorized(Act.RECORD_ABSENCE)
	@Transactional
	public Absence removeAbsence(long officerId, long absenceId) {
		audit.describe(PlanningAction.ABSENCE_REMOVE);
		Officer officer = organization.officer(officerId);
		Absence absence = absence(officerId, absenceId);
		requireMayAct(officer, false, "删除请假或外出登记");
		jdbc.sql("delete from officer_absence where id = :id").param("id", absenceId).update();
		return absence;
	}

	/** An officer's absences, in date order. */
	public List<Absence> absences(long officerId) {
		organization.officer(officerId);
		return jdbc.sql(ABSENCES + " where a.officer_id = :officerId order by a.starts_on, a.id")
			.param("officerId", officerId).query(OfficerAvailability::absence).list();
	}

	/** The absences of a body's officers that end on or after a day, in date order. */
	public List<Absence> absencesOfBody(long bodyId, LocalDate from) {
		organization.body(bodyId);
		return jdbc.sql(ABSENCES + " join officer_directory o on o.id = a.officer_id"
				+ " where o.body_id = :body and a.ends_on >= :from order by a.starts_on, a.id")
			.param("body", bodyId).param("from", from).query(OfficerAvailability::absence).list();
	}

	public Absence absence(long officerId, long absenceId) {
		return jdbc.sql(ABSENCES + " where a.id = :id and a.officer_id = :officerId")
			.param("id", absenceId).param("officerId", officerId)
			.query(OfficerAvailability::absence).optional()
			.orElseThrow(() -> new NotFoundException("请假或外出登记 " + absenceId + " 不存在或不在您的管辖范围内"));
	}

	// ---- a body's officers at a glance

	/**
	 * Each active officer of a body with their declarations (active ones, or all when asked for) and the
	 * absences not yet over.
	 */
	public List<OfficerAvailabilityView> availability(long bodyId, boolean withWithdrawn) {
		organization.body(bodyId);
		List<Officer> staff = officers.search(bodyId, true, null);
		Map<Long, List<Recusal>> recusals = new LinkedHashMap<>();
		Map<Long, List<Absence>> absences = new LinkedHashMap<>();
		recusalsOfBody(bodyId, withWithdrawn).forEach(r -> recusals.computeIfAbsent(r.officerId(), k -> new ArrayList<>()).add(r));
		absencesOfBody(bodyId, LocalDate.now(clock)).forEach(
				a -> absences.computeIfAbsent(a.officerId(), k -> new ArrayList<>()).add(a));
		return staff.stream().map(o -> new OfficerAvailabilityView(o, recusals.getOrDefault(o.id(), List.of()),
				absences.getOrDefault(o.id(), List.of()))).toList();
	}

	/** What the caller may do for an officer, for pages to show only the forms that will be accepted. */
	public boolean mayDeclareFor(Officer officer) {
		return AvailabilityPolicy.declare(acting(), officer, "申报回避").allowed();
	}

	public boolean mayRecordAbsenceFor(Officer officer) {
		return AvailabilityPolicy.recordAbsence(acting(), officer, "登记请假或外出").allowed();
	}

	// ---- who acts

	/**
	 * The caller, allowed by {@link AvailabilityPolicy} to act for the officer: a declaration ({@code self}: the
	 * officer may make it for themself) or an absence.
	 */
	private Actor requireMayAct(Officer officer, boolean self, String act) {
		Actor actor = actors.current().orElseThrow(() -> new AccessDeniedException("请先登录"));
		AvailabilityPolicy.Acting acting = acting();
		Allowance allowance = self ? AvailabilityPolicy.declare(acting, officer, act)
				: AvailabilityPolicy.recordAbsence(acting, officer, act);
		if (allowance.refused()) {
			throw new AccessDeniedException(allowance.reason());
		}
		return actor;
	}

	/** Who is acting, as the policy needs it; null for nobody logged in or an enterprise's user. */
	private AvailabilityPolicy.Acting acting() {
		Actor actor = actors.current().orElse(null);
		if (actor == null || actor.isEnterprise()) {
			return null;
		}
		return new AvailabilityPolicy.Acting(actor.bodyId(), role("ROLE_LEADER") || role("ROLE_ADMIN"),
				ownOfficerId(actor));
	}

	/** The officer record linked to the caller's account, if any. */
	private Long ownOfficerId(Actor actor) {
		return accounts.findByUsername(actor.username()).map(UserAccount::officerId).orElse(null);
	}

	private static boolean role(String authority) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}

	private static String reason(String reason, String hint) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", hint);
		}
		String r = reason.trim();
		if (r.length() > REASON_MAX) {
			throw new InvalidInputException("reason", "理由不超过 " + REASON_MAX + " 字，现有 " + r.length() + " 字");
		}
		return r;
	}

	private static final String RECUSALS = """
			select r.id, r.officer_id, r.uscc, null as enterprise_name, r.reason, r.declared_by, r.declared_at,
			       r.withdrawn_by, r.withdrawn_at
			from officer_recusal r""";

	/** The declarations with the names the registry gives their enterprises. */
	private List<Recusal> named(List<Recusal> recusals) {
		Map<String, String> names = registry.names(recusals.stream().map(Recusal::uscc).toList());
		return recusals.stream()
			.map(r -> new Recusal(r.id(), r.officerId(), r.uscc(), names.get(r.uscc()), r.reason(), r.declaredBy(),
					r.declaredAt(), r.withdrawnBy(), r.withdrawnAt()))
			.toList();
	}

	private static final String ABSENCES = "select a.id, a.officer_id, a.starts_on, a.ends_on, a.reason, a.recorded_by,"
			+ " a.recorded_at from officer_absence a";

	private static Recusal recusal(ResultSet rs, int n) throws SQLException {
		Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
		return new Recusal(rs.getLong("id"), rs.getLong("officer_id"), rs.getString("uscc"),
				rs.getString("enterprise_name"), rs.getString("reason"), rs.getString("declared_by"),
				rs.getTimestamp("declared_at").toInstant(), rs.getString("withdrawn_by"),
				withdrawn == null ? null : withdrawn.toInstant());
	}

	private static Absence absence(ResultSet rs, int n) throws SQLException {
		return new Absence(rs.getLong("id"), rs.getLong("officer_id"), rs.getDate("starts_on").toLocalDate(),
				rs.getDate("ends_on").toLocalDate(), rs.getString("reason"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}
}
