package org.anjian.grading.internal;

import java.util.List;

import org.anjian.enterprise.GeneratedCity;
import org.anjian.shared.command.ApplicationCommand;
import org.anjian.shared.command.CommandOptions;
import org.springframework.stereotype.Component;

/**
 * {@code bench grading [--enterprises N] [--events M] [--sample S]}: generates the city and its facts if they are
 * smaller, then times the full regrade against the per-enterprise loop and the incremental regrade.
 */
@Component
class GradingBenchCommand implements ApplicationCommand {

	private final GeneratedCity city;

	private final GradingBench bench;

	GradingBenchCommand(GeneratedCity city, GradingBench bench) {
		this.city = city;
		this.bench = bench;
	}

	@Override
	public String name() {
		return "bench grading";
	}

	@Override
	public String description() {
		return "评级基准：--enterprises 企业数（默认 1000000） --events 事实数（默认 10000000） --sample 逐家抽样数（默认 1000）";
	}

	@Override
	public int run(List<String> arguments) {
		CommandOptions options = CommandOptions.parse(arguments, "enterprises", "events", "sample");
		long enterprises = options.longValue("enterprises", 1_000_000);
		long events = options.longValue("events", 10_000_000);
		int sample = (int) Math.max(10, options.longValue("sample", 1000));
		long started = System.nanoTime();
		long added = city.ensure((int) enterprises, 2026);
		if (added > 0) {
			System.out.printf("生成企业 %,d 家，用时 %.1f 秒%n", added, (System.nanoTime() - started) / 1e9);
		}
		GradingBench.Result result = bench.run(events, sample, System.out);
		boolean met = result.full().toSeconds() < 60 && result.speedup() >= 20 && result.incrementalMedianMs() < 20;
		System.out.println(met ? "全部达标" : "未全部达标");
		return 0;
	}
}
