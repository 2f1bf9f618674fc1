package org.anjian.hazard.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.anjian.shared.Zone;
import org.anjian.hazard.RectificationDeadlinePolicy;
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a year of hazards for the enterprises of the registry, as the city's figures have them (by default the
 * seeds' special campaign: 2,738 major hazards found, 2,656 of them closed), spread over the enterprises of every
 * district in proportion to their number and over the days of the year (up to yesterday in the current year).
 * Deadlines are those of {@link RectificationDeadlinePolicy} (30 days, 90 for a major hazard); the closed ones are VERIFIED before the year's end, after a
 * rectification reported; the rest are being rectified, mostly the recently found ones, some past their deadline.
 *
 * <p>Set-based (one {@code INSERT … SELECT} per million hazards) and deterministic for a seed and a day
 * (hash-based, not random()); a second run of the same year and seed adds nothing. The audit trail records one
 * summary. The generated past counts as watched by the deadline job: the deadlines already passed or near are marked
 * as done, so that its next run does not raise a year of overdue events and reminders at once.
 */
@Component
public class HazardGenerator {

	/** How many hazards of a year, and how many of them closed (销号). */
	public record Figures(int year, int major, int majorVerified, int general, int generalVerified) {

		/**
		 * The seeds' year: the special campaign found 2,738 major hazards and closed 2,656 (97%). The seeds give no
		 * figure of general hazards: 100,000 (about 2.3 for each of the 43,515 inspections of that year) of which 98%
		 * closed is our assumption.
		 */
		public static Figures ofSeeds(int year) {
			return new Figures(year, 2_738, 2_656, 100_000, 98_000);
		}

		public Figures {
			if (year < 2000 || year > 2100) {
				throw new IllegalArgumentException("年份应在 2000 至 2100 之间，收到：" + year);
			}
			if (major < 0 || general < 0 || (long) major + general > MAX) {
				throw new IllegalArgumentException("隐患数应在 0 至 " + MAX + " 之间，收到：重大 " + major + "，一般 " + general);
			}
			if (majorVerified < 0 || majorVerified > major || generalVerified < 0 || generalVerified > general) {
				throw new IllegalArgumentException("已销号数应在 0 至发现数之间，收到：重大 " + majorVerified + "/" + major
						+ "，一般 " + generalVerified + "/" + general);
			}
		}

		long total() {
			return (long) major + general;
		}
	}

	/** What a run did: how many hazards it added (0 when the year of this seed was generated before). */
	public record Outcome(Figures figures, long seed, long added) {
	}

	static final long MAX = 50_000_000;

	/** From this many hazards on, the audit trigger is switched off for the load instead of skipping row by row. */
	static final long LARGE = 200_000;

	/** Major hazards with the article of the industry-and-trade criteria (应急管理部令第10号) that makes them major. */
	private static final List<String[]> MAJOR = List.of(
			new String[] { "干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施", "《工贸企业重大事故隐患判定标准》第十一条第三项" },
			new String[] { "粉尘爆炸危险场所设在非框架结构的多层建筑物内，或场所内设有员工宿舍、休息室等人员聚集场所",
					"《工贸企业重大事故隐患判定标准》第十一条第一项" },
			new String[] { "包装、分割、产品整理场所的空调系统采用氨直接蒸发制冷", "《工贸企业重大事故隐患判定标准》第十二条第一项" },
			new String[] { "快速冻结装置未设在单独作业间内，或该作业间内作业人员数量超过9人", "《工贸企业重大事故隐患判定标准》第十二条第二项" },
			new String[] { "未对有限空间进行辨识、建立安全管理台账，并且未设置明显的安全警示标志",
					"《工贸企业重大事故隐患判定标准》第十三条第一项" },
			new String[] { "未落实有限空间作业审批，或未执行“先通风、再检测、后作业”要求，或作业现场未设监护人员",
					"《工贸企业重大事故隐患判定标准》第十三条第二项" },
			new String[] { "特种作业人员未按规定经专门安全作业培训并取得相应资格即上岗作业", "《工贸企业重大事故隐患判定标准》第三条第二项" },
			new String[] { "对承包单位、承租单位的安全生产工作未统一协调、管理，或未定期进行安全检查",
					"《工贸企业重大事故隐患判定标准》第三条第一项" },
			new String[] { "铸造用熔炼炉、精炼炉、保温炉未设紧急排放和应急储存设施", "《工贸企业重大事故隐患判定标准》第七条第二项" });

