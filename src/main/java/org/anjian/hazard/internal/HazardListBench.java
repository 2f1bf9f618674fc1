package org.anjian.hazard.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.anjian.enterprise.GeneratedCity;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.HazardStatus;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.ResultPage;
import org.anjian.shared.command.ApplicationCommand;
import org.anjian.shared.command.CommandOptions;
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.shared.command.Columns.left;
import static org.anjian.shared.command.Columns.pad;

/**
 * {@code bench hazards [--hazards N] [--enterprises E] [--runs R]}: generates the registry and years of hazards if
 * there are fewer (a million a year with the seeds' major figures, back from last year), then times the hazard list
 * as its readers open it — the city's officer, 普陀区's and 长征镇's, with and without filters — through the real
 * {@link HazardLedger#search}, as the application's own (non-superuser) database role under row-level security, each
 * the median of R runs after one warm-up. The baseline, measured in the same run: the list as it was before V114 (an
 * exact count, 30 rows in the same order) without the indexes V114 adds (dropped inside a transaction that is then
 * rolled back).
 */
@Component
class HazardListBench implements ApplicationCommand {

	static final long SEED = 2026;
	static final String PUTUO = "310107";
	static final List<String> LIST_INDEXES = List.of("hazard_ledger", "hazard_ledger_district", "hazard_ledger_open",
			"hazard_ledger_district_open", "hazard_ledger_major", "hazard_ledger_major_status");

	/** The city's target: the list opens in under this. */
	static final double TARGET_MS = 300;

