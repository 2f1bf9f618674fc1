package org.anjian.grading.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.anjian.grading.GradeCause;
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Measures grading on a generated city: the full set-based regrade, and in the same run the alternative it
 * replaces — a loop that grades one enterprise after another with its own queries — timed on a sample and
 * extrapolated to the city; the sample's median is also the time of an incremental regrade of one enterprise.
 */
@Component
class GradingBench {

	private final JdbcClient jdbc;

	private final FactGenerator facts;

	private final FullRegrade fullRegrade;

	private final Regrading regrading;

	private final Clock clock;

	GradingBench(JdbcClient jdbc, FactGenerator facts, FullRegrade fullRegrade, Regrading regrading, Clock clock) {
		this.jdbc = jdbc;
		this.facts = facts;
		this.fullRegrade = fullRegrade;
		this.regrading = regrading;
		this.clock = clock;
	}

	/** The figures of one run. */
	record Result(long enterprises, long facts, Duration full, Duration loopExtrapolated, double incrementalMedianMs,
			int sample) {

		double speedup() {
			return (double) loopExtrapolated.toNanos() / full.toNanos();
		}
	}

	/** Tops the facts up to {@code events} (seed 1), then measures; the enterprises must already be there. */
	Result run(long events, int sample, PrintStream out) {
		long existing = count("risk_fact");
		if (existing < events) {
			out.printf("生成监管事实 %,d 条……%n", events - existing);
			long started = System.nanoTime();
			long added = facts.generate(events - existing, 1, LocalDate.now(clock));
			out.printf("  新增 %,d 条，用时 %.1f 秒%n", added, (System.nanoTime() - started) / 1e9);
		}
		long enterprises = count("enterprise_register");
		long factCount = count("risk_fact");
		out.printf("企业 %,d 家，监管事实 %,d 条%n", enterprises, factCount);

		FullRegrade.Run first = fullRegrade.regradeAll(LocalDate.now(clock), GradeCause.REGRADE);
		out.printf("首次全量评级（写入全部等级与变化记录）：%.1f 秒，%,d 家企业，%,d 家等级变化%n",
				first.took().toMillis() / 1000.0, first.enterprises(), first.changedGrades());
		FullRegrade.Run run = fullRegrade.regradeAll(LocalDate.now(clock), GradeCause.REGRADE);
		out.printf("全量重新评级（集合式 SQL，一次遍历）：%.1f 秒，%,d 家企业，%,d 家等级变化%n",
				run.took().toMillis() / 1000.0, run.enterprises(), run.changedGrades());

		List<String> codes = SystemScope.call("bench", () -> jdbc
			.sql("select uscc from enterprise_register where operating_status <> 'DEREGISTERED' order by md5(uscc) limit :n")
			.param("n", sample)
			.query(String.class)
			.list());
		List<Long> nanos = new ArrayList<>();
		SystemScope.run("bench", () -> {
			for (String uscc : codes) {
				long started = System.nanoTime();
				regrading.regrade(uscc, GradeCause.REGRADE);
				nanos.add(System.nanoTime() - started);
			}
		});
		long total = nanos.stream().mapToLong(Long::longValue).sum();
		Duration loop = Duration.ofNanos((long) ((double) total / codes.size() * enterprises));
		Collections.sort(nanos);
		double median = nanos.get(nanos.size() / 2) / 1e6;
		Result result = new Result(enterprises, factCount, run.took(), loop, median, codes.size());
		out.printf("逐家查询循环（基线，%,d 家抽样外推至全市）：%.1f 秒%n", result.sample(),
				result.loopExtrapolated().toMillis() / 1000.0);
		out.printf("全量重新评级比逐家循环快 %.1f 倍（目标 ≥ 20 倍）%n", result.speedup());
		out.printf("单家增量重新评级：中位数 %.2f 毫秒（%,d 次；目标 < 20 毫秒）%n", median, result.sample());
		return result;
	}

	private long count(String table) {
		return SystemScope.call("bench", () -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
	}
}
