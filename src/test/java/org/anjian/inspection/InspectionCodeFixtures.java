package org.anjian.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.anjian.Acting;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inspection tasks written straight into the tables as the system, with the district body's first two officers and
 * two checklist items (one passed, one failed — an official major-hazard criterion); a finished one is announced as
 * the record's finishing announces it ({@link InspectionFinished} with its finding, in a transaction), so the hazard
 * module makes of it what it makes of any: what the task lifecycle would leave behind, without depending on it.
 */
public final class InspectionCodeFixtures {

	public static final String MATTER = "有限空间作业安全";

	/** What the failed item says; the hazard found is this text and the officer's note. */
	public static final String FAILED_ITEM = "有限空间作业是否先通风、再检测、后作业";

	/** Each test context's publisher and transactions, by its JdbcClient (the one a test hands the fixtures). */
	private static final Map<JdbcClient, Wiring> CONTEXTS = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;
	private final EnterpriseRegistry registry;

	public InspectionCodeFixtures(JdbcClient jdbc, EnterpriseRegistry registry) {
		this.jdbc = jdbc;
		this.registry = registry;
	}

	/**
	 * Gives the fixtures the event publisher and transactions of the test context whose JdbcClient they are given:
	 * an event published in another cached context would be handled by that context's listeners.
	 */
	@Component
	static class Wiring {

		private final ApplicationEventPublisher events;
		private final TransactionTemplate transactions;

		Wiring(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions) {
			this.events = events;
			this.transactions = transactions;
			CONTEXTS.put(jdbc, this);
		}
	}

	/** A task as the public and the documents see it; {@code finding} is the hazard its record found, if finished. */
	public record Task(long id, String token, String uscc, String enterpriseName, String bodyName, String leadBadge,
			String secondBadge, String documentNumber, String failedNote, String finding) {
	}

	/** A task of the district body (e.g. 310107 普陀区, 310115 浦东新区) in the given status, with its record. */
	public Task task(String district, String enterpriseName, String status) {
		return Acting.asSystem(() -> {
			String street = jdbc.sql("select min(code) from jurisdiction where code like :d || '___'").param("d", district)
				.query(String.class).single();
			String uscc = registry.register(TestEnterprises.smallWorkshop(district, street, enterpriseName)).uscc();
			long body = jdbc.sql("select id from enforcement_body where district_code = :d and street_code is null")
				.param("d", district).query(Long.class).single();
			List<Long> officers = jdbc.sql("select id from officer where body_id = :b and active order by id limit 2")
				.param("b", body).query(Long.class).list();
			String token = InspectionCodes.newToken();
			String number = "沪应急检〔2026〕" + token.substring(0, 6) + "号";
			boolean finished = "FINISHED".equals(status);
			long id = jdbc.sql("""
					insert into inspection_task (body_id, district_code, street_code, uscc, origin, reason, matters, planned_on,
					                             status, code_token, lead_officer_id, second_officer_id, started_at, finished_at,
					                             document_number, created_by)
					select b.id, b.district_code, b.street_code, :uscc, 'MANUAL', '检查码测试', array[:matter, '粉尘防爆安全'],
					       :planned, :status, :token, :lead, :second, now(), case when :finished then now() end,
					       case when :finished then :number end, 'test'
					from enforcement_body b where b.id = :body returning id""")
				.param("uscc", uscc).param("matter", MATTER).param("planned", LocalDate.now().plusDays(3))
				.param("status", status).param("token", token).param("lead", officers.get(0)).param("second", officers.get(1))
				.param("finished", finished).param("number", number).param("body", body)
				.query(Long.class).single();
			String note = "东侧污水井未设置警示标识（" + token.substring(0, 4) + "）";
			String basis = "《工贸企业有限空间作业安全规定》第十七条";
			long passed = checklistItem(token + "-1", "是否建立有限空间作业安全管理制度", "《工贸企业有限空间作业安全规定》第五条", false);
			long failed = checklistItem(token + "-2", FAILED_ITEM, basis, true);
			int position = 0;
			for (long item : List.of(passed, failed)) {
				jdbc.sql("""
						insert into inspection_plan_item (task_id, checklist_item_id, district_code, street_code, module, position)
						select id, :item, district_code, street_code, 'GENERAL', :position from inspection_task where id = :id""")
					.param("id", id).param("item", item).param("position", position++).update();
			}
			String finding = FAILED_ITEM + "：" + note;
			if (finished) {
				result(id, passed, "PASS", null);
				result(id, failed, "FAIL", note);
				Instant at = jdbc.sql("select finished_at from inspection_task where id = :id").param("id", id)
					.query(java.sql.Timestamp.class).single().toInstant();
				String[] place = jdbc.sql("select district_code, street_code from inspection_task where id = :id")
					.param("id", id).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
				Wiring context = CONTEXTS.get(jdbc);
				context.transactions.executeWithoutResult(s -> context.events.publishEvent(new InspectionFinished(id, uscc,
						place[0], place[1], at, List.of(new InspectionFinished.Finding(failed, finding, basis, true)))));
			}
			String bodyName = jdbc.sql("select name from enforcement_body where id = :b").param("b", body)
				.query(String.class).single();
			List<String> badges = jdbc.sql("select badge_number from officer where id in (:a, :b) order by id")
				.param("a", officers.get(0)).param("b", officers.get(1)).query(String.class).list();
			return new Task(id, token, uscc, enterpriseName, bodyName, badges.get(0), badges.get(1),
					finished ? number : "检查-" + id, note, finished ? finding : null);
		});
	}

	private long checklistItem(String code, String text, String basis, boolean major) {
		return jdbc.sql("insert into checklist_item (code, module, matter, text, legal_basis, major_hazard, criterion)"
				+ " values (:code, 'GENERAL', :matter, :text, :basis, :major, :criterion) returning id")
			.param("code", "IC-TEST-" + code).param("matter", MATTER).param("text", text).param("basis", basis)
			.param("major", major).param("criterion", major ? "应急管理部令第10号 第十三条第二项" : null)
			.query(Long.class).single();
	}

	private void result(long task, long item, String outcome, String note) {
		jdbc.sql("""
				insert into inspection_result (task_id, checklist_item_id, district_code, street_code, outcome, note,
				                               recorded_by, recorded_at)
				select id, :item, district_code, street_code, :outcome, :note, 'test', now() from inspection_task where id = :id""")
			.param("id", task).param("item", item).param("outcome", outcome).param("note", note).update();
	}
}
