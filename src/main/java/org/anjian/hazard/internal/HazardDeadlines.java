package org.anjian.hazard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.anjian.audit.AuditTrail;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardOverdue;
import org.anjian.hazard.Hazards;
import org.anjian.shared.database.SystemScope;
import org.anjian.shared.scheduling.JobRuns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily watch over rectification deadlines: a hazard whose deadline has passed without the enterprise
 * reporting its rectification is marked overdue once per deadline (a reminder to the enterprise, an overdue fact
 * that keeps its grade up until the hazard is closed, and {@link HazardOverdue} for the follow-up inspection); a
 * deadline a few days ahead brings the enterprise a reminder. Each hazard is marked in a transaction of its own
 * by a conditional update, so a run that stops half-way is taken up by the next.
 */
@Component
public class HazardDeadlines {

	public static final String JOB = "hazard-deadlines";

	/** What one run did. */
	public record Outcome(int markedOverdue, int reminded) {

		@Override
		public String toString() {
			return "标记逾期 " + markedOverdue + " 项，提醒 " + reminded + " 项";
		}
	}

	private final JdbcClient jdbc;
	private final Hazards hazards;
	private final HazardGrades grades;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final int remindDaysBefore;

	HazardDeadlines(JdbcClient jdbc, Hazards hazards, HazardGrades grades, AuditTrail audit,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock,
			@Value("${anjian.hazard.remind-days-before:3}") int remindDaysBefore) {
		this.jdbc = jdbc;
		this.hazards = hazards;
		this.grades = grades;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.remindDaysBefore = remindDaysBefore;
	}

	/** Watches the deadlines as of today, by the application's clock. */
	public Outcome run() {
		return run(LocalDate.now(clock));
	}

	/** Marks the deadlines passed before {@code today} and reminds of those due within the next days. */
	public Outcome run(LocalDate today) {
		return SystemScope.call(JOB, () -> {
			List<Long> overdue = jdbc.sql("""
					select id from hazard where status = 'RECTIFYING' and deadline < :today
					and overdue_deadline is distinct from deadline order by id""")
				.param("today", today).query(Long.class).list();
			int marked = 0;
			for (long id : overdue) {
				marked += Boolean.TRUE.equals(transaction.execute(s -> markOverdue(id, today))) ? 1 : 0;
			}
			List<Long> dueSoon = jdbc.sql("""
					select id from hazard where status = 'RECTIFYING' and deadline >= :today and deadline <= :until
					and reminded_deadline is distinct from deadline order by id""")
				.param("today", today).param("until", today.plusDays(remindDaysBefore)).query(Long.class).list();
			int reminded = 0;
			for (long id : dueSoon) {
				reminded += Boolean.TRUE.equals(transaction.execute(s -> remind(id))) ? 1 : 0;
			}
			return new Outcome(marked, reminded);
		});
	}

	private boolean markOverdue(long id, LocalDate today) {
		audit.describe(HazardAction.MARK_OVERDUE);
		grades.lockFirst(jdbc.sql("select uscc from hazard where id = :id").param("id", id).query(String.class).single());
		// the conditional update is the mark: a second run, or a second instance, finds it made and does nothing
		int updated = jdbc.sql("""
				update hazard set overdue_deadline = deadline
				where id = :id and status = 'RECTIFYING' and deadline < :today and overdue_deadline is distinct from deadline""")
			.param("id", id).param("today", today).update();
		if (updated == 0) {
			return false;
		}
		Hazard hazard = hazards.findById(id).orElseThrow();
		addReminder(hazard, "OVERDUE");
		grades.recordOverdue(hazard, today);
		events.publishEvent(new HazardOverdue(hazard.id(), hazard.uscc(), hazard.districtCode(), hazard.streetCode(),
				hazard.deadline(), hazard.major(), hazard.description()));
		return true;
	}

	private boolean remind(long id) {
		audit.describe(HazardAction.REMIND);
		int updated = jdbc.sql("""
				update hazard set reminded_deadline = deadline
				where id = :id and status = 'RECTIFYING' and reminded_deadline is distinct from deadline""")
			.param("id", id).update();
		if (updated == 0) {
			return false;
		}
		addReminder(hazards.findById(id).orElseThrow(), "DUE_SOON");
		return true;
	}

	private void addReminder(Hazard hazard, String kind) {
		jdbc.sql("""
				insert into hazard_reminder (district_code, street_code, hazard_id, uscc, kind, deadline)
				values (:district, :street, :hazard, :uscc, :kind, :deadline) on conflict do nothing""")
			.param("district", hazard.districtCode()).param("street", hazard.streetCode()).param("hazard", hazard.id())
			.param("uscc", hazard.uscc()).param("kind", kind).param("deadline", hazard.deadline()).update();
	}

	/** The job as db-scheduler runs it: on the schedule {@code anjian.hazard.deadline-job} (default 00:30 daily, Shanghai time). */
	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		RecurringTask<Void> hazardDeadlinesJob(HazardDeadlines deadlines, JobRuns runs,
				@Value("${anjian.hazard.deadline-job:DAILY|00:30|Asia/Shanghai}") String schedule) {
			return Tasks.recurring(JOB, Schedules.parseSchedule(schedule))
				.execute((instance, context) -> runs.run(JOB, context.getExecution().pickedBy,
						() -> deadlines.run().toString()));
		}
	}
}
