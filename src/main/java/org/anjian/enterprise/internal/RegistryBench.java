package org.anjian.enterprise.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Sector;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.command.ApplicationCommand;
import org.anjian.shared.command.CommandOptions;
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.shared.command.Columns.left;
import static org.anjian.shared.command.Columns.pad;

/**
 * {@code bench registry [--enterprises N] [--runs R]}: generates the city if it is smaller than N, then times
 * typical searches through the real {@link EnterpriseSearch} as the application's own (non-superuser) database
 * role under row-level security, in a district officer's scope (普陀区) and in the city's, each the median of R
 * runs after one warm-up; and, in the same run, the same searches without the project's indexes on the
 * enterprise table (dropped inside a transaction that is then rolled back; the primary key stays).
 */
@Component
class RegistryBench implements ApplicationCommand {

	static final long SEED = 2026;
	private static final String PUTUO = "310107";

	private final CityLoader loader;
	private final EnterpriseSearch search;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	RegistryBench(CityLoader loader, EnterpriseSearch search, JdbcClient jdbc, TransactionTemplate transactions) {
		this.loader = loader;
		this.search = search;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public String name() {
		return "bench registry";
	}

	@Override
	public String description() {
		return "企业检索基准：--enterprises 数量（默认 1000000，不足时先生成） --runs 次数（默认 5）";
	}

	/** A search as a user would type it, and the scope it runs in. */
	record Case(String label, JurisdictionLevel scope, EnterpriseQuery query) {
	}

	/** The median time of a case, with and without the indexes, and what it found. */
	record Measured(Case c, double withIndexes, double withoutIndexes, long total, boolean capped) {
	}

	@Override
	public int run(List<String> arguments) {
		CommandOptions options = CommandOptions.parse(arguments, "enterprises", "runs");
		long wanted = options.longValue("enterprises", 1_000_000);
		int runs = (int) Math.max(1, options.longValue("runs", 5));
		long present = SystemScope.call("bench", () -> jdbc.sql("select count(*) from enterprise").query(Long.class).single());
		if (present < wanted) {
			System.out.printf("企业库现有 %,d 家，生成至 %,d 家（种子 %d）…%n", present, wanted, SEED);
			CityLoader.Result loaded = loader.load(SEED, (int) wanted);
			System.out.printf("新增 %,d 家，用时 %.1f 秒%n", loaded.inserted(), loaded.total().toMillis() / 1000.0);
		}
		List<Case> cases = cases();
		double[] with = new double[cases.size()];
		long[] totals = new long[cases.size()];
		boolean[] capped = new boolean[cases.size()];
		measure(cases, runs, with, totals, capped, false);
		double[] without = new double[cases.size()];
		measure(cases, runs, without, new long[cases.size()], new boolean[cases.size()], true);

		String role = SystemScope.call("bench", () -> jdbc.sql("select current_user || case when rolsuper or rolbypassrls"
				+ " then '（超级用户，不受行级安全约束！）' else '（普通角色，受行级安全约束）' end from pg_roles where rolname = current_user")
			.query(String.class).single());
		long size = SystemScope.call("bench", () -> jdbc.sql("select count(*) from enterprise").query(Long.class).single());
		System.out.println();
		System.out.printf("企业检索基准：%,d 家企业；数据库角色 %s；每项 %d 次取中位数（先预热 1 次）%n", size, role, runs);
		System.out.println("“无索引”：同一事务内 DROP INDEX 删除 enterprise 表除主键外的全部索引，测量后 ROLLBACK 恢复。");
		System.out.println();
		System.out.println(pad("检索", 36) + pad("范围", 8) + left("结果数", 10) + left("有索引 ms", 12) + left("无索引 ms", 12));
		for (int i = 0; i < cases.size(); i++) {
			Case c = cases.get(i);
			System.out.println(pad(c.label(), 36) + pad(c.scope() == JurisdictionLevel.CITY ? "全市" : "普陀区", 8)
					+ left((capped[i] ? ">" : "") + totals[i], 10) + left(String.format("%.1f", with[i]), 12)
					+ left(String.format("%.1f", without[i]), 12));
		}
		double worst = Arrays.stream(with).max().orElse(0);
		System.out.printf("%n有索引时最慢 %.1f ms（目标 300 ms 以内）：%s%n", worst, worst < 300 ? "达标" : "未达标");
		return 0;
	}

	private List<Case> cases() {
		// a code prefix that exists: the first twelve characters of a 普陀 code in the middle of the range
		String prefix = SystemScope.call("bench", () -> jdbc.sql("select left(uscc, 12) from enterprise"
				+ " where district_code = :d order by uscc offset (select count(*) / 2 from enterprise where district_code = :d)"
				+ " limit 1").param("d", PUTUO).query(String.class).optional().orElse("91310107MA1"));
		List<Case> cases = new ArrayList<>();
		for (JurisdictionLevel scope : List.of(JurisdictionLevel.DISTRICT, JurisdictionLevel.CITY)) {
			boolean city = scope == JurisdictionLevel.CITY;
			cases.add(new Case("名称片段“化工”", scope, query("化工", null, null, null, null, null, null, 0)));
			cases.add(new Case("名称片段“机械”第 50 页", scope, query("机械", null, null, null, null, null, null, 49)));
			cases.add(new Case("代码前缀 " + prefix, scope, query(prefix, null, null, null, null, null, null, 0)));
			cases.add(new Case("区+行业+标签（工贸·有限空间）", scope,
					query(null, city ? "310115" : PUTUO, null, Sector.INDUSTRY_TRADE, RiskTag.CONFINED_SPACE, null, null, 0)));
			cases.add(new Case("区+危化+重大危险源", scope,
					query(null, city ? "310115" : PUTUO, null, Sector.HAZCHEM, RiskTag.MAJOR_HAZARD_INSTALLATION, null, null, 0)));
			cases.add(new Case("街镇+重点单位", scope,
					query(null, null, city ? "310115104" : "310107102", null, null, true, null, 0)));
			cases.add(new Case("停业企业", scope, query(null, null, null, null, null, null, OperatingStatus.SUSPENDED, 0)));
			cases.add(new Case("不加条件，第 50 页", scope, query(null, null, null, null, null, null, null, 49)));
		}
		return cases;
	}

	private static EnterpriseQuery query(String q, String district, String street, Sector sector, RiskTag tag,
			Boolean keyUnit, OperatingStatus status, int page) {
		return new EnterpriseQuery(q, district, street, sector, tag, null, keyUnit, status, page, 20);
	}

	/**
	 * Runs every case in one transaction per pass, the scope set on the transaction's connection as
	 * ScopedDataSource sets it for a logged-in officer; without indexes, drops them first and rolls back.
	 */
	private void measure(List<Case> cases, int runs, double[] medians, long[] totals, boolean[] capped, boolean dropIndexes) {
		SystemScope.run("bench", () -> transactions.executeWithoutResult(status -> {
			if (dropIndexes) {
				for (String index : jdbc.sql("select indexname from pg_indexes where schemaname = current_schema()"
						+ " and tablename = 'enterprise' and indexname <> 'enterprise_pkey'").query(String.class).list()) {
					jdbc.sql("drop index " + index).update();
				}
			}
			for (int i = 0; i < cases.size(); i++) {
				Case c = cases.get(i);
				scope(c.scope());
				double[] times = new double[runs];
				EnterpriseSearch.Page page = timed(() -> search.search(c.query()), new double[1]); // warm-up
				for (int r = 0; r < runs; r++) {
					double[] took = new double[1];
					page = timed(() -> search.search(c.query()), took);
					times[r] = took[0];
				}
				Arrays.sort(times);
				medians[i] = times[runs / 2];
				totals[i] = page.total();
				capped[i] = page.totalCapped();
			}
			status.setRollbackOnly();
		}));
	}

	private void scope(JurisdictionLevel level) {
		boolean district = level == JurisdictionLevel.DISTRICT;
		jdbc.sql("select set_config('anjian.scope_kind', :kind, true), set_config('anjian.scope_district', :district, true),"
				+ " set_config('anjian.scope_street', '', true), set_config('anjian.actor', :actor, true)")
			.param("kind", level.name())
			.param("district", district ? PUTUO : "")
			.param("actor", district ? "bench:putuo" : "bench:city")
			.query((rs, n) -> n).list();
	}


	private static <T> T timed(Supplier<T> work, double[] millis) {
		long started = System.nanoTime();
		T result = work.get();
		millis[0] = (System.nanoTime() - started) / 1e6;
		return result;
	}
}