	/** General hazards, the everyday findings of an inspection. */
	private static final List<String> GENERAL = List.of("配电箱未可靠接地，箱门缺失", "消防通道、安全出口堆放杂物",
			"灭火器过期未检验", "安全警示标志缺失或不清晰", "机械设备传动部位防护罩缺失", "作业人员未按规定佩戴劳动防护用品",
			"安全生产教育培训记录不全", "生产安全事故应急预案未按规定组织演练", "危险化学品未分类分区存放", "叉车充电区域未与作业区隔离",
			"货架超高堆放，未设限高标识", "临时用电线路私拉乱接", "气瓶未固定，未设防倾倒措施", "隐患排查治理台账未建立",
			"特种设备未按期检验");

	/** Uniform in [0, 1) from the hazard's number, the seed, the year and a salt. */
	private static final String U = "((hashint8extended(g.i, hashint8extended(:seed, :year) # %d) & 2147483647)::float8 / 2147483648.0)";

	private static final String INSERT = """
			insert into hazard (district_code, street_code, acting_code, uscc, description, legal_basis, major, status,
			    found_at, deadline, rectification_note, submitted_at, reinspection_note, verified_at, verified_by,
			    overdue_deadline, reminded_deadline)
			select e.district_code, e.street_code, e.acting_code, e.uscc,
			       case when h.major then (%s)[1 + floor(h.u3 * %d)::int] else (%s)[1 + floor(h.u3 * %d)::int] end,
			       case when h.major then (%s)[1 + floor(h.u3 * %d)::int] end,
			       h.major, case when h.verified then 'VERIFIED' else 'RECTIFYING' end, h.found_at, h.deadline,
			       case when h.verified then '已按整改指令完成整改' end,
			       case when h.verified then h.verified_at - (h.verified_at - h.found_at) * (0.3 * h.u5) end,
			       case when h.verified then '复查合格，予以销号' end,
			       h.verified_at,
			       case when h.verified then 'system:generate hazards' end,
			       case when not h.verified and h.deadline < :today then h.deadline end,
			       case when not h.verified and h.deadline <= :today + 7 then h.deadline end
			from (
			  select f.*, case when f.verified
			                   then date_trunc('second', f.found_at + (0.05 + 0.95 * f.u4)
			                        * least(:until - f.found_at, make_interval(days => f.days))) end as verified_at,
			         (f.found_at at time zone 'Asia/Shanghai')::date + f.days as deadline
			  from (
			    select g.*,
			           -- closed hazards were found any day of the year, open ones mostly lately; never on the day after
			           least(date_trunc('second', :from + (case when g.verified then g.u2 else 1 - g.u2 * g.u2 * g.u2 end)
			                            * (:until - :from)), :until - interval '1 second') as found_at,
			           case when g.major then :daysForMajor else :days end as days
			    from (
			      select g.i, g.i <= :major as major,
			             case when g.i <= :major then g.i <= :majorVerified else g.i - :major <= :generalVerified end as verified,
			             %s as u1, %s as u2, %s as u3, %s as u4, %s as u5
			      from generate_series(:first, :last) g(i)
			    ) g
			  ) f
			) h
			join hazard_generator_enterprise e on e.ord = floor(h.u1 * :enterprises)::bigint
			""".formatted(array(MAJOR.stream().map(m -> m[0]).toList()), MAJOR.size(), array(GENERAL), GENERAL.size(),
			array(MAJOR.stream().map(m -> m[1]).toList()), MAJOR.size(), u(1), u(2), u(3), u(4), u(5));

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final RectificationDeadlinePolicy deadlines;

