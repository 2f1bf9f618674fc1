package org.anjian.shared.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.database.SystemScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs long work started from a page in the background, so that the page answers at once and shows the work's
 * progress while it runs (the page polls it). The same kind of work on the same subject (say, scheduling plan 17)
 * runs once at a time across every instance: a second start is refused while the first runs. The work runs as the
 * person who started it (their jurisdiction, their name in the audit trail), in its own transactions; its progress is
 * written beside it in transactions of its own, so the page sees it move. A run beats every
 * {@link #BEAT}; one whose instance died stops beating and is closed as interrupted by the next start.
 */
@Service
public class BackgroundWork implements DisposableBean {

	static final Duration BEAT = Duration.ofSeconds(15);
	/** A run silent this long has lost its instance. */
	static final Duration SILENT = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate separately;
	private final TaskExecutor executor;
	private final CurrentActor actors;
	private final Clock clock;
	private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "background-work-beat");
		t.setDaemon(true);
		return t;
	});

	BackgroundWork(JdbcClient jdbc, PlatformTransactionManager transactions,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, CurrentActor actors, Clock clock) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.executor = executor;
		this.actors = actors;
		this.clock = clock;
	}

	/**
	 * Starts the work in the background and answers its run at once. The work answers the sentence its page shows
	 * when it is done; a refusal it throws (bad input, a state that does not allow it) is shown as the run's outcome.
	 *
	 * @throws InvalidTransitionException when the same work on the same subject is running already
	 */
	public Work start(String kind, String subject, String label, String districtCode, String streetCode,
			Function<Progress, String> work) {
		Instant now = clock.instant();
		String startedBy = actors.current().map(Actor::username)
			.or(() -> SystemScope.current().map(reason -> "system:" + reason)).orElse("anonymous");
		long id = separately.execute(status -> {
			closeSilent(kind, subject, now);
			try {
				return jdbc.sql("""
						insert into background_work (kind, subject, label, status, district_code, street_code, started_by,
						    started_at, beat_at)
						values (:kind, :subject, :label, 'RUNNING', :district, :street, :by, :at, :at) returning id""")
					.param("kind", kind).param("subject", subject).param("label", label).param("district", districtCode)
					.param("street", streetCode).param("by", startedBy).param("at", Timestamp.from(now))
					.query(Long.class).single();
			}
			catch (DuplicateKeyException e) {
				throw new InvalidTransitionException(WorkStatus.RUNNING.name(), WorkStatus.RUNNING.name(),
						"“" + label + "”正在进行中，请等待完成后再试，不能重复开始");
			}
		});
		SecurityContext security = SecurityContextHolder.createEmptyContext();
		security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		Optional<String> system = SystemScope.current();
		ScheduledFuture<?> beat = beats.scheduleAtFixedRate(() -> beat(id, security, system), BEAT.toMillis(),
				BEAT.toMillis(), TimeUnit.MILLISECONDS);
		executor.execute(() -> as(security, system, () -> {
			try {
				finish(id, WorkStatus.DONE, work.apply((done, total) -> progress(id, done, total)));
			}
			catch (InvalidInputException | InvalidTransitionException e) {
				finish(id, WorkStatus.FAILED, e.getMessage());
			}
			catch (OptimisticLockingFailureException e) {
				finish(id, WorkStatus.FAILED, "内容已被他人修改，请查看最新内容后重试");
			}
			catch (RuntimeException | Error e) {
				log.error("Background work {} ({} {}) failed", id, kind, subject, e);
				finish(id, WorkStatus.FAILED, "因系统错误未能完成，请稍后重试；如仍不成功请联系系统管理员");
			}
			finally {
				beat.cancel(false);
			}
		}));
		return find(id);
	}

	/** A run, as far as the caller's jurisdiction reaches. */
	public Work find(long id) {
		return jdbc.sql("select * from background_work where id = :id").param("id", id).query(BackgroundWork::work)
			.optional().orElseThrow(() -> new NotFoundException("后台任务 " + id + " 不存在或不在您的管辖范围内"));
	}

	/** The latest run of the work on the subject, running or ended. */
	public Optional<Work> latest(String kind, String subject) {
		return jdbc.sql("select * from background_work where kind = :kind and subject = :subject order by id desc limit 1")
			.param("kind", kind).param("subject", subject).query(BackgroundWork::work).optional();
	}

	@Override
	public void destroy() {
		beats.shutdownNow();
	}

	private void closeSilent(String kind, String subject, Instant now) {
		jdbc.sql("""
				update background_work set status = 'FAILED', finished_at = :now,
				    message = '运行中断（服务实例停止），请重新开始'
				where kind = :kind and subject = :subject and status = 'RUNNING' and beat_at < :silentSince""")
			.param("kind", kind).param("subject", subject).param("now", Timestamp.from(now))
			.param("silentSince", Timestamp.from(now.minus(SILENT))).update();
	}

	private void progress(long id, int done, Integer total) {
		separately.executeWithoutResult(status -> jdbc.sql("""
				update background_work set done = :done, total = :total, beat_at = :now
				where id = :id and status = 'RUNNING'""")
			.param("id", id).param("done", Math.max(0, done)).param("total", total)
			.param("now", Timestamp.from(clock.instant())).update());
	}

	private void beat(long id, SecurityContext security, Optional<String> system) {
		try {
			as(security, system, () -> separately.executeWithoutResult(status -> jdbc
				.sql("update background_work set beat_at = :now where id = :id and status = 'RUNNING'")
				.param("id", id).param("now", Timestamp.from(clock.instant())).update()));
		}
		catch (RuntimeException e) {
			log.warn("Background work {}: beat not recorded", id, e);
		}
	}

	private void finish(long id, WorkStatus outcome, String message) {
		separately.executeWithoutResult(status -> jdbc.sql("""
				update background_work set status = :status, message = :message, finished_at = :now, beat_at = :now,
				    done = case when :status = 'DONE' then coalesce(total, done) else done end
				where id = :id and status = 'RUNNING'""")
			.param("id", id).param("status", outcome.name())
			.param("message", message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message)
			.param("now", Timestamp.from(clock.instant())).update());
	}

	/** Runs on this thread as the person (or the system reason) that started the work. */
	private static void as(SecurityContext security, Optional<String> system, Runnable work) {
		SecurityContext before = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(security);
		try {
			if (system.isPresent()) {
				SystemScope.run(system.get(), work);
			}
			else {
				work.run();
			}
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

	private static Work work(ResultSet rs, int n) throws SQLException {
		int total = rs.getInt("total");
		Integer totalOrNull = rs.wasNull() ? null : total;
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Work(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"), rs.getString("label"),
				WorkStatus.valueOf(rs.getString("status")), rs.getInt("done"), totalOrNull, rs.getString("message"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
	}
}
