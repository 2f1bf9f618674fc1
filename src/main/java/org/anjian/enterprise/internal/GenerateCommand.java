package org.anjian.enterprise.internal;

import java.util.ArrayList;
import java.util.List;

import org.anjian.shared.command.ApplicationCommand;
import org.anjian.shared.command.CommandOptions;
import org.anjian.shared.command.GenerationStep;
import org.springframework.stereotype.Component;

/** {@code generate --enterprises N --seed S}: loads a generated city; codes already registered are skipped. */
@Component
class GenerateCommand implements ApplicationCommand {

	static final long DEFAULT_SEED = 2026;

	private final CityLoader loader;

	private final List<GenerationStep> steps;

	GenerateCommand(CityLoader loader, List<GenerationStep> steps) {
		this.loader = loader;
		this.steps = steps;
	}

	@Override
	public String name() {
		return "generate";
	}

	@Override
	public String description() {
		return "生成上海市模拟数据：--enterprises 企业数（只给其他选项时不生成企业，否则默认 1000000） --events 监管事实数"
				+ " --seed 种子（默认 " + DEFAULT_SEED + "）";
	}

	@Override
	public int run(List<String> arguments) throws Exception {
		List<String> allowed = new ArrayList<>(List.of("enterprises", "seed"));
		steps.forEach(step -> allowed.addAll(step.options()));
		CommandOptions options = CommandOptions.parse(arguments, allowed.toArray(String[]::new));
		long seed = options.longValue("seed", DEFAULT_SEED);
		boolean otherSteps = steps.stream().anyMatch(step -> step.options().stream().anyMatch(options::has));
		if (options.has("enterprises") || !otherSteps) {
			long count = options.longValue("enterprises", 1_000_000);
			if (count < 1 || count > 20_000_000) {
				throw new IllegalArgumentException("--enterprises 应在 1 至 20000000 之间，收到：" + count);
			}
			CityLoader.Result result = loader.load(seed, (int) count);
			System.out.printf("生成 %,d 家企业（种子 %d）：新增 %,d 家，已存在跳过 %,d 家；"
					+ "COPY %.1f 秒，写入 %.1f 秒，共 %.1f 秒（含 vacuum analyze）%n", result.requested(), result.seed(),
					result.inserted(), result.skipped(), result.copy().toMillis() / 1000.0,
					result.insert().toMillis() / 1000.0, result.total().toMillis() / 1000.0);
		}
		for (GenerationStep step : steps) {
			if (step.options().stream().anyMatch(options::has)) {
				step.run(options, seed);
			}
		}
		return 0;
	}
}