	HazardGenerator(JdbcClient jdbc, TransactionTemplate transactions, RectificationDeadlinePolicy deadlines) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.deadlines = deadlines;
	}

	private static String u(int salt) {
		return U.formatted(salt);
	}

	private static String array(List<String> texts) {
		return texts.stream().map(t -> "'" + t.replace("'", "''") + "'").collect(Collectors.joining(", ", "array[", "]"));
	}

	/**
	 * Generates the hazards of {@code figures} with {@code seed}, as of {@code today} (in the current year the
	 * hazards are found up to yesterday, and closed before today).
	 */
	public Outcome generate(Figures figures, long seed, LocalDate today) {
		OffsetDateTime from = startOf(figures.year());
		OffsetDateTime until = figures.year() == today.getYear() ? startOf(today) : startOf(figures.year() + 1);
		if (!until.isAfter(from)) {
			throw new IllegalArgumentException(figures.year() + " 年尚无已过去的日子，无法生成当年的隐患");
		}
		long added = SystemScope.call("generate hazards", () -> transactions.execute(status -> {
			int claimed = jdbc.sql("""
					insert into hazard_generation (year, seed, major, major_verified, general, general_verified)
					values (:year, :seed, :major, :majorVerified, :general, :generalVerified) on conflict do nothing""")
				.param("year", figures.year()).param("seed", seed).param("major", figures.major())
				.param("majorVerified", figures.majorVerified()).param("general", figures.general())
				.param("generalVerified", figures.generalVerified())
				.update();
			if (claimed == 0) {
				return 0L;
			}
			jdbc.sql("select set_config('anjian.bulk', 'on', true)").query((rs, n) -> 1).list();
			jdbc.sql("""
					create temporary table hazard_generator_enterprise on commit drop as
					select row_number() over (order by uscc) - 1 as ord, uscc, district_code, street_code,
					       -- acted on by the supervising body, at its level
					       case supervision_level when 'CITY' then '310000'
					                              when 'STREET' then coalesce(street_code, district_code)
					                              else district_code end as acting_code
					from enterprise_register where operating_status <> 'DEREGISTERED'""").update();
			jdbc.sql("create index on hazard_generator_enterprise (ord)").update();
			long enterprises = jdbc.sql("select count(*) from hazard_generator_enterprise").query(Long.class).single();
			if (enterprises == 0) {
				throw new IllegalStateException("企业库中没有企业：请先生成企业（generate --enterprises N）");
			}
			boolean large = figures.total() >= LARGE;
			if (large) {
				// the audit trigger would only skip each row of a bulk load
				jdbc.sql("alter table hazard disable trigger audit").update();
			}
			long inserted = 0;
			// in slices, so that one statement never holds more than a million rows of work
			for (long first = 1; first <= figures.total(); first += 1_000_000) {
				inserted += jdbc.sql(INSERT)
					.param("seed", seed).param("year", figures.year())
					.param("major", figures.major()).param("majorVerified", figures.majorVerified())
					.param("generalVerified", figures.generalVerified())
					.param("from", from).param("until", until).param("today", today)
					.param("first", first).param("last", Math.min(figures.total(), first + 999_999))
					.param("enterprises", enterprises)
					.param("days", deadlines.days(false)).param("daysForMajor", deadlines.days(true))
					.update();
			}
			if (large) {
				jdbc.sql("alter table hazard enable trigger audit").update();
			}
			jdbc.sql("""
					select anjian_audit_append('hazard', null, :action, null,
					    json_build_object('year', :year, 'seed', :seed, 'major', :major, 'majorVerified', :majorVerified,
					                      'general', :general, 'generalVerified', :generalVerified, 'added', :added)::text,
					    null, null)""")
				.param("action", HazardAction.GENERATE.code()).param("year", figures.year()).param("seed", seed)
				.param("major", figures.major()).param("majorVerified", figures.majorVerified())
				.param("general", figures.general()).param("generalVerified", figures.generalVerified())
				.param("added", inserted)
				.query((rs, n) -> 1)
				.list();
			return inserted;
		}));
		if (added > 0) {
			SystemScope.run("generate hazards", () -> jdbc.sql("analyze hazard").update());
		}
		return new Outcome(figures, seed, added);
	}

	private static OffsetDateTime startOf(int year) {
		return startOf(LocalDate.of(year, 1, 1));
	}

	private static OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(Zone.SHANGHAI).toOffsetDateTime();
	}
}
