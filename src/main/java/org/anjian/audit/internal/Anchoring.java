package org.anjian.audit.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.anjian.audit.ChainVerification;
import org.anjian.shared.Sha256;
import org.anjian.shared.database.DatabaseProperties;
import org.anjian.shared.database.SystemScope;
import org.anjian.shared.scheduling.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Signs the audit chain's head and publishes it (ADR 0009): kept in {@code audit_anchor} (the public page lists it)
 * and appended to the file of signed heads. Before signing, the records since the last signed head are checked: they
 * must follow it and link and hash soundly, so that a head is never signed over records already broken. The job does
 * it on its schedule ({@code anjian.audit.anchor.schedule}, daily by default); an administrator can do it at once.
 * One signing at a time across instances (a transaction-level advisory lock), so signed heads follow each other
 * without gap or overlap.
 */
@Service
public class Anchoring {

	public static final String JOB = "audit-anchor";

	/** The advisory lock key that serialises signing across instances. */
	private static final long LOCK = 0x616e63686f72L; // "anchor"

	private static final Logger log = LoggerFactory.getLogger(Anchoring.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final Anchors anchors;
	private final AnchorKey key;
	private final ObjectMapper json;
	private final Clock clock;
	private final Path file;
	private final AuditRecords records;

	Anchoring(JdbcClient jdbc, TransactionTemplate transaction, Anchors anchors, AnchorKey key, ObjectMapper json,
			Clock clock, AnchorProperties properties, DatabaseProperties database) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.anchors = anchors;
		this.key = key;
		this.json = json;
		this.clock = clock;
		this.file = properties.file() != null ? Path.of(properties.file())
				: DataDirectory.of(database).resolve("audit-anchors.jsonl");
		this.records = new AuditRecords(jdbc, AuditRecords.BATCH_SIZE);
	}

	/** Where each signed head is appended. */
	public Path file() {
		return file;
	}

	/**
	 * Signs the chain's head as it is now and publishes it; {@code madeBy} says who asked (the job, or an administrator's
	 * user name), kept with it but not published. Must be called outside a transaction.
	 *
	 * @throws IllegalStateException when the records since the last signed head are broken: nothing is signed
	 */
	public SignedHead anchor(String madeBy) {
		Signed signed = SystemScope.call("audit-anchor", () -> transaction.execute(status -> sign(madeBy)));
		try {
			AnchorFile.append(json, file, signed.head(), signed.fingerprints());
		}
		catch (RuntimeException e) {
			// the head is signed and kept in the table; the next one's line does not depend on this one's
			log.error("Signed audit head No. {} is in the database but could not be appended to {}", signed.head().number(),
					file, e);
		}
		log.info("Audit chain head signed: No. {}, records {} to {}, hash {}", signed.head().number(),
				signed.head().fromSeq() + 1, signed.head().seq(), signed.head().hash());
		return signed.head();
	}

	private Signed sign(String madeBy) {
		jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query((rs, n) -> true).list();
		SignedHead last = anchors.last().orElse(null);
		if (last != null && !key.verifier().verifies(last)) {
			throw new IllegalStateException("第 " + last.number() + " 号签名链头的签名无效（伪造或被改动），不能在其后签名："
					+ "请先核验全过程记录");
		}
		long from = last == null ? 0 : last.seq();
		String fromHash = last == null ? AuditHash.GENESIS : last.hash();
		record Head(long seq, String hash) {
		}
		Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
			.query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).optional()
			.orElseThrow(() -> new IllegalStateException("链头（audit_chain_head）缺失，不能签名：请先核验全过程记录"));
		if (head.seq() < from) {
			throw new IllegalStateException("链头记载共有 " + head.seq() + " 条记录，少于第 " + last.number() + " 号签名链头记载的 "
					+ from + " 条：记录可能被删除，不能签名，请先核验全过程记录");
		}
		ChainCheck check = ChainCheck.continuing(from, fromHash, head.seq(), head.hash());
		SignedHead.Fingerprints fingerprints = new SignedHead.Fingerprints();
		records.forEach(from, head.seq(), row -> {
			fingerprints.add(row.hash());
			return check.accept(row);
		});
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		ChainVerification since = check.result(now);
		if (!since.intact()) {
			throw new IllegalStateException("上次签名之后的记录有误，不能签名：" + since.reason());
		}
		byte[] bytes = fingerprints.toByteArray();
		SignedHead unsigned = new SignedHead(null, from, head.seq(), head.hash(), now, Sha256.hex(bytes),
				key.verifier().keyId(), null);
		return new Signed(anchors.add(key.sign(unsigned), bytes, madeBy), bytes);
	}

	private record Signed(SignedHead head, byte[] fingerprints) {
	}

	/**
	 * The job as db-scheduler runs it, on {@code anjian.audit.anchor.schedule} (default daily, 00:10 Shanghai time); and,
	 * on an instance that runs the jobs, a first signing once the application is ready when none was ever made, so that
	 * a new installation (or the demo) does not wait for the first night.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AnchorProperties.class)
	static class Job {

		@Bean
		RecurringTask<Void> auditAnchorJob(Anchoring anchoring, JobRuns runs, AnchorProperties properties) {
			return Tasks.recurring(JOB, Schedules.parseSchedule(properties.schedule()))
				.execute((instance, context) -> runs.run(JOB, context.getExecution().pickedBy, () -> {
					SignedHead head = anchoring.anchor("job");
					return "签名第 " + head.number() + " 号链头（至第 " + head.seq() + " 条记录）";
				}));
		}

		@Bean
		@ConditionalOnProperty(name = "anjian.jobs.enabled", havingValue = "true", matchIfMissing = true)
		ApplicationListener<ApplicationReadyEvent> firstAuditAnchor(Anchoring anchoring, Anchors anchors) {
			return event -> {
				try {
					if (SystemScope.call(JOB, anchors::last).isEmpty()) {
						anchoring.anchor("start");
					}
				}
				catch (RuntimeException e) {
					log.error("The audit chain's head could not be signed at start; the job will try again", e);
				}
			};
		}
	}
}
