package org.anjian;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.identity.EnterpriseUsers;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.inspection.internal.InspectionRecords;
import org.anjian.inspection.internal.OnSitePlans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.anjian.Acting.asSystem;

/**
 * Work waiting for people, made through the application's own acts as the system: an enterprise registered in a
 * district, an inspection task opened by hand by the district's brigade with its two first officers, its on-site plan
 * assembled from the library and submitted (a leader's to-do), approved and recorded with the last item failed, then
 * finished (the hazard module turns the finding into a hazard being rectified: the enterprise's to-do), the
 * enterprise's own user, and the rectification reported (the officers' to-do: re-inspection). Only the ids of the
 * district's body and officers are looked up, as any page would offer them.
 */
@Component
public class TodoFixtures {

	public static final String PUTUO = "310107";
	public static final String PUDONG = "310115";

	/** The matters of the fixtures' tasks: the library's general items serve both. */
	static final List<String> MATTERS = List.of("安全生产责任制落实", "隐患排查治理");

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	private final EnterpriseRegistry registry;
	private final Inspections inspections;
	private final OnSitePlans plans;
	private final InspectionRecords records;
	private final HazardRectification rectification;
	private final EnterpriseUsers enterpriseUsers;
	private final JdbcClient jdbc;
	private final Clock clock;

	TodoFixtures(EnterpriseRegistry registry, Inspections inspections, OnSitePlans plans, InspectionRecords records,
			HazardRectification rectification, EnterpriseUsers enterpriseUsers, JdbcClient jdbc, Clock clock) {
		this.registry = registry;
		this.inspections = inspections;
		this.plans = plans;
		this.records = records;
		this.rectification = rectification;
		this.enterpriseUsers = enterpriseUsers;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new small workshop in the district's first street; its credit code. */
	public String enterprise(String district, String name) {
		return asSystem(() -> {
			String street = jdbc.sql("select min(code) from jurisdiction where code like :d || '___'").param("d", district)
				.query(String.class).single();
			return registry.register(TestEnterprises.smallWorkshop(district, street, name + SEQUENCE.incrementAndGet()))
				.uscc();
		});
	}

	/** A task of the district's brigade, opened by hand for the day, nobody assigned yet. */
	public InspectionTask opened(String district, String uscc, LocalDate day) {
		return asSystem(() -> inspections.open(body(district), uscc, "待办事项测试：专门检查", MATTERS, day, "test"));
	}

	/** A task of today with its two officers and its on-site plan submitted: awaiting a leader's approval. */
	public InspectionTask submitted(String district, String uscc) {
		InspectionTask task = opened(district, uscc, LocalDate.now(clock));
		List<Long> officers = officers(district);
		return asSystem(() -> {
			inspections.assign(task.id(), officers.get(0), officers.get(1), null);
			plans.assemble(task.id());
			return inspections.submitPlan(task.id(), null);
		});
	}

	/**
	 * A task approved, recorded and finished with its last {@code failed} items failed: as many hazards being
	 * rectified, by the deadline of the rectification policy. Returns the task.
	 */
	public InspectionTask finished(String district, String uscc, int failed) {
		InspectionTask task = submitted(district, uscc);
		return asSystem(() -> {
			inspections.approvePlan(task.id(), "leader", null);
			List<OnSitePlans.PlannedItem> items = plans.items(task.id());
			for (int i = 0; i < items.size(); i++) {
				boolean fail = i >= items.size() - failed;
				records.record(task.id(), items.get(i).checklistItemId(),
						fail ? InspectionRecords.Outcome.FAIL : InspectionRecords.Outcome.PASS,
						fail ? "待办事项测试发现的问题 " + i : null, null, null, "test");
			}
			records.finish(task.id(), null);
			return inspections.task(task.id());
		});
	}

	/** The hazards a task found, in the order recorded. */
	public List<Hazard> hazards(long taskId) {
		return asSystem(() -> rectification.ofTask(taskId));
	}

	/** The enterprise reports the rectification of a hazard: it waits for re-inspection. */
	public Hazard rectified(long hazardId) {
		return asSystem(() -> rectification.submitEvidence(hazardId, "已整改：待办事项测试", null));
	}

	/** The enterprise's own user (password anjian2026), linked to it; the user name. */
	public String enterpriseUser(String uscc) {
		String username = "todo-qiye-" + SEQUENCE.incrementAndGet();
		asSystem(() -> enterpriseUsers.open(username, "企业安全员", uscc, "anjian2026"));
		return username;
	}

	/** The first two active officers of the district's brigade. */
	public List<Long> officers(String district) {
		return asSystem(() -> jdbc.sql("select id from officer where body_id = :b and active order by id limit 2")
			.param("b", body(district)).query(Long.class).list());
	}

	/** The district's brigade (执法大队). */
	public long body(String district) {
		return asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = :d")
			.param("d", district).query(Long.class).single());
	}
}