	private final GeneratedCity city;
	private final HazardGenerator generator;
	private final HazardLedger ledger;
	private final HazardRectification rectification;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	HazardListBench(GeneratedCity city, HazardGenerator generator, HazardLedger ledger,
			HazardRectification rectification, JdbcClient jdbc, TransactionTemplate transactions) {
		this.city = city;
		this.generator = generator;
		this.ledger = ledger;
		this.rectification = rectification;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public String name() {
		return "bench hazards";
	}

	@Override
	public String description() {
		return "隐患列表基准：--hazards 隐患数（默认 10000000，不足时先生成） --enterprises 企业数（默认 100000） --runs 次数（默认 5）";
	}

	/** A list as someone opens it: whose scope, which filter, which page. */
	record Case(String label, JurisdictionLevel scope, HazardLedger.Filter filter, int page) {
	}

	/** A case's median with the list as it is, and as it was; what it found. */
	record Measured(Case c, double now, double before, long total, boolean exact) {
	}

	@Override
	public int run(List<String> arguments) {
		CommandOptions options = CommandOptions.parse(arguments, "hazards", "enterprises", "runs");
		long wanted = options.longValue("hazards", 10_000_000);
		long enterprises = options.longValue("enterprises", 100_000);
		int runs = (int) Math.max(1, options.longValue("runs", 5));
		if (wanted < 1 || wanted > HazardGenerator.MAX || enterprises < 1 || enterprises > 20_000_000) {
			throw new IllegalArgumentException("--hazards 应在 1 至 " + HazardGenerator.MAX + " 之间，--enterprises 应在 1 至 20000000 之间");
		}
		long added = city.ensure((int) enterprises, SEED);
		if (added > 0) {
			System.out.printf("生成企业 %,d 家%n", added);
		}
		ensureHazards(wanted);
		// as autovacuum does after a load: the visibility map lets a count read an index alone, and the statistics
		// are the planner's; a freshly generated table has neither
		SystemScope.run("bench", () -> jdbc.sql("vacuum (analyze) hazard").update());

		String street = SystemScope.call("bench", () -> jdbc.sql("""
				select code from jurisdiction_directory where parent_code = :district order by (name = '长征镇') desc, code
				limit 1""").param("district", PUTUO).query(String.class).optional().orElse(PUTUO + "102"));
		List<Case> cases = cases();
		List<Measured> measured = new ArrayList<>();
		double[][] now = measure(cases, runs, street, false);
		double[][] before = measure(cases, runs, street, true);
		for (int i = 0; i < cases.size(); i++) {
			measured.add(new Measured(cases.get(i), now[i][0], before[i][0], (long) now[i][1], now[i][2] > 0));
		}

		long size = SystemScope.call("bench", () -> jdbc.sql("select count(*) from hazard").query(Long.class).single());
		String role = SystemScope.call("bench", () -> jdbc.sql("select current_user || case when rolsuper or rolbypassrls"
				+ " then '（超级用户，不受行级安全约束！）' else '（普通角色，受行级安全约束）' end from pg_roles where rolname = current_user")
			.query(String.class).single());
		System.out.println();
		System.out.printf("隐患列表基准：%,d 项隐患；数据库角色 %s；每项 %d 次取中位数（先预热 1 次）%n", size, role, runs);
		System.out.println("“现在”：HazardLedger.search（每页 20 项，计数至多 10,000），含读取该页隐患与企业名称。");
		System.out.println("“原来”：V114 之前的查询（精确计数，每页 30 项，同一排序，同样读取该页隐患与企业名称），同一事务内 DROP INDEX 删除 V114 的索引，测量后 ROLLBACK 恢复。");
		System.out.println();
		System.out.println(pad("列表", 34) + pad("范围", 8) + left("结果数", 12) + left("现在 ms", 11) + left("原来 ms", 11));
		double worstCity = 0;
		for (Measured m : measured) {
			System.out.println(pad(m.c().label(), 34) + pad(scopeName(m.c().scope()), 8)
					+ left((m.exact() ? "" : ">") + String.format("%,d", m.total()), 12) + left(String.format("%.1f", m.now()), 11)
					+ left(String.format("%.1f", m.before()), 11));
			if (m.c().scope() == JurisdictionLevel.CITY) {
				worstCity = Math.max(worstCity, m.now());
			}
		}
		double opening = measured.get(0).now();
		System.out.printf("%n全市列表首页 %.1f ms（原来 %.1f ms）；全市各项最慢 %.1f ms（目标 %.0f ms 以内）：%s%n", opening,
				measured.get(0).before(), worstCity, TARGET_MS, opening < TARGET_MS && worstCity < TARGET_MS ? "达标" : "未达标");
		return 0;
	}

	private static String scopeName(JurisdictionLevel level) {
		return switch (level) {
			case CITY -> "全市";
			case DISTRICT -> "普陀区";
			case STREET -> "长征镇";
		};
	}

	private static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		HazardLedger.Filter all = new HazardLedger.Filter(null, false, false, null);
		cases.add(new Case("不加条件，首页", JurisdictionLevel.CITY, all, 1));
		cases.add(new Case("不加条件，第 50 页", JurisdictionLevel.CITY, all, 50));
		cases.add(new Case("仅逾期", JurisdictionLevel.CITY, new HazardLedger.Filter(null, true, false, null), 1));
		cases.add(new Case("仅重大事故隐患", JurisdictionLevel.CITY, new HazardLedger.Filter(null, false, true, null), 1));
		cases.add(new Case("状态：整改中", JurisdictionLevel.CITY,
				new HazardLedger.Filter(HazardStatus.RECTIFYING, false, false, null), 1));
		cases.add(new Case("状态：已复查销号，第 10 页", JurisdictionLevel.CITY,
				new HazardLedger.Filter(HazardStatus.VERIFIED, false, false, null), 10));
		cases.add(new Case("状态：已提交整改（无）", JurisdictionLevel.CITY,
				new HazardLedger.Filter(HazardStatus.SUBMITTED, false, false, null), 1));
		cases.add(new Case("企业名称片段“机械”", JurisdictionLevel.CITY, new HazardLedger.Filter(null, false, false, "机械"), 1));
		cases.add(new Case("不加条件，首页", JurisdictionLevel.DISTRICT, all, 1));
		cases.add(new Case("仅逾期", JurisdictionLevel.DISTRICT, new HazardLedger.Filter(null, true, false, null), 1));
		cases.add(new Case("仅重大事故隐患", JurisdictionLevel.DISTRICT, new HazardLedger.Filter(null, false, true, null), 1));
		cases.add(new Case("不加条件，首页", JurisdictionLevel.STREET, all, 1));
		return cases;
	}

