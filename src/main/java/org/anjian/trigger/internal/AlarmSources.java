package org.anjian.trigger.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.organization.Jurisdictions;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.Sha256;
import org.anjian.shared.database.PagedQuery;
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring sources an administrator registers. A new source gets a random API key that is shown once and
 * never stored: only its SHA-256 is kept, and a key is recognised by its hash. A deactivated source's alarms are
 * refused.
 */
@Service
public class AlarmSources {

	static final String COLUMNS = "id, name, district_code, active, registered_by, registered_at, deactivated_at, version";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final AuditTrail audit;
	private final OfficialActs acts;
	private final Clock clock;

	AlarmSources(JdbcClient jdbc, Jurisdictions jurisdictions, AuditTrail audit, OfficialActs acts, Clock clock) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.audit = audit;
		this.acts = acts;
		this.clock = clock;
	}

	/** A source just registered and its key, which is not shown again. */
	public record Registered(AlarmSource source, String apiKey) {
	}

	/** A page of the sources, the active ones first, by name: a city connects its enterprises' monitoring one by one. */
	public ResultPage<AlarmSource> all(Integer page) {
		return PagedQuery.page(jdbc, "select " + COLUMNS, " from alarm_source", "order by active desc, name, id", Map.of(),
				AlarmSources::row, page, ResultPage.DEFAULT_SIZE);
	}

	public AlarmSource source(long id) {
		return jdbc.sql("select " + COLUMNS + " from alarm_source where id = :id").param("id", id).query(AlarmSources::row)
			.optional().orElseThrow(() -> new NotFoundException("监测源 " + id + " 不存在或不在您的管辖范围内"));
	}

	/** Registers a source of a district (a six-digit division code) or of the city (no district). */
	@Authorized(Act.KEEP_ALARM_SOURCES)
	@Transactional
	public Registered register(String name, String districtCode, String by) {
		audit.describe(TriggerAction.REGISTER_ALARM_SOURCE);
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "请填写监测源名称，例如“浦东新区粉尘涉爆企业监测预警系统”");
		}
		String district = districtCode == null || districtCode.isBlank() || "310000".equals(districtCode.trim()) ? null
				: districtCode.trim();
		if (district != null && jurisdictions.findById(district)
			.filter(j -> j.level() == JurisdictionLevel.DISTRICT).isEmpty()) {
			throw new InvalidInputException("districtCode", "区划代码 " + district + " 不是本市的区；全市的监测源请留空");
		}
		boolean taken = jdbc.sql("select exists (select 1 from alarm_source where name = :name)").param("name", name.trim())
			.query(Boolean.class).single();
		if (taken) {
			throw new InvalidInputException("name", "已有名为“" + name.trim() + "”的监测源，请换一个名称");
		}
		String key = newKey();
		long id = jdbc.sql("""
				insert into alarm_source (name, district_code, key_hash, registered_by, registered_at)
				values (:name, :district, :hash, :by, :at) returning id""")
			.param("name", name.trim()).param("district", district).param("hash", Sha256.hex(key)).param("by", by)
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class).single();
		return new Registered(source(id), key);
	}

	/** Stops a source: its key is refused from now on. */
	@Authorized(Act.KEEP_ALARM_SOURCES)
	@Transactional
	public AlarmSource deactivate(long id, Integer version) {
		return acts.perform(TriggerAction.DEACTIVATE_ALARM_SOURCE, locked(id), version, s -> s.deactivate(clock.instant()),
				this::save);
	}

	/** The source, held until the transaction ends: the version it was read at is the one it is saved over. */
	private AlarmSource locked(long id) {
		return jdbc.sql("select " + COLUMNS + " from alarm_source where id = :id for update").param("id", id)
			.query(AlarmSources::row).optional()
			.orElseThrow(() -> new NotFoundException("监测源 " + id + " 不存在或不在您的管辖范围内"));
	}

	private AlarmSource save(AlarmSource source) {
		jdbc.sql("""
				update alarm_source set active = :active, deactivated_at = :deactivatedAt, version = version + 1
				where id = :id""")
			.param("active", source.active())
			.param("deactivatedAt", source.deactivatedAt() == null ? null : Timestamp.from(source.deactivatedAt()))
			.param("id", source.id()).update();
		return source(source.id());
	}

	/**
	 * The active source whose key this is; a missing, unknown or deactivated key finds none. Looked up as the system:
	 * the caller is a machine without a login, and the key itself is what it proves.
	 */
	public Optional<AlarmSource> authenticate(String apiKey) {
		if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
			return Optional.empty();
		}
		String hash = Sha256.hex(apiKey.trim());
		return SystemScope.call("alarm-source-key", () -> jdbc
			.sql("select " + COLUMNS + " from alarm_source where key_hash = :hash and active")
			.param("hash", hash).query(AlarmSources::row).optional());
	}

	static String newKey() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "ajk_" + HexFormat.of().formatHex(bytes);
	}

	static AlarmSource row(ResultSet rs, int n) throws SQLException {
		return new AlarmSource(rs.getLong("id"), rs.getString("name"), rs.getString("district_code"),
				rs.getBoolean("active"), rs.getString("registered_by"), instant(rs, "registered_at"),
				instant(rs, "deactivated_at"), rs.getInt("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
