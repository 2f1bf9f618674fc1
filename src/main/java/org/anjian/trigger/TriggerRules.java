package org.anjian.trigger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.anjian.audit.AuditTrail;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The city's trigger rules, kept by an administrator; the seeded one: three alarms of one kind within seven days. */
@Service
public class TriggerRules {

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	TriggerRules(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public List<TriggerRule> all() {
		return jdbc.sql("select * from trigger_rule order by active desc, kind nulls first, id").query(TriggerRules::row).list();
	}

	public List<TriggerRule> active() {
		return jdbc.sql("select * from trigger_rule where active order by id").query(TriggerRules::row).list();
	}

	public TriggerRule rule(long id) {
		return jdbc.sql("select * from trigger_rule where id = :id").param("id", id).query(TriggerRules::row).optional()
			.orElseThrow(() -> new NotFoundException("触发规则 " + id + " 不存在"));
	}

	/** A new rule; a kind of null counts each kind on its own. */
	@Transactional
	public TriggerRule add(AlarmKind kind, Integer alarms, Integer withinDays, String by) {
		audit.describe("trigger.add-rule");
		validate(alarms, withinDays);
		long id = jdbc.sql("""
				insert into trigger_rule (kind, alarms, within_days, created_by) values (:kind, :alarms, :days, :by)
				returning id""")
			.param("kind", kind == null ? null : kind.name()).param("alarms", alarms).param("days", withinDays)
			.param("by", by).query(Long.class).single();
		return rule(id);
	}

	/** Changes a rule's figures or switches it on or off; alarms already received are judged again by the next one. */
	@Transactional
	public TriggerRule change(long id, Integer alarms, Integer withinDays, boolean active, Integer version) {
		audit.describe("trigger.change-rule");
		TriggerRule rule = rule(id);
		if (version != null && version != rule.version()) {
			throw new OptimisticLockingFailureException("stale trigger rule " + id + " version " + version);
		}
		validate(alarms, withinDays);
		jdbc.sql("""
				update trigger_rule set alarms = :alarms, within_days = :days, active = :active, version = version + 1
				where id = :id and version = :version""")
			.param("alarms", alarms).param("days", withinDays).param("active", active).param("id", id)
			.param("version", rule.version()).update();
		return rule(id);
	}

	private static void validate(Integer alarms, Integer withinDays) {
		if (alarms == null || alarms < 1 || alarms > 1000) {
			throw new InvalidInputException("alarms", "报警次数须为 1 至 1000 之间的整数");
		}
		if (withinDays == null || withinDays < 1 || withinDays > 365) {
			throw new InvalidInputException("withinDays", "统计天数须为 1 至 365 之间的整数");
		}
	}

	static TriggerRule row(ResultSet rs, int n) throws SQLException {
		String kind = rs.getString("kind");
		return new TriggerRule(rs.getLong("id"), kind == null ? null : AlarmKind.valueOf(kind), rs.getInt("alarms"),
				rs.getInt("within_days"), rs.getBoolean("active"), rs.getInt("version"));
	}
}
