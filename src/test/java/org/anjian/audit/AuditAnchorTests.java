package org.anjian.audit;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.anjian.audit.internal.AnchorFile;
import org.anjian.audit.internal.AnchorProperties;
import org.anjian.audit.internal.AnchorKey;
import org.anjian.audit.internal.AnchorSource;
import org.anjian.audit.internal.AnchorVerifier;
import org.anjian.audit.internal.Anchoring;
import org.anjian.audit.internal.Anchors;
import org.anjian.audit.internal.ChainVerifier;
import org.anjian.audit.internal.SignedHead;
import org.anjian.shared.command.ApplicationCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The audit chain anchored outside the database (issue 21, finding 4): a database superuser who rewrites a record and
 * recomputes every hash after it, so that the links alone hold, is caught by the signed heads and the record is named;
 * a forged signed head is reported; the application's role cannot change or remove signed heads; the public page shows
 * the heads and nothing private. Every test that damages the chain or the signed heads repairs them before it ends,
 * since the embedded database is shared by every test of the run.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class AuditAnchorTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	Anchoring anchoring;

	@Autowired
	Anchors anchors;

	@Autowired
	AnchorKey key;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ObjectMapper json;

	@Autowired
	List<ApplicationCommand> commands;

	@Autowired
	MockMvcTester mvc;

	@TempDir
	Path directory;

	@Autowired
	@Qualifier("auditAnchorJob")
	RecurringTask<Void> job;

	@Autowired
	AnchorProperties properties;

	@Test
	void aSuperuserWhoRewritesARecordAndEveryLaterHashIsCaughtAndTheRecordNamed() throws Exception {
		long seq = recordAfterALaterSignedHead();

		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource).bypassingTriggers()) {
			Rewrite rewrite = Rewrite.of(superuser, seq);
			try {
				ChainVerification linksOnly = new ChainVerifier(jdbc, clock, 5_000).verify(AnchorSource.NONE, key.verifier());
				assertThat(linksOnly.intact()).as("the finding: the links alone still hold").isTrue();

				ChainVerification anchored = trail.verify();

				assertThat(anchored.intact()).isFalse();
				assertThat(anchored.firstBrokenSeq()).isEqualTo(seq);
				assertThat(anchored.reason()).startsWith("第 " + seq + " 条记录与第 ").contains("在签名后被改写");
			}
			finally {
				rewrite.undo();
			}
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void aFileOfSignedHeadsKeptElsewhereCatchesTheRewriteAfterTheDatabasesHeadsWereRemovedToo(CapturedOutput output)
			throws Exception {
		ApplicationCommand verify = commands.stream().filter(c -> c.name().equals("audit-verify")).findFirst().orElseThrow();
		long seq = recordAfterALaterSignedHead();
		Path copy = directory.resolve("anchors-kept-elsewhere.jsonl");
		for (SignedHead head : asSystem(() -> anchors.heads())) {
			AnchorFile.append(json, copy, head, asSystem(() -> anchors.fingerprints(head)));
		}
		Path publicKey = directory.resolve("public-key.pem");
		Files.writeString(publicKey, key.verifier().pem());
		assertThat(verify.run(List.of("--anchors", copy.toString(), "--public-key", publicKey.toString()))).isZero();

		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource).bypassingTriggers()) {
			Rewrite rewrite = Rewrite.of(superuser, seq);
			superuser.execute("create temp table kept_anchors as select * from audit_anchor");
			superuser.execute("delete from audit_anchor");
			try {
				assertThat(verify.run(List.of())).as("the database's own signed heads are gone").isZero();

				assertThat(verify.run(List.of("--anchors", copy.toString()))).isEqualTo(1);
				assertThat(output).contains("全过程记录哈希链已损坏", "首个异常记录：第 " + seq + " 条", "在签名后被改写");
			}
			finally {
				superuser.execute("insert into audit_anchor overriding system value select * from kept_anchors");
				rewrite.undo();
			}
		}
		assertThat(verify.run(List.of())).isZero();
	}

	@Test
	void aForgedSignedHeadIsReported() throws Exception {
		SignedHead last = anchoring.anchor("test");
		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource).bypassingTriggers()) {
			Object forged = superuser.queryForObject("""
					insert into audit_anchor (from_seq, seq, hash, anchored_at, fingerprints, fingerprints_sha256, key_id,
					  signature, made_by)
					values (?, ?, ?, now(), ''::bytea, encode(sha256(''::bytea), 'hex'), ?, ?, 'mallory') returning id""",
					last.seq(), last.seq(), last.hash(), key.verifier().keyId(),
					java.util.Base64.getEncoder().encodeToString(new byte[64]));
			try {
				ChainVerification result = trail.verify();

				assertThat(result.intact()).isFalse();
				assertThat(result.reason()).contains("第 " + forged + " 号签名链头的签名无效（伪造或被改动）");
				assertThatThrownBy(() -> anchoring.anchor("test")).as("nothing is signed after a forged head")
					.hasMessageContaining("第 " + forged + " 号签名链头的签名无效");
			}
			finally {
				superuser.execute("delete from audit_anchor where id = ?", forged);
			}
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void theApplicationMayAddSignedHeadsButNeitherChangeNorRemoveThem() {
		SignedHead head = anchoring.anchor("test");

		for (String sql : List.of("update audit_anchor set made_by = 'mallory' where id = " + head.number(),
				"delete from audit_anchor where id = " + head.number(), "truncate audit_anchor")) {
			assertThatThrownBy(() -> asSystem(() -> transactions.execute(s -> jdbc.sql(sql).update())))
				.as(sql).hasStackTraceContaining("permission denied for table audit_anchor");
		}
		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource)) {
			assertThatThrownBy(() -> superuser.execute("delete from audit_anchor where id = ?", head.number()))
				.hasMessageContaining("已签名的链头只能追加");
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		assertThat(asSystem(() -> anchors.heads())).contains(head);
	}

	@Test
	void eachSignedHeadFollowsTheLastAndGoesToTheFileToo() throws Exception {
		SignedHead first = anchoring.anchor("test");
		createBody();
		SignedHead second = anchoring.anchor("test");

		assertThat(second.fromSeq()).isEqualTo(first.seq());
		assertThat(second.seq()).isGreaterThan(first.seq());
		assertThat(key.verifier().verifies(second)).isTrue();
		List<String> lines = Files.readAllLines(anchoring.file(), StandardCharsets.UTF_8);
		assertThat(json.readTree(lines.get(lines.size() - 1)).get("signature").asString()).isEqualTo(second.signature());
	}

	@Test
	void thePublicPageShowsTheSignedHeadsAndNothingPrivate() throws Exception {
		String administrator = "anchor-admin-" + UUID.randomUUID();
		var signed = mvc.post().uri("/admin/audit/anchor").with(user(administrator).roles("ADMIN")).with(csrf()).exchange();
		assertThat(signed).hasStatus3xxRedirection().hasRedirectedUrl("/admin/audit");
		assertThat(signed.getMvcResult().getFlashMap().get("anchoredNumber")).isNotNull();
		SignedHead latest = asSystem(() -> anchors.page(1, 1)).items().get(0);

		var page = mvc.get().uri("/p/audit/anchors");

		assertThat(page).hasStatusOk();
		String html = page.exchange().getResponse().getContentAsString();
		assertThat(html).contains(latest.hash(), latest.signature(), key.verifier().keyId())
			.doesNotContain(administrator);
		String pem = mvc.get().uri("/p/audit/public-key").exchange().getResponse().getContentAsString();
		Path file = directory.resolve("published.pem");
		Files.writeString(file, pem);
		assertThat(AnchorVerifier.read(file).verifies(latest)).as("the published key checks the published head").isTrue();
	}

	@Test
	void theDailyJobSignsTheHeadAndRecordsItsRun() {
		assertThat(properties.schedule()).isEqualTo("DAILY|00:10|Asia/Shanghai");
		SignedHead before = anchoring.anchor("test");
		createBody();
		TaskInstance<Void> instance = new TaskInstance<>(Anchoring.JOB, "recurring");

		job.executeRecurringly(instance,
				new ExecutionContext(null, new Execution(clock.instant(), instance, true, "test-instance", null, null, 0, null, 1),
						null, null));

		SignedHead signed = asSystem(() -> anchors.page(1, 1)).items().get(0);
		assertThat(signed.fromSeq()).isEqualTo(before.seq());
		assertThat(signed.seq()).isGreaterThan(before.seq());
		assertThat(asSystem(() -> jdbc.sql("select made_by from audit_anchor where id = :id").param("id", signed.number())
			.query(String.class).single())).isEqualTo("job");
		assertThat(asSystem(() -> jdbc.sql("select outcome from job_run where job = 'audit-anchor' order by id desc limit 1")
			.query(String.class).single())).isEqualTo("签名第 " + signed.number() + " 号链头（至第 " + signed.seq() + " 条记录）");
	}

	@Test
	void onlyAnAdministratorSignsOnDemand() {
		assertThat(mvc.post().uri("/admin/audit/anchor").with(user("officer").roles("CITY_OFFICER")).with(csrf()))
			.hasStatus(403);
	}

	/** A record written, then a later one, then the head signed: the record is covered by a signed head. */
	private long recordAfterALaterSignedHead() {
		long body = createBody();
		long seq = asSystem(() -> jdbc.sql("select seq from audit_record where entity_type = 'enforcement_body'"
				+ " and entity_id = :id and action = 'insert'").param("id", Long.toString(body)).query(Long.class).single());
		createBody();
		anchoring.anchor("test");
		createBody(); // and records after the last signed head
		return seq;
	}

	private long createBody() {
		String street = asSystem(() -> jdbc.sql("select code from jurisdiction where level = 'STREET' order by code limit 1")
			.query(String.class).single());
		return asSystem(() -> transactions.execute(s -> jdbc.sql("""
				insert into enforcement_body (name, level, jurisdiction_code, district_code, street_code)
				values (:name, 'STREET', :street, left(:street, 6), :street) returning id""")
			.param("name", "签名测试执法队-" + UUID.randomUUID()).param("street", street).query(Long.class).single()));
	}

	/**
	 * What the finding describes: one record's content changed and every later record's prev_hash and hash recomputed,
	 * the chain head too, so that each record links to the one before and hashes to its stored hash. Undone from a copy.
	 */
	private record Rewrite(DatabaseSuperuser superuser) {

		static Rewrite of(DatabaseSuperuser superuser, long seq) throws java.sql.SQLException {
			superuser.execute("create temp table original as select * from audit_record where seq >= ?", seq);
			superuser.execute("create temp table original_head as select * from audit_chain_head");
			superuser.execute("update audit_record set after_state = jsonb_set(after_state::jsonb, '{name}',"
					+ " to_jsonb('改写后的名称'::text))::json where seq = ?", seq);
			superuser.execute("""
					do $$
					declare
					  r record;
					  v_prev text;
					begin
					  select prev_hash into v_prev from audit_record where seq = (select min(seq) from original);
					  for r in select * from audit_record where seq >= (select min(seq) from original) order by seq loop
					    update audit_record set prev_hash = v_prev,
					      hash = anjian_audit_hash(r.seq, v_prev, r.occurred_at, r.actor, r.body_id, r.district_code,
					        r.street_code, r.entity_type, r.entity_id, r.action, r.before_state::text, r.after_state::text)
					    where seq = r.seq returning hash into v_prev;
					  end loop;
					  update audit_chain_head set last_hash = v_prev;
					end
					$$""");
			return new Rewrite(superuser);
		}

		void undo() throws java.sql.SQLException {
			superuser.execute("update audit_record a set after_state = o.after_state, prev_hash = o.prev_hash,"
					+ " hash = o.hash from original o where a.seq = o.seq");
			superuser.execute("update audit_chain_head h set last_hash = o.last_hash from original_head o");
			superuser.execute("drop table original");
			superuser.execute("drop table original_head");
		}
	}
}
