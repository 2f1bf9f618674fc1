package org.anjian.grading.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.anjian.shared.command.CommandOptions;
import org.anjian.shared.command.GenerationStep;
import org.springframework.stereotype.Component;

/** {@code generate --events N}: a history of N facts for the enterprises of the registry. */
@Component
class FactGenerationStep implements GenerationStep {

	private final FactGenerator facts;

	private final Clock clock;

	FactGenerationStep(FactGenerator facts, Clock clock) {
		this.facts = facts;
		this.clock = clock;
	}

	@Override
	public List<String> options() {
		return List.of("events");
	}

	@Override
	public void run(CommandOptions options, long seed) {
		long count = options.longValue("events", 0);
		if (count < 1 || count > 200_000_000) {
			throw new IllegalArgumentException("--events 应在 1 至 200000000 之间，收到：" + count);
		}
		long started = System.nanoTime();
		long added = facts.generate(count, seed, LocalDate.now(clock));
		System.out.printf("生成监管事实 %,d 条（种子 %d）：新增 %,d 条，用时 %.1f 秒%n", count, seed, added,
				(System.nanoTime() - started) / 1e9);
	}
}
