package org.anjian.trigger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The city's trigger rules, kept by an administrator; the seeded one: three alarms of one kind within seven days. */
@Service
public class TriggerRules {

	private static final String COLUMNS = "id, kind, alarms, within_days, active, version";

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final OfficialActs acts;

	TriggerRules(JdbcClient jdbc, AuditTrail audit, OfficialActs acts) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.acts = acts;
	}

	public List<TriggerRule> all() {
		return jdbc.sql("select " + COLUMNS + " from trigger_rule order by active desc, kind nulls first, id")
			.query(TriggerRules::row).list();
	}

	public List<TriggerRule> active() {
		return jdbc.sql("select " + COLUMNS + " from trigger_rule where active order by id").query(TriggerRules::row).list();
	}

	public TriggerRule rule(long id) {
		return find(id, "select " + COLUMNS + " from trigger_rule where id = :id");
	}

	/** A new rule; a kind of null counts each kind on its own. */
	@Authorized(Act.KEEP_TRIGGER_RULES)
	@Transactional
	public TriggerRule add(AlarmKind kind, Integer alarms, Integer withinDays, String by) {
		audit.describe(TriggerAction.ADD_RULE);
		TriggerRule.validate(alarms, withinDays);
		long id = jdbc.sql("""
				insert into trigger_rule (kind, alarms, within_days, created_by) values (:kind, :alarms, :days, :by)
				returning id""")
			.param("kind", kind == null ? null : kind.name()).param("alarms", alarms).param("days", withinDays)
			.param("by", by).query(Long.class).single();
		return rule(id);
	}

	/** Changes a rule's figures or switches it on or off; alarms already received are judged again by the next one. */
	@Authorized(Act.KEEP_TRIGGER_RULES)
	@Transactional
	public TriggerRule change(long id, Integer alarms, Integer withinDays, boolean active, Integer version) {
		return acts.perform(TriggerAction.CHANGE_RULE, locked(id), version, r -> r.change(alarms, withinDays, active),
				this::save);
	}

	/** The rule, held until the transaction ends: the version it was read at is the one it is saved over. */
	private TriggerRule locked(long id) {
		return find(id, "select " + COLUMNS + " from trigger_rule where id = :id for update");
	}

	private TriggerRule find(long id, String sql) {
		return jdbc.sql(sql).param("id", id).query(TriggerRules::row).optional()
			.orElseThrow(() -> new NotFoundException("触发规则 " + id + " 不存在"));
	}

	private TriggerRule save(TriggerRule rule) {
		jdbc.sql("""
				update trigger_rule set alarms = :alarms, within_days = :days, active = :active, version = version + 1
				where id = :id""")
			.param("alarms", rule.alarms()).param("days", rule.withinDays()).param("active", rule.active())
			.param("id", rule.id()).update();
		return rule(rule.id());
	}

	static TriggerRule row(ResultSet rs, int n) throws SQLException {
		String kind = rs.getString("kind");
		return new TriggerRule(rs.getLong("id"), kind == null ? null : AlarmKind.valueOf(kind), rs.getInt("alarms"),
				rs.getInt("within_days"), rs.getBoolean("active"), rs.getInt("version"));
	}
}
