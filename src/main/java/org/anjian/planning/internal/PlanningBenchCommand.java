package org.anjian.planning.internal;

import java.time.Duration;
import java.util.List;

import org.anjian.enterprise.GeneratedCity;
import org.anjian.shared.command.ApplicationCommand;
import org.anjian.shared.command.CommandOptions;
import org.springframework.stereotype.Component;

/**
 * {@code bench planning [--inspections N] [--officers M] [--seconds S]}: schedules a plan of N inspections (default
 * 45,000) for M officers (default 500) over a year by the greedy baseline and by the solver, and prints both.
 */
@Component
class PlanningBenchCommand implements ApplicationCommand {

	private static final Duration TARGET = Duration.ofMinutes(5);

	private final GeneratedCity city;
	private final PlanningBench bench;

	PlanningBenchCommand(GeneratedCity city, PlanningBench bench) {
		this.city = city;
		this.bench = bench;
	}

	@Override
	public String name() {
		return "bench planning";
	}

	@Override
	public String description() {
		return "排期基准：--inspections 检查数（默认 45000） --officers 执法人员数（默认 500） --seconds 求解时限秒数（默认 180）";
	}

	@Override
	public int run(List<String> arguments) {
		CommandOptions options = CommandOptions.parse(arguments, "inspections", "officers", "seconds");
		int inspections = (int) options.longValue("inspections", 45_000);
		int officers = (int) options.longValue("officers", 500);
		long seconds = options.longValue("seconds", 180);
		long started = System.nanoTime();
		long added = city.ensure(inspections, 2026);
		if (added > 0) {
			System.out.printf("生成企业 %,d 家，用时 %.1f 秒%n", added, (System.nanoTime() - started) / 1e9);
		}
		ScheduleProblem problem = bench.problem(inspections, officers, 2026, 2026);
		PlanningBench.Result result = bench.run(problem, Duration.ofSeconds(seconds),
				Duration.ofSeconds(Math.max(10, seconds / 4)), System.out);
		System.out.println(result.met(TARGET) ? "全部达标（5 分钟内、硬约束 0、里程少 20% 以上）" : "未全部达标");
		return 0;
	}
}
