package org.anjian.planning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.anjian.audit.AuditTrail;
import org.anjian.planning.AnnualPlan;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national calendar of public holidays and adjusted working weekend days (调休上班) as entered, which
 * {@link WorkCalendar} turns into working days. Everyone logged in reads it; only an administrator enters,
 * changes or removes a day, and marks it verified (已核对) once checked against the State Council's notice. A
 * day entered or changed is unverified until then, because what was checked was the earlier text.
 */
@Service
public class HolidayCalendar {

	/** The years of the calendar: those a plan may be made for. */
	static final int FIRST_YEAR = AnnualPlan.FIRST_YEAR;
	static final int LAST_YEAR = AnnualPlan.LAST_YEAR;

	private static final int NAME_MAX = 50;
	private static final int SOURCE_MAX = 200;

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	HolidayCalendar(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** An entered day: a public holiday, or a weekend day worked in place of one. */
	public record Day(LocalDate day, String name, boolean working, String status, String source) {

		@JsonProperty
		public boolean verified() {
			return "VERIFIED".equals(status);
		}

		public DayOfWeek dayOfWeek() {
			return day.getDayOfWeek();
		}
	}

	/**
	 * A year as entered: its days in order, how many are still unverified, and the working and rest days that
	 * follow from them. A year without entries counts only weekends as rest days.
	 */
	public record Year(int year, List<Day> days, int unverified, int workingDays, int restDays) {

		@JsonProperty
		public boolean entered() {
			return !days.isEmpty();
		}
	}

	public Year year(int year) {
		requireYear(year);
		List<Day> days = jdbc.sql(DAYS + " where day between :first and :last order by day")
			.param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
			.query(HolidayCalendar::day).list();
		Map<LocalDate, Boolean> exceptions = new HashMap<>();
		days.forEach(d -> exceptions.put(d.day(), d.working()));
		WorkCalendar.Year calendar = new WorkCalendar.Year(year, exceptions);
		int working = 0;
		for (int month = 1; month <= 12; month++) {
			working += calendar.workingDays(month).size();
		}
		int length = java.time.Year.of(year).length();
		return new Year(year, days, (int) days.stream().filter(d -> !d.verified()).count(), working, length - working);
	}

	public Day day(LocalDate day) {
		return jdbc.sql(DAYS + " where day = :day").param("day", day).query(HolidayCalendar::day).optional()
			.orElseThrow(() -> new NotFoundException("日历中没有 " + day + " 这一天的记录"));
	}

	/** Enters a day or changes it; either way it is unverified until an administrator checks it. */
	@Transactional
	@Authorized(Act.KEEP_CALENDAR)
	public Day enter(LocalDate day, String name, Boolean working, String source) {
		audit.describe(PlanningAction.CALENDAR_ENTER);
		if (day == null) {
			throw new InvalidInputException("day", "请填写日期，例如 2027-10-01");
		}
		requireYear(day.getYear());
		String n = text(name, "name", "请填写节日名称，例如：国庆节、国庆节调休上班", NAME_MAX);
		String s = text(source, "source", "请填写依据，例如：国务院办公厅关于" + day.getYear() + "年部分节假日安排的通知", SOURCE_MAX);
		if (working == null) {
			throw new InvalidInputException("working", "请选择这一天是放假还是调休上班");
		}
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (working && !weekend) {
			throw new InvalidInputException("working", day + " 是工作日（" + weekday(day) + "），调休上班只能是周六或周日");
		}
		jdbc.sql("""
				insert into public_holiday (day, name, working, status, source) values (:day, :name, :working, 'UNVERIFIED', :source)
				on conflict (day) do update set name = excluded.name, working = excluded.working, status = 'UNVERIFIED',
				  source = excluded.source""")
			.param("day", day).param("name", n).param("working", working).param("source", s).update();
		return day(day);
	}

	/** Removes a day entered in error: it becomes an ordinary weekday or weekend day again. */
	@Transactional
	@Authorized(Act.KEEP_CALENDAR)
	public Day remove(LocalDate day) {
		audit.describe(PlanningAction.CALENDAR_REMOVE);
		Day existing = day(day);
		jdbc.sql("delete from public_holiday where day = :day").param("day", day).update();
		return existing;
	}

	/** Marks a day checked against the State Council's notice. */
	@Transactional
	@Authorized(Act.KEEP_CALENDAR)
	public Day verify(LocalDate day) {
		audit.describe(PlanningAction.CALENDAR_VERIFY);
		day(day);
		jdbc.sql("update public_holiday set status = 'VERIFIED' where day = :day and status <> 'VERIFIED'")
			.param("day", day).update();
		return day(day);
	}

	/** Marks every unverified day of a year checked, after comparing the whole year with the notice. */
	@Transactional
	@Authorized(Act.KEEP_CALENDAR)
	public int verifyYear(int year) {
		audit.describe(PlanningAction.CALENDAR_VERIFY_YEAR);
		requireYear(year);
		return jdbc.sql("update public_holiday set status = 'VERIFIED' where day between :first and :last"
				+ " and status <> 'VERIFIED'")
			.param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31)).update();
	}

	static void requireYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidInputException("year", "年份应在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间，收到：" + year);
		}
	}

	static String weekday(LocalDate day) {
		return switch (day.getDayOfWeek()) {
			case MONDAY -> "星期一";
			case TUESDAY -> "星期二";
			case WEDNESDAY -> "星期三";
			case THURSDAY -> "星期四";
			case FRIDAY -> "星期五";
			case SATURDAY -> "星期六";
			case SUNDAY -> "星期日";
		};
	}

	private static String text(String value, String field, String hint, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, hint);
		}
		String v = value.trim();
		if (v.length() > max) {
			throw new InvalidInputException(field, "不超过 " + max + " 字，现有 " + v.length() + " 字");
		}
		return v;
	}

	private static final String DAYS = "select day, name, working, status, source from public_holiday";

	private static Day day(ResultSet rs, int n) throws SQLException {
		return new Day(rs.getDate("day").toLocalDate(), rs.getString("name"), rs.getBoolean("working"),
				rs.getString("status"), rs.getString("source"));
	}
}
