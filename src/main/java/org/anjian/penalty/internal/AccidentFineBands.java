package org.anjian.penalty.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.anjian.grading.AccidentLevel;
import org.anjian.penalty.Accident;
import org.anjian.penalty.StatutoryRange;
import org.anjian.penalty.Yuan;

/**
 * The accident fine rules (应急管理部令第14号, arts. 14–17): the unit's fine by the accident's consequences, from
 * {@code db/reference/penalty/accident_fine_bands.csv}. An accident's band is the heaviest any of its three
 * consequences reaches, and its level (生产安全事故报告和调查处理条例第3条) is that band's.
 */
public final class AccidentFineBands {

	public static final String RULES = "《生产安全事故罚款处罚规定》（应急管理部令第14号）";

	/** One consequence band and its fine. */
	record Band(AccidentLevel level, int band, long[] deaths, long[] injuries, long[] loss, long fineMin, long fineMax) {

		boolean reachedBy(Accident accident) {
			return reaches(deaths, accident.deaths()) || reaches(injuries, accident.seriousInjuries())
					|| reaches(loss, accident.directLossYuan());
		}

		private static boolean reaches(long[] from, long value) {
			return value >= from[0];
		}
	}

	private final List<Band> bands;

	private AccidentFineBands(List<Band> bands) {
		this.bands = List.copyOf(bands);
	}

	public static AccidentFineBands read(String resource) {
		List<Band> bands = new ArrayList<>();
		try (InputStream in = AccidentFineBands.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("reference data missing: " + resource);
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			boolean header = true;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				String[] c = line.split(",", -1);
				bands.add(new Band(AccidentLevel.valueOf(c[0]), Integer.parseInt(c[1]), interval(c[2], c[3]),
						interval(c[4], c[5]), interval(c[6], c[7]), Long.parseLong(c[8]), Long.parseLong(c[9])));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		bands.sort(Comparator.comparing(Band::level).thenComparing(Band::band));
		return new AccidentFineBands(bands);
	}

	/** The heaviest band the accident reaches. */
	Band band(Accident accident) {
		Band reached = bands.get(0);
		for (Band band : bands) {
			if (band.reachedBy(accident)) {
				reached = band;
			}
		}
		return reached;
	}

	/** The consequence bands of a level: number, fine minimum, fine maximum. */
	public List<long[]> bands(AccidentLevel level) {
		return bands.stream().filter(b -> b.level() == level).map(b -> new long[] { b.band(), b.fineMin(), b.fineMax() })
			.toList();
	}

	/** The accident's level by its consequences. */
	public AccidentLevel level(Accident accident) {
		return band(accident).level();
	}

	/** The fine the rules allow the unit for this accident. */
	public StatutoryRange range(Accident accident) {
		Band band = band(accident);
		return new StatutoryRange(band.fineMin(), band.fineMax(), RULES + "：" + band.level().label() + "，死亡"
				+ accident.deaths() + "人、重伤" + accident.seriousInjuries() + "人、直接经济损失"
				+ Yuan.of(accident.directLossYuan()) + "，适用第" + (13 + band.level().ordinal() + 1) + "条第" + band.band()
				+ "项：" + Yuan.range(band.fineMin(), band.fineMax()));
	}

	private static long[] interval(String from, String to) {
		return new long[] { Long.parseLong(from), to.isEmpty() ? Long.MAX_VALUE : Long.parseLong(to) };
	}
}
