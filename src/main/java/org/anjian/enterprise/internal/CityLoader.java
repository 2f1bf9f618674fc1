package org.anjian.enterprise.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.anjian.enterprise.RiskTag;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Jurisdictions;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.database.SystemScope;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a generated city in one transaction, as the system: COPY into a temporary table (COPY cannot write a
 * table under row-level security), then one {@code INSERT … SELECT} that skips credit codes already registered,
 * so that a second run with the same seed adds nothing. With {@code anjian.bulk} on, the audit trigger leaves
 * the rows alone and the load records one summary in the audit trail instead of a million records.
 * Supervision comes from the supervision rules read once ({@link SupervisionRules#policy()}); places and bodies from
 * the organization module.
 */
@Component
public class CityLoader {

	private static final Logger log = LoggerFactory.getLogger(CityLoader.class);

	static final String COLUMNS = "uscc, name, legal_representative, safety_manager, safety_manager_phone, address,"
			+ " district_code, street_code, longitude, latitude, industry_code, sector, sector_subtype, risk_tags,"
			+ " major_hazard_level, scale, employees, key_unit, key_unit_reason, parent_group, supervision_level,"
			+ " supervising_body_id, level_rule, standardization_grade, liability_insurance, operating_status, version";

	private static final int FLUSH_BYTES = 1 << 20;

	/** From this many enterprises on, indexes are re-built after the insert rather than maintained row by row. */
	static final int REBUILD_AT = 100_000;

	/** What a load did. */
	public record Result(long seed, int requested, long inserted, long skipped, Duration copy, Duration insert, Duration total) {
	}

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final SupervisionRules rules;
	private final EnforcementBodies bodies;
	private final Jurisdictions jurisdictions;

	CityLoader(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, SupervisionRules rules,
			EnforcementBodies bodies, Jurisdictions jurisdictions) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.rules = rules;
		this.bodies = bodies;
		this.jurisdictions = jurisdictions;
	}

	/** Generates {@code count} enterprises from {@code seed} and loads those whose code is not yet registered. */
	public Result load(long seed, int count) {
		return load(seed, count, CityGenerator.Profile.CITY);
	}

	Result load(long seed, int count, CityGenerator.Profile profile) {
		return SystemScope.call("generate", () -> {
			long started = System.nanoTime();
			CityGenerator generator = generator(seed, profile);
			SupervisionPolicy policy = rules.policy();
			Map<String, Long> bodyIds = bodies.findAll().stream()
				.collect(Collectors.toMap(EnforcementBody::jurisdictionCode, EnforcementBody::id));
			long[] timings = new long[2];
			long inserted = transactions.execute(status -> {
				listPlaceholderKeyUnits();
				Set<String> cityKeyList = rules.cityKeyList();
				jdbc.sql("select set_config('anjian.bulk', 'on', true), set_config('anjian.action', :action, true)")
					.param("action", EnterpriseAction.GENERATE.code())
					.query((rs, n) -> n).list();
				jdbc.sql("create temporary table enterprise_load (like enterprise including defaults) on commit drop").update();
				long copyStarted = System.nanoTime();
				copy(generator, count, policy, bodyIds, cityKeyList);
				timings[0] = System.nanoTime() - copyStarted;
				long insertStarted = System.nanoTime();
				long present = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
				boolean rebuild = count >= REBUILD_AT && count > present;
				List<String[]> indexes = rebuild ? dropIndexesAndForeignKeys() : List.of();
				long added = jdbc.sql("insert into enterprise (" + COLUMNS + ") select " + COLUMNS
						+ " from enterprise_load order by uscc on conflict (uscc) do nothing").update();
				indexes.forEach(definition -> jdbc.sql(definition[1]).update());
				timings[1] = System.nanoTime() - insertStarted;
				jdbc.sql("""
						select anjian_audit_append('enterprise', null, :action, null,
						    json_build_object('seed', :seed, 'profile', :profile, 'requested', :requested, 'inserted', :inserted,
						                      'skipped', :skipped, 'note', '生成数据批量导入，逐行审计已汇总为本条记录')::text, null, null)""")
					.param("action", EnterpriseAction.GENERATE.code()).param("seed", seed).param("profile", profile.name())
					.param("requested", count).param("inserted", added).param("skipped", count - added)
					.query((rs, n) -> n).list();
				return added;
			});
			// statistics and the visibility map, so that the planner knows the new rows and counts use the indexes
			jdbc.sql("vacuum analyze enterprise").update();
			Duration total = Duration.ofNanos(System.nanoTime() - started);
			Result result = new Result(seed, count, inserted, count - inserted, Duration.ofNanos(timings[0]),
					Duration.ofNanos(timings[1]), total);
			log.info("Generated city loaded: {}", result);
			return result;
		});
	}

	/**
	 * A large load into a smaller table: maintaining every index and checking every foreign key row by row costs
	 * several times more than building the indexes afterwards and checking each foreign key with one join. The
	 * secondary indexes and foreign keys are dropped here and re-created from their definitions after the insert,
	 * in the same transaction (nobody sees the table without them; a failure rolls all back). The primary key stays
	 * to skip codes already registered. Returns the statements that re-create them, foreign keys first.
	 */
	private List<String[]> dropIndexesAndForeignKeys() {
		jdbc.sql("select set_config('maintenance_work_mem', '512MB', true),"
				+ " set_config('max_parallel_maintenance_workers', '2', true)").query((rs, n) -> n).list();
		List<String[]> recreate = new ArrayList<>();
		for (String[] fk : jdbc.sql("select conname, pg_get_constraintdef(oid) from pg_constraint"
				+ " where conrelid = 'enterprise'::regclass and contype = 'f'")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list()) {
			jdbc.sql("alter table enterprise drop constraint " + quote(fk[0])).update();
			recreate.add(new String[] { fk[0], "alter table enterprise add constraint " + quote(fk[0]) + " " + fk[1] });
		}
		for (String[] index : jdbc.sql("select i.relname, pg_get_indexdef(i.oid) from pg_index x"
				+ " join pg_class i on i.oid = x.indexrelid where x.indrelid = 'enterprise'::regclass"
				+ " and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list()) {
			jdbc.sql("drop index " + quote(index[0])).update();
			recreate.add(index);
		}
		return recreate;
	}

	private static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	CityGenerator generator(long seed, CityGenerator.Profile profile) {
		List<CityGenerator.Street> streets = jurisdictions.streets().stream()
			.map(s -> new CityGenerator.Street(s.code(), s.name(), s.parentCode(), s.kind()))
			.toList();
		Map<String, String> districts = new HashMap<>();
		jurisdictions.districts().forEach(d -> districts.put(d.code(), d.name()));
		return new CityGenerator(seed, profile, streets, districts);
	}

	/** 高桥石化 and 宝武特冶 join the city key list with the generator's codes (see CityGenerator). */
	private void listPlaceholderKeyUnits() {
		for (CityGenerator.Generated unit : CityGenerator.NAMED_KEY_UNITS) {
			if (CityGenerator.PLACEHOLDER_CODES.contains(unit.uscc())) {
				jdbc.sql("insert into city_key_list (uscc, name, reason) values (:uscc, :name, :reason)"
						+ " on conflict (uscc) do nothing")
					.param("uscc", unit.uscc())
					.param("name", unit.name())
					.param("reason", unit.keyUnitReason() + "；代码为生成数据所用，待核实后替换")
					.update();
			}
		}
	}

	private void copy(CityGenerator generator, int count, SupervisionPolicy policy, Map<String, Long> bodies,
			Set<String> cityKeyList) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy enterprise_load (" + COLUMNS + ") from stdin");
			try {
				StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
				generator.generate(count, e -> {
					row(buffer, e, policy, bodies, cityKeyList);
					if (buffer.length() >= FLUSH_BYTES / 3) { // characters: up to three bytes each in UTF-8
						write(copy, buffer);
					}
				});
				write(copy, buffer);
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("批量导入企业失败：" + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static void write(CopyIn copy, StringBuilder buffer) {
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException e) {
			throw new UncheckedIOException(new IOException(e.getMessage(), e));
		}
		buffer.setLength(0);
	}

	/** One line of COPY's text format; generated values hold no tab, newline or backslash. */
	private static void row(StringBuilder b, CityGenerator.Generated e, SupervisionPolicy policy,
			Map<String, Long> bodies, Set<String> cityKeyList) {
		SupervisionPolicy.Decision decision = policy.decide(e.sector(), e.keyUnit(), e.scale(), cityKeyList.contains(e.uscc()));
		String jurisdiction = decision.level() == JurisdictionLevel.CITY ? "310000"
				: decision.level() == JurisdictionLevel.DISTRICT ? e.districtCode() : e.streetCode();
		Long body = bodies.get(jurisdiction);
		if (body == null) {
			throw new IllegalStateException("no enforcement body for " + jurisdiction);
		}
		field(b, e.uscc()).append('\t');
		field(b, e.name()).append('\t');
		field(b, e.legalRepresentative()).append('\t');
		field(b, e.safetyManager()).append('\t');
		field(b, e.phone()).append('\t');
		field(b, e.address()).append('\t');
		field(b, e.districtCode()).append('\t');
		field(b, e.streetCode()).append('\t');
		field(b, e.longitude().toPlainString()).append('\t');
		field(b, e.latitude().toPlainString()).append('\t');
		field(b, e.industryCode()).append('\t');
		field(b, e.sector().name()).append('\t');
		field(b, e.subtype().name()).append('\t');
		b.append('{').append(e.tags().stream().map(RiskTag::name).collect(Collectors.joining(","))).append("}\t");
		field(b, e.majorHazardLevel() == null ? null : e.majorHazardLevel().toString()).append('\t');
		field(b, e.scale().name()).append('\t');
		b.append(e.employees()).append('\t');
		b.append(e.keyUnit() ? 't' : 'f').append('\t');
		field(b, e.keyUnitReason()).append('\t');
		field(b, e.parentGroup()).append('\t');
		b.append(decision.level().name()).append('\t');
		b.append(body).append('\t');
		b.append(decision.rule()).append('\t');
		b.append(e.grade().name()).append('\t');
		b.append(e.insurance() ? 't' : 'f').append('\t');
		b.append(e.status().name()).append('\t');
		b.append("0\n");
	}

	private static StringBuilder field(StringBuilder b, String value) {
		return value == null ? b.append("\\N") : b.append(value);
	}
}
