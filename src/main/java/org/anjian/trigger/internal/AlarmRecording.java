package org.anjian.trigger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.grading.FactIntake;
import org.anjian.grading.FactKind;
import org.anjian.grading.RiskFact;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.Zone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores one alarm of an authenticated source, once: repeats of an alarm id are taken one at a time (a
 * transaction-scoped lock on the source and id), so a repeat finds the stored alarm and answers it; the unique key
 * (source, alarm id) stands behind that. A new alarm becomes a fact of the enterprise's grade and is judged by the
 * trigger rules, in the same transaction.
 */
@Service
class AlarmRecording {

	private static final String COLUMNS = """
			id, source_id, source_alarm_id, uscc, kind, occurred_at, value, threshold, message, received_at""";

	private final JdbcClient jdbc;
	private final EnterpriseRegistry registry;
	private final FactIntake facts;
	private final TriggeredInspections triggers;
	private final AuditTrail audit;

	AlarmRecording(JdbcClient jdbc, EnterpriseRegistry registry, FactIntake facts, TriggeredInspections triggers,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.facts = facts;
		this.triggers = triggers;
		this.audit = audit;
	}

	@Transactional
	public AlarmIntake.Receipt record(AlarmSource source, AlarmReport report) {
		audit.describe(TriggerAction.RECEIVE_ALARM);
		Enterprise enterprise = registry.file(report.uscc());
		if (!source.covers(enterprise.districtCode())) {
			throw new InvalidInputException("uscc", "企业 " + enterprise.uscc() + " 不在监测源“" + source.name()
					+ "”的管辖范围内，该监测源不能报送其报警");
		}
		// one at a time per alarm id, then per enterprise: a repeat finds the alarm committed before it
		triggers.lock("alarm:" + source.id() + ":" + report.alarmId());
		triggers.lockEnterprise(enterprise.uscc());
		Optional<Alarm> earlier = alarm(source.id(), report.alarmId());
		if (earlier.isPresent()) {
			return new AlarmIntake.Receipt(earlier.get(), false, triggers.ofAlarm(earlier.get().id()));
		}
		// the grade fact first: it takes the enterprise's regrade lock, which must come before any audited write
		facts.record(RiskFact.of(enterprise.uscc(), FactKind.ALARM,
				LocalDate.ofInstant(report.occurredAt().toInstant(), Zone.SHANGHAI),
				"alarm:" + source.id() + ":" + report.alarmId()));
		jdbc.sql("""
				insert into alarm (source_id, source_alarm_id, district_code, street_code, uscc, kind, occurred_at, value,
				                   threshold, message)
				values (:source, :alarmId, :district, :street, :uscc, :kind, :occurredAt, :value, :threshold, :message)
				on conflict (source_id, source_alarm_id) do nothing""")
			.param("source", source.id()).param("alarmId", report.alarmId())
			.param("district", enterprise.districtCode()).param("street", enterprise.streetCode())
			.param("uscc", enterprise.uscc()).param("kind", report.kind().name())
			.param("occurredAt", Timestamp.from(report.occurredAt().toInstant())).param("value", report.value())
			.param("threshold", report.threshold()).param("message", report.message())
			.update();
		Alarm alarm = alarm(source.id(), report.alarmId()).orElseThrow();
		List<TriggerRecord> outcomes = triggers.onAlarm(alarm, source);
		return new AlarmIntake.Receipt(alarm, true, outcomes);
	}

	private Optional<Alarm> alarm(long sourceId, String alarmId) {
		return jdbc.sql("select " + COLUMNS + " from alarm where source_id = :source and source_alarm_id = :alarmId")
			.param("source", sourceId).param("alarmId", alarmId).query(AlarmRecording::row).optional();
	}

	static Alarm row(ResultSet rs, int n) throws SQLException {
		return new Alarm(rs.getLong("id"), rs.getLong("source_id"), rs.getString("source_alarm_id"), rs.getString("uscc"),
				AlarmKind.valueOf(rs.getString("kind")), rs.getTimestamp("occurred_at").toInstant(), rs.getString("value"),
				rs.getString("threshold"), rs.getString("message"), rs.getTimestamp("received_at").toInstant());
	}
}
