package org.anjian.audit;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.doReturn;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.anjian.audit.internal.AuditHash;
import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.command.ApplicationCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail on the real database: the chain the trigger writes verifies in Java, and every way of
 * damaging it behind the application's back (editing a record, removing one from the middle or the tail)
 * is found and named. Each test that damages the chain repairs it before it ends, since the embedded
 * database is shared by every test of the run.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	DataSource dataSource;

	@Autowired
	List<ApplicationCommand> commands;

	@Autowired
	org.anjian.audit.internal.Anchors anchors;

	@Autowired
	org.anjian.audit.internal.AnchorKey anchorKey;

	@MockitoSpyBean
	CurrentActor actors;

	private static final AuditAction REGISTER_BODY = TestAction.REGISTER_BODY;

	private final List<Long> bodies = new ArrayList<>();
	private Street streetA;
	private Street streetB;

	@BeforeEach
	void pickTwoStreetsOfDifferentDistricts() {
		List<Street> streets = jdbc.sql("select distinct on (parent_code) code, parent_code from jurisdiction"
				+ " where level = 'STREET' order by parent_code, code limit 2")
			.query((rs, n) -> new Street(rs.getString("code"), rs.getString("parent_code")))
			.list();
		streetA = streets.get(0);
		streetB = streets.get(1);
	}

	@AfterEach
	void removeTestBodies() {
		asSystemInTransaction(() -> {
			bodies.forEach(id -> jdbc.sql("delete from enforcement_body where id = :id").param("id", id).update());
			return null;
		});
	}

	@Test
	void detectsTamperedRowAndNamesIt() throws Exception {
		long body = createBody(streetA, null);
		renameBody(body);
		long seq = seqOf(body, "insert");
		ChainVerification before = trail.verify();
		assertThat(before.intact()).as(before.reason()).isTrue();
		assertThat(before.rowsChecked()).isEqualTo(headSeq());

		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource).bypassingTriggers()) {
			superuser.execute("create temp table original as select * from audit_record where seq = ?", seq);
			superuser.execute("update audit_record set after_state = jsonb_set(after_state::jsonb, '{name}',"
					+ " to_jsonb('篡改后的名称'::text))::json where seq = ?", seq);
			try {
				ChainVerification tampered = trail.verify();

				assertThat(tampered.intact()).isFalse();
				assertThat(tampered.firstBrokenSeq()).isEqualTo(seq);
				assertThat(tampered.rowsChecked()).isEqualTo(seq);
				assertThat(tampered.reason()).isEqualTo("第 " + seq + " 条记录的内容与其哈希不符（记录被篡改）");
			}
			finally {
				superuser.execute("update audit_record a set after_state = o.after_state from original o where a.seq = o.seq");
			}
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void verificationLinksRecordsAcrossBatchBoundaries() throws Exception {
		long body = createBody(streetA, null);
		renameBody(body);
		long seq = seqOf(body, "insert");
		AuditTrail smallBatches = new AuditTrail(jdbc, clock, anchors, anchorKey, 7);

		ChainVerification intact = smallBatches.verify();
		assertThat(intact.intact()).as(intact.reason()).isTrue();
		assertThat(intact.rowsChecked()).isEqualTo(headSeq());

		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource).bypassingTriggers()) {
			long firstOfBatch = (seq - 1) / 7 * 7 + 1;
			superuser.execute("create temp table original as select * from audit_record where seq = ?", firstOfBatch);
			superuser.execute("update audit_record set prev_hash = repeat('1', 64) where seq = ?", firstOfBatch);
			try {
				ChainVerification broken = smallBatches.verify();

				assertThat(broken.firstBrokenSeq()).isEqualTo(firstOfBatch);
				assertThat(broken.reason()).contains("前一哈希");
			}
			finally {
				superuser.execute("update audit_record a set prev_hash = o.prev_hash from original o where a.seq = o.seq");
			}
		}
		assertThat(smallBatches.verify().intact()).isTrue();
	}

	@Test
	void detectsRowDeletedFromTheMiddleAndNamesTheMissingSeq() throws Exception {
		long body = createBody(streetA, null);
		renameBody(body);
		long seq = seqOf(body, "insert");

		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource).bypassingTriggers()) {
			superuser.execute("create temp table original as select * from audit_record where seq = ?", seq);
			superuser.execute("delete from audit_record where seq = ?", seq);
			try {
				ChainVerification damaged = trail.verify();

				assertThat(damaged.intact()).isFalse();
				assertThat(damaged.firstBrokenSeq()).isEqualTo(seq);
				assertThat(damaged.reason()).startsWith("第 " + seq + " 条记录缺失（记录被删除）");
			}
			finally {
				superuser.execute("insert into audit_record select * from original");
			}
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void detectsRowDeletedFromTheTailThroughTheChainHead() throws Exception {
		createBody(streetA, null);
		long last = headSeq();

		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource).bypassingTriggers()) {
			superuser.execute("create temp table original as select * from audit_record where seq = ?", last);
			superuser.execute("delete from audit_record where seq = ?", last);
			try {
				ChainVerification damaged = trail.verify();

				assertThat(damaged.intact()).isFalse();
				assertThat(damaged.firstBrokenSeq()).isEqualTo(last);
				assertThat(damaged.reason()).startsWith("第 " + last + " 条记录缺失（链尾记录被删除）");
			}
			finally {
				superuser.execute("insert into audit_record select * from original");
			}
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void applicationCannotChangeRemoveOrTruncateAuditRecords() {
		String actorBefore = firstRecordActor();

		for (String sql : List.of("update audit_record set actor = 'mallory' where seq = 1",
				"delete from audit_record where seq = 1")) {
			AtomicInteger affected = new AtomicInteger(-1);
			Throwable refusal = catchThrowable(() -> affected.set(asSystemInTransaction(() -> jdbc.sql(sql).update())));
			// Row-level security has no update or delete policy on audit_record, so every row is hidden from
			// these statements and they change nothing; should the table get such policies, the append-only
			// trigger refuses them outright.
			if (refusal == null) {
				assertThat(affected.get()).as(sql).isZero();
			}
			else {
				assertThat(refusal).as(sql).hasMessageContaining("审计记录只能追加");
			}
		}
		assertThatThrownBy(() -> asSystemInTransaction(() -> jdbc.sql("truncate audit_record").update()))
			.hasMessageContaining("审计记录只能追加");

		assertThat(firstRecordActor()).isEqualTo(actorBefore);
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void evenSuperuserIsRefusedByTheAppendOnlyTriggerUnlessTriggersAreBypassed() throws Exception {
		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource)) {
			assertThatThrownBy(() -> superuser.execute("update audit_record set actor = 'mallory' where seq = 1"))
				.hasMessageContaining("审计记录只能追加");
			assertThatThrownBy(() -> superuser.execute("delete from audit_record where seq = 1"))
				.hasMessageContaining("审计记录只能追加");
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void javaHashEqualsDatabaseHashForChineseTextNullsAndJson() {
		OffsetDateTime at = OffsetDateTime.of(2026, 5, 4, 9, 15, 30, 123_456_000, ZoneOffset.ofHours(8));
		List<Object[]> inputs = List.of(
				new Object[] { 1L, AuditHash.GENESIS, at, "system:migration", null, null, null, "jurisdiction",
						"310115", "insert", null, "{\"code\": \"310115\", \"name\": \"浦东新区\"}" },
				new Object[] { 123_456L, "f".repeat(64), at.plusNanos(1_000), "李四", "12", "310104",
						"310104003", "hazard", "88", "确认整改完成", "{\"state\": \"待整改\", \"note\": \"引号\\\"与换行\\n\"}",
						"{\"state\": \"已整改\", \"emoji\": \"😀\"}" },
				new Object[] { 9L, "", at.minusYears(30), "", "", "", "", "t", null, "delete", "{}", null });

		for (Object[] in : inputs) {
			String sql = asSystem(() -> jdbc.sql("select anjian_audit_hash(?::bigint, ?::text, ?::timestamptz, ?::text,"
					+ " ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text)")
				.params(in)
				.query(String.class)
				.single());
			String java = AuditHash.of((Long) in[0], (String) in[1], ((OffsetDateTime) in[2]).toInstant(),
					(String) in[3], (String) in[4], (String) in[5], (String) in[6], (String) in[7], (String) in[8],
					(String) in[9], (String) in[10], (String) in[11]);

			assertThat(java).as(Arrays.toString(in)).isEqualTo(sql);
		}
	}

	@Test
	void describeNamesTheBusinessActionOfItsOwnTransactionOnly() {
		long body = createBody(streetA, REGISTER_BODY);
		renameBody(body);

		List<AuditEntry> history = asSystem(() -> trail.history("enforcement_body", Long.toString(body)));

		assertThat(history).extracting(AuditEntry::action).containsExactly("audit-test.registerBody", "update");
		assertThat(history.get(0).actor()).isEqualTo("system:test");
		assertThat(history.get(0).afterState()).contains("\"street_code\": \"" + streetA.code() + "\"");
		assertThat(history.get(1).beforeState()).isNotNull();
	}

	@Test
	void describeOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> trail.describe(REGISTER_BODY)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void historyShowsOnlyRecordsWithinTheCallersJurisdiction() {
		long inA = createBody(streetA, null);
		long inB = createBody(streetB, null);
		doReturn(Optional.of(new Actor("district.officer", null, JurisdictionScope.district(streetA.district()))))
			.when(actors)
			.current();

		assertThat(trail.history("enforcement_body", Long.toString(inA))).extracting(AuditEntry::entityId)
			.containsExactly(Long.toString(inA));
		assertThat(trail.history("enforcement_body", Long.toString(inB))).isEmpty();
	}

	@Test
	void historyWithoutALoggedInUserShowsNothing() {
		long body = createBody(streetA, null);

		assertThat(trail.history("enforcement_body", Long.toString(body))).isEmpty();
		assertThat(asSystem(() -> trail.history("enforcement_body", Long.toString(body)))).hasSize(1);
	}

	@Test
	void verifyCommandExitsZeroWhenIntactAndOneNamingTheRecordWhenTampered(CapturedOutput output) throws Exception {
		ApplicationCommand command = commands.stream().filter(c -> c.name().equals("audit-verify")).findFirst().orElseThrow();
		long body = createBody(streetA, null);
		renameBody(body);
		long seq = seqOf(body, "insert");

		assertThat(command.run(List.of())).isZero();
		assertThat(output).contains("全过程记录哈希链完整");

		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource).bypassingTriggers()) {
			String actor = asSystem(() -> jdbc.sql("select actor from audit_record where seq = :seq").param("seq", seq)
				.query(String.class)
				.single());
			superuser.execute("update audit_record set actor = 'mallory' where seq = ?", seq);
			try {
				assertThat(command.run(List.of())).isEqualTo(1);
				assertThat(output).contains("全过程记录哈希链已损坏", "首个异常记录：第 " + seq + " 条", "记录被篡改");
			}
			finally {
				superuser.execute("update audit_record set actor = ? where seq = ?", actor, seq);
			}
		}
		assertThat(command.run(List.of())).isZero();
	}

	private long createBody(Street street, AuditAction action) {
		long id = asSystemInTransaction(() -> {
			if (action != null) {
				trail.describe(action);
			}
			return jdbc.sql("insert into enforcement_body (name, level, jurisdiction_code, district_code, street_code)"
					+ " values (:name, 'STREET', :street, :district, :street) returning id")
				.param("name", "审计测试执法队-" + UUID.randomUUID())
				.param("street", street.code())
				.param("district", street.district())
				.query(Long.class)
				.single();
		});
		bodies.add(id);
		return id;
	}

	private void renameBody(long id) {
		asSystemInTransaction(() -> jdbc.sql("update enforcement_body set name = :name where id = :id")
			.param("name", "审计测试执法队（更名）-" + UUID.randomUUID())
			.param("id", id)
			.update());
	}

	private long seqOf(long body, String action) {
		return asSystem(() -> jdbc.sql("select seq from audit_record where entity_type = 'enforcement_body'"
				+ " and entity_id = :id and action = :action")
			.param("id", Long.toString(body))
			.param("action", action)
			.query(Long.class)
			.single());
	}

	private long headSeq() {
		return asSystem(() -> jdbc.sql("select last_seq from audit_chain_head").query(Long.class).single());
	}

	private String firstRecordActor() {
		return asSystem(() -> jdbc.sql("select actor from audit_record where seq = 1").query(String.class).single());
	}

	private <T> T asSystemInTransaction(java.util.function.Supplier<T> work) {
		return asSystem(() -> transactions.execute(status -> work.get()));
	}

	/** A business action of this test only (not an enum, so it joins no module's labels). */
	/** The test's own act, labelled like every module's, so that the labels test finds it in the database too. */
	enum TestAction implements AuditAction {

		REGISTER_BODY("audit-test.registerBody", "登记执法主体（测试）");

		private final String code;
		private final String label;

		TestAction(String code, String label) {
			this.code = code;
			this.label = label;
		}

		@Override
		public String code() {
			return code;
		}

		@Override
		public String label() {
			return label;
		}
	}

	private record Street(String code, String district) {
	}
}
