package org.anjian.inspection;

import java.time.LocalDate;
import java.util.List;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inspection tasks written straight into the tables as the system, with the district body's first two officers, two
 * checklist items (one passed, one failed) and the failed item's major hazard: what the task lifecycle would leave
 * behind, without depending on it.
 */
public final class InspectionCodeFixtures {

	public static final String MATTER = "有限空间作业安全";

	private final JdbcClient jdbc;
	private final EnterpriseRegistry registry;

	public InspectionCodeFixtures(JdbcClient jdbc, EnterpriseRegistry registry) {
		this.jdbc = jdbc;
		this.registry = registry;
	}

	/** A task as the public and the documents see it. */
	public record Task(long id, String token, String uscc, String enterpriseName, String bodyName, String leadBadge,
			String secondBadge, String documentNumber, String failedNote, String finding) {
	}

	/** A task of the district body (e.g. 310107 普陀区, 310115 浦东新区) in the given status, with its record. */
	public Task task(String district, String enterpriseName, String status) {
		return SystemScope.call("test", () -> {
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
			String finding = "有限空间作业未执行“先通风、再检测、后作业”（" + token.substring(0, 4) + "）";
			long passed = checklistItem(token + "-1", "是否建立有限空间作业安全管理制度", "《工贸企业有限空间作业安全规定》第五条");
			long failed = checklistItem(token + "-2", "有限空间作业是否先通风、再检测、后作业", "《工贸企业有限空间作业安全规定》第十七条");
			int position = 0;
			for (long item : List.of(passed, failed)) {
				jdbc.sql("""
						insert into inspection_plan_item (task_id, checklist_item_id, district_code, street_code, module, position)
						select id, :item, district_code, street_code, 'GENERAL', :position from inspection_task where id = :id""")
					.param("id", id).param("item", item).param("position", position++).update();
			}
			if (finished) {
				result(id, passed, "PASS", null);
				result(id, failed, "FAIL", note);
				jdbc.sql("""
						insert into hazard (district_code, street_code, uscc, task_id, checklist_item_id, description, legal_basis,
						                    major, status, found_at, deadline)
						select district_code, street_code, uscc, id, :item, :finding, '《工贸企业有限空间作业安全规定》第十七条',
						       true, 'FOUND', now(), current_date + 15 from inspection_task where id = :id""")
					.param("id", id).param("item", failed).param("finding", finding).update();
			}
			String bodyName = jdbc.sql("select name from enforcement_body where id = :b").param("b", body)
				.query(String.class).single();
			List<String> badges = jdbc.sql("select badge_number from officer where id in (:a, :b) order by id")
				.param("a", officers.get(0)).param("b", officers.get(1)).query(String.class).list();
			return new Task(id, token, uscc, enterpriseName, bodyName, badges.get(0), badges.get(1),
					finished ? number : "检查-" + id, note, finding);
		});
	}

	private long checklistItem(String code, String text, String basis) {
		return jdbc.sql("insert into checklist_item (code, module, matter, text, legal_basis) values (:code, 'GENERAL', :matter,"
				+ " :text, :basis) returning id")
			.param("code", "IC-TEST-" + code).param("matter", MATTER).param("text", text).param("basis", basis)
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
