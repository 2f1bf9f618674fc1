package org.anjian.hazard.internal;

import java.util.List;

import org.anjian.hazard.HazardRectification;
import org.anjian.shared.command.CommandOptions;
import org.anjian.shared.command.GenerationStep;
import org.springframework.stereotype.Component;

/**
 * {@code generate --hazard-year Y [--general-hazards N]}: a year of hazards for the enterprises of the registry,
 * with the seeds' figures of major hazards (2,738 found, 2,656 closed) and N general ones (default 100,000, 98%
 * closed).
 */
@Component
class HazardGenerationStep implements GenerationStep {

	private final HazardGenerator hazards;
	private final HazardRectification rectification;

	HazardGenerationStep(HazardGenerator hazards, HazardRectification rectification) {
		this.hazards = hazards;
		this.rectification = rectification;
	}

	@Override
	public List<String> options() {
		return List.of("hazard-year", "general-hazards");
	}

	@Override
	public void run(CommandOptions options, long seed) {
		if (!options.has("hazard-year")) {
			throw new IllegalArgumentException("--general-hazards 须与 --hazard-year 一起给出");
		}
		HazardGenerator.Figures seeds = HazardGenerator.Figures.ofSeeds((int) options.longValue("hazard-year", 0));
		long general = options.longValue("general-hazards", seeds.general());
		if (general < 0 || general > HazardGenerator.MAX - seeds.major()) {
			throw new IllegalArgumentException("--general-hazards 应在 0 至 " + (HazardGenerator.MAX - seeds.major())
					+ " 之间，收到：" + general);
		}
		// the general ones closed in the same share as the assumed default (98%)
		HazardGenerator.Figures figures = new HazardGenerator.Figures(seeds.year(), seeds.major(), seeds.majorVerified(),
				(int) general, (int) (general * seeds.generalVerified() / seeds.general()));
		long started = System.nanoTime();
		HazardGenerator.Outcome outcome = hazards.generate(figures, seed, rectification.today());
		System.out.printf("生成 %d 年隐患（种子 %d）：重大 %,d 项（已销号 %,d），一般 %,d 项（已销号 %,d）；新增 %,d 项，用时 %.1f 秒%n",
				figures.year(), seed, figures.major(), figures.majorVerified(), figures.general(),
				figures.generalVerified(), outcome.added(), (System.nanoTime() - started) / 1e9);
		if (outcome.added() == 0) {
			System.out.println("该年度与种子的隐患此前已生成，未重复添加");
		}
	}
}
