package org.anjian.shared.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidRowsException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.database.SystemScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs long work started from a page in the background, so that the page answers at once and shows the work's
 * progress while it runs (the page polls it). The same kind of work on the same subject (say, the acts that change
 * plan 17) runs once at a time across every instance: a second start is refused, naming the run in progress, while
 * the first runs. The work runs as the person who started it (their jurisdiction, their name in the audit trail), in
 * its own transactions; its progress is written beside it in transactions of its own, at most every
 * {@link #STEP_EVERY}, so the page sees it move. A run beats every {@link #BEAT}; one whose instance died stops
 * beating and is closed as interrupted by the next start or the next look at it; one this instance is running when
 * it stops is closed as interrupted at once.
 *
 * <p>Runs take turns on a pool of their own ({@code anjian.work.threads}, 2 by default: scheduling is CPU-bound and
 * the machine small), so that long work never holds up the threads of the modules' asynchronous event listeners; a
 * run waiting for its turn says so. The same claim also guards work done while the caller waits
 * ({@link #run}), so that a synchronous API call and a page's background run of the same work exclude each other.
 */
@Service
public class BackgroundWork implements DisposableBean {

	static final Duration BEAT = Duration.ofSeconds(15);
	/** A run silent this long has lost its instance. */
	static final Duration SILENT = Duration.ofMinutes(2);
	/** Progress is written at most this often: a solver reports many improvements a second. */
	static final Duration STEP_EVERY = Duration.ofMillis(500);

	static final String QUEUED = "排队等待开始";
	static final String INTERRUPTED = "运行中断（服务实例停止），请重新开始";
	static final String STALE = "内容已被他人修改，请查看最新内容后重试";
	static final String BROKEN = "因系统错误未能完成，请稍后重试；如仍不成功请联系系统管理员";

	private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);
	private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("HH:mm");

	private final JdbcClient jdbc;
	private final TransactionTemplate separately;
	private final ThreadPoolTaskExecutor executor;
	private final CurrentActor actors;
	private final Clock clock;
	private final ObjectMapper json;
	/** Runs of this instance not yet ended, to close as interrupted when it stops. */
	private final Set<Long> here = ConcurrentHashMap.newKeySet();
	private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "background-work-beat");
		t.setDaemon(true);
		return t;
	});

	BackgroundWork(JdbcClient jdbc, PlatformTransactionManager transactions, CurrentActor actors, Clock clock,
			ObjectMapper json, @Value("${anjian.work.threads:2}") int threads) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.actors = actors;
		this.clock = clock;
		this.json = json;
		this.executor = new ThreadPoolTaskExecutor();
		this.executor.setCorePoolSize(Math.max(1, threads));
		this.executor.setMaxPoolSize(Math.max(1, threads));
		this.executor.setThreadNamePrefix("background-work-");
		this.executor.initialize();
	}

	/**
	 * Starts the work in the background and answers its run at once. The work answers the sentence its page shows
	 * when it is done; a refusal it throws (bad input, bad rows, a state that does not allow it) is shown as the
	 * run's outcome, with the bad rows kept as its result.
	 *
	 * @throws InvalidTransitionException when the same work on the same subject is running already
	 */
	public Work start(String kind, String subject, String label, String districtCode, String streetCode,
			Function<Progress, String> work) {
		long id = claim(kind, subject, label, districtCode, streetCode, QUEUED);
		Run run = new Run(id);
		try {
			executor.execute(() -> run.as(() -> {
				try {
					run.started();
					String sentence = work.apply(run);
					// the last steps may still wait for their write: counted before the outcome, never lost
					run.flushPending();
					finish(id, WorkStatus.DONE, sentence, run.kept);
				}
				catch (RuntimeException | Error e) {
					finish(id, WorkStatus.FAILED, outcome(e, kind, subject), rows(e, run.kept));
				}
				finally {
					run.end();
				}
			}));
		}
		catch (TaskRejectedException e) {
			run.end();
			finish(id, WorkStatus.FAILED, BROKEN, null);
		}
		return find(id);
	}

	/**
	 * Does the work while the caller waits (an API call that answers with the result), claimed and recorded as a run
	 * like one in the background: refused while the same work runs, its progress visible to a page meanwhile, its
	 * outcome kept. What the work throws is thrown on, after it is recorded as the run's outcome.
	 *
	 * @throws InvalidTransitionException when the same work on the same subject is running already
	 */
	public <T> T run(String kind, String subject, String label, String districtCode, String streetCode,
			Function<Progress, T> work, Function<T, String> sentence) {
		long id = claim(kind, subject, label, districtCode, streetCode, null);
		Run run = new Run(id);
		try {
			T value = work.apply(run);
			run.flushPending();
			finish(id, WorkStatus.DONE, sentence.apply(value), run.kept);
			return value;
		}
		catch (RuntimeException | Error e) {
			finish(id, WorkStatus.FAILED, outcome(e, kind, subject), rows(e, run.kept));
			throw e;
		}
		finally {
			run.end();
		}
	}

	/** A run, as far as the caller's jurisdiction reaches; one silent for long is closed as interrupted first. */
	public Work find(long id) {
		Instant now = clock.instant();
		separately.executeWithoutResult(status -> jdbc.sql("""
				update background_work set status = 'FAILED', finished_at = :now, message = :message
				where id = :id and status = 'RUNNING' and beat_at < :silentSince""")
			.param("id", id).param("now", Timestamp.from(now)).param("message", INTERRUPTED)
			.param("silentSince", Timestamp.from(now.minus(SILENT))).update());
		return jdbc.sql("select * from background_work where id = :id").param("id", id).query(BackgroundWork::work)
			.optional().orElseThrow(() -> new NotFoundException("后台任务 " + id + " 不存在或不在您的管辖范围内"));
	}

	/** The latest run of the work on the subject, running or ended. */
	public Optional<Work> latest(String kind, String subject) {
		return jdbc.sql("select * from background_work where kind = :kind and subject = :subject order by id desc limit 1")
			.param("kind", kind).param("subject", subject).query(BackgroundWork::work).optional();
	}

	/** The run of the work on the subject in progress, if any. */
	public Optional<Work> running(String kind, String subject) {
		return latest(kind, subject).filter(Work::running);
	}

	/** What the run kept beside its sentence, as JSON (an import's report, or its bad rows), if anything. */
	public Optional<String> result(long id) {
		find(id);
		return jdbc.sql("select result::text from background_work where id = :id").param("id", id).query(String.class)
			.optional().filter(Objects::nonNull);
	}

	@Override
	public void destroy() {
		// closed first, so that the page tells what happened instead of the failures of interrupted work
		for (long id : Set.copyOf(here)) {
			try {
				SystemScope.run("background-work:stop", () -> finish(id, WorkStatus.FAILED, INTERRUPTED, null));
			}
			catch (RuntimeException e) {
				log.warn("Background work {}: not closed on shutdown", id, e);
			}
		}
		executor.shutdown();
		beats.shutdownNow();
	}

	/** Records the run as running, or refuses it naming the run of the same work in progress. */
	private long claim(String kind, String subject, String label, String districtCode, String streetCode,
			String stage) {
		Instant now = clock.instant();
		String startedBy = actors.current().map(Actor::username)
			.or(() -> SystemScope.current().map(reason -> "system:" + reason)).orElse("anonymous");
		try {
			long id = separately.execute(status -> {
				closeSilent(kind, subject, now);
				return jdbc.sql("""
						insert into background_work (kind, subject, label, status, stage, district_code, street_code,
						    started_by, started_at, beat_at)
						values (:kind, :subject, :label, 'RUNNING', :stage, :district, :street, :by, :at, :at)
						returning id""")
					.param("kind", kind).param("subject", subject).param("label", label).param("stage", stage)
					.param("district", districtCode).param("street", streetCode).param("by", startedBy)
					.param("at", Timestamp.from(now))
					.query(Long.class).single();
			});
			here.add(id);
			return id;
		}
		catch (DuplicateKeyException e) {
			String running = running(kind, subject)
				.map(w -> "“" + w.label() + "”正在进行中（" + LocalDateTime.ofInstant(w.startedAt(), clock.getZone())
					.format(STARTED) + " 开始）")
				.orElse("“" + label + "”正在进行中");
			throw new InvalidTransitionException(WorkStatus.RUNNING.name(), WorkStatus.RUNNING.name(),
					running + "，请等待完成后再试，不能重复开始");
		}
	}

	private void closeSilent(String kind, String subject, Instant now) {
		jdbc.sql("""
				update background_work set status = 'FAILED', finished_at = :now, message = :message
				where kind = :kind and subject = :subject and status = 'RUNNING' and beat_at < :silentSince""")
			.param("kind", kind).param("subject", subject).param("now", Timestamp.from(now))
			.param("message", INTERRUPTED).param("silentSince", Timestamp.from(now.minus(SILENT))).update();
	}

	private void finish(long id, WorkStatus outcome, String message, String result) {
		try {
			separately.executeWithoutResult(status -> jdbc.sql("""
					update background_work set status = :status, message = :message, result = cast(:result as jsonb),
					    finished_at = :now, beat_at = :now, stage = null,
					    done = case when :status = 'DONE' then coalesce(total, done) else done end
					where id = :id and status = 'RUNNING'""")
				.param("id", id).param("status", outcome.name())
				.param("message", message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message)
				.param("result", result)
				.param("now", Timestamp.from(clock.instant())).update());
		}
		finally {
			here.remove(id);
		}
	}

	/** What a failed run tells its page: a refusal in its own words, anything else without its insides. */
	private static String outcome(Throwable e, String kind, String subject) {
		if (e instanceof InvalidInputException || e instanceof InvalidTransitionException
				|| e instanceof InvalidRowsException || e instanceof NotFoundException
				|| e instanceof AccessDeniedException) {
			return e.getMessage();
		}
		if (e instanceof OptimisticLockingFailureException) {
			return STALE;
		}
		log.error("Background work {} {} failed", kind, subject, e);
		return BROKEN;
	}

	/** The bad rows of a refused import, as the API's problem lists them; otherwise what the work kept. */
	private String rows(Throwable e, String kept) {
		if (e instanceof InvalidRowsException bad) {
			Map<String, Object> rows = new LinkedHashMap<>();
			rows.put("badRowCount", bad.badLines());
			rows.put("rowErrors", bad.problems());
			return json.writeValueAsString(rows);
		}
		return kept;
	}

	private static Work work(ResultSet rs, int n) throws SQLException {
		int total = rs.getInt("total");
		Integer totalOrNull = rs.wasNull() ? null : total;
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Work(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"), rs.getString("label"),
				WorkStatus.valueOf(rs.getString("status")), rs.getInt("done"), totalOrNull, rs.getString("stage"),
				rs.getString("message"), rs.getObject("result") != null, rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant());
	}

	/**
	 * One run's side of the work: it writes the progress, throttled, as the person who started the run (another
	 * thread has none of their context), and beats while the run lasts.
	 */
	private final class Run implements Progress {

		private final long id;
		private final SecurityContext security;
		private final Optional<String> system;
		private final ScheduledFuture<?> beat;
		private int done;
		private Integer total;
		private String stage;
		private boolean pending;
		private long written;
		private ScheduledFuture<?> flush;
		private volatile String kept;

		Run(long id) {
			this.id = id;
			this.security = SecurityContextHolder.createEmptyContext();
			this.security.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
			this.system = SystemScope.current();
			this.beat = beats.scheduleAtFixedRate(() -> asQuietly(this::beat), BEAT.toMillis(), BEAT.toMillis(),
					TimeUnit.MILLISECONDS);
		}

		@Override
		public synchronized void step(int done, Integer total) {
			this.done = Math.max(0, done);
			this.total = total;
			changed();
		}

		@Override
		public synchronized void stage(String what) {
			this.stage = what == null || what.length() <= 200 ? what : what.substring(0, 200);
			changed();
		}

		@Override
		public synchronized void step(int done, Integer total, String what) {
			this.done = Math.max(0, done);
			this.total = total;
			this.stage = what == null || what.length() <= 200 ? what : what.substring(0, 200);
			changed();
		}

		@Override
		public void keep(Object result) {
			kept = result == null ? null : json.writeValueAsString(result);
		}

		/** The run has its turn: it no longer waits. */
		synchronized void started() {
			stage = null;
			write();
		}

		synchronized void end() {
			beat.cancel(false);
			if (flush != null) {
				flush.cancel(false);
			}
			pending = false;
		}

		/** Writes now, or once {@link #STEP_EVERY} has passed since the last write. */
		private void changed() {
			pending = true;
			long wait = written + STEP_EVERY.toMillis() - System.currentTimeMillis();
			if (wait <= 0) {
				write();
			}
			else if (flush == null || flush.isDone()) {
				flush = beats.schedule(() -> asQuietly(this::flushPending), wait, TimeUnit.MILLISECONDS);
			}
		}

		private synchronized void flushPending() {
			if (pending) {
				write();
			}
		}

		private void write() {
			pending = false;
			written = System.currentTimeMillis();
			separately.executeWithoutResult(status -> jdbc.sql("""
					update background_work set done = :done, total = :total, stage = :stage, beat_at = :now
					where id = :id and status = 'RUNNING'""")
				.param("id", id).param("done", done).param("total", total).param("stage", stage)
				.param("now", Timestamp.from(clock.instant())).update());
		}

		private void beat() {
			separately.executeWithoutResult(status -> jdbc
				.sql("update background_work set beat_at = :now where id = :id and status = 'RUNNING'")
				.param("id", id).param("now", Timestamp.from(clock.instant())).update());
		}

		/** Work of the beat thread: logged, never thrown (it would end the beats of every run). */
		private void asQuietly(Runnable work) {
			try {
				as(work);
			}
			catch (RuntimeException e) {
				log.warn("Background work {}: progress not recorded", id, e);
			}
		}

		/** Runs on this thread as the person (or the system reason) that started the work. */
		void as(Runnable work) {
			if (SecurityContextHolder.getContext().getAuthentication() == security.getAuthentication()
					&& SystemScope.current().equals(system)) {
				work.run(); // already on the starting thread
				return;
			}
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
	}
}
