package org.anjian.enterprise.internal;

import java.util.List;

import org.anjian.shared.command.ApplicationCommand;
import org.anjian.shared.command.CommandOptions;
import org.springframework.stereotype.Component;

/** {@code generate --enterprises N --seed S}: loads a generated city; codes already registered are skipped. */
@Component
class GenerateCommand implements ApplicationCommand {

	static final long DEFAULT_SEED = 2026;

	private final CityLoader loader;

	GenerateCommand(CityLoader loader) {
		this.loader = loader;
	}

	@Override
	public String name() {
		return "generate";
	}

	@Override
	public String description() {
		return "生成上海市模拟企业数据：--enterprises 数量（默认 1000000） --seed 种子（默认 " + DEFAULT_SEED + "）";
	}

	@Override
	public int run(List<String> arguments) {
		CommandOptions options = CommandOptions.parse(arguments, "enterprises", "seed");
		long count = options.longValue("enterprises", 1_000_000);
		if (count < 1 || count > 20_000_000) {
			throw new IllegalArgumentException("--enterprises 应在 1 至 20000000 之间，收到：" + count);
		}
		CityLoader.Result result = loader.load(options.longValue("seed", DEFAULT_SEED), (int) count);
		System.out.printf("生成 %,d 家企业（种子 %d）：新增 %,d 家，已存在跳过 %,d 家；"
				+ "COPY %.1f 秒，写入 %.1f 秒，共 %.1f 秒（含 vacuum analyze）%n", result.requested(), result.seed(),
				result.inserted(), result.skipped(), result.copy().toMillis() / 1000.0,
				result.insert().toMillis() / 1000.0, result.total().toMillis() / 1000.0);
		return 0;
	}
}