	/** Years of a million hazards each, back from last year, until there are {@code wanted}. */
	private void ensureHazards(long wanted) {
		LocalDate today = rectification.today();
		long present = SystemScope.call("bench", () -> jdbc.sql("select count(*) from hazard").query(Long.class).single());
		for (int year = today.getYear() - 1; present < wanted && year >= 2000; year--) {
			int total = (int) Math.min(1_000_000, wanted - present);
			HazardGenerator.Figures seeds = HazardGenerator.Figures.ofSeeds(year);
			int major = Math.min(seeds.major(), total);
			int general = total - major;
			HazardGenerator.Figures figures = new HazardGenerator.Figures(year, major,
					(int) ((long) major * seeds.majorVerified() / seeds.major()), general,
					(int) ((long) general * seeds.generalVerified() / seeds.general()));
			long started = System.nanoTime();
			long added = generator.generate(figures, SEED, today).added();
			if (added > 0) {
				System.out.printf("生成 %d 年隐患 %,d 项，用时 %.1f 秒%n", year, added, (System.nanoTime() - started) / 1e9);
			}
			present += added;
		}
	}

	/**
	 * Each case's median, total and whether the total is exact ({ms, total, 1|0}), in one transaction per pass with
	 * the scope set on its connection as ScopedDataSource sets it for a logged-in officer; as it was before: the
	 * former queries without the list's indexes, which are dropped and restored by the rollback.
	 */
	private double[][] measure(List<Case> cases, int runs, String street, boolean before) {
		double[][] results = new double[cases.size()][3];
		SystemScope.run("bench", () -> transactions.executeWithoutResult(status -> {
			if (before) {
				LIST_INDEXES.forEach(index -> jdbc.sql("drop index if exists " + index).update());
			}
			for (int i = 0; i < cases.size(); i++) {
				Case c = cases.get(i);
				scope(c.scope(), street);
				Supplier<long[]> list = before ? () -> formerly(c.filter(), c.page()) : () -> {
					ResultPage<HazardLedger.Line> page = ledger.search(c.filter(), c.page());
					return new long[] { page.total(), page.exact() ? 1 : 0 };
				};
				list.get(); // warm-up
				double[] times = new double[runs];
				long[] found = null;
				for (int r = 0; r < runs; r++) {
					long started = System.nanoTime();
					found = list.get();
					times[r] = (System.nanoTime() - started) / 1e6;
				}
				Arrays.sort(times);
				results[i] = new double[] { times[runs / 2], found[0], found[1] };
			}
			status.setRollbackOnly();
		}));
		return results;
	}

	/** The list as HazardLedger read it before V114: an exact count, then 30 hazards in the same order. */
	private long[] formerly(HazardLedger.Filter filter, int page) {
		String from = " from hazard h";
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (filter.status() != null) {
			where.append(" and h.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.overdue()) {
			where.append(" and h.status = 'RECTIFYING' and h.deadline < :today");
			params.put("today", rectification.today());
		}
		if (filter.major()) {
			where.append(" and h.major");
		}
		if (filter.enterprise() != null) {
			from += " left join enterprise_register e on e.uscc = h.uscc";
			where.append(" and (strpos(e.name, :enterprise) > 0 or h.uscc = upper(:enterprise))");
			params.put("enterprise", filter.enterprise());
		}
		long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		List<Long> ids = jdbc.sql("select h.id" + from + where
				+ " order by (h.status = 'VERIFIED'), h.deadline nulls last, h.id desc limit 30 offset :offset")
			.params(params).param("offset", (page - 1) * 30).query(Long.class).list();
		// the page's hazards and their enterprises' names, read as the list reads them now
		ledger.lines(ids, rectification.today());
		return new long[] { total, 1 };
	}

	private void scope(JurisdictionLevel level, String street) {
		jdbc.sql("select set_config('anjian.scope_kind', :kind, true), set_config('anjian.scope_district', :district, true),"
				+ " set_config('anjian.scope_street', :street, true), set_config('anjian.actor', :actor, true)")
			.param("kind", level.name())
			.param("district", level == JurisdictionLevel.CITY ? "" : PUTUO)
			.param("street", level == JurisdictionLevel.STREET ? street : "")
			.param("actor", "bench:" + level.name().toLowerCase())
			.query((rs, n) -> n).list();
	}
}
