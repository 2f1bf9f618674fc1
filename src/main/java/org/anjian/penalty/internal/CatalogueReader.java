package org.anjian.penalty.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anjian.grading.AccidentLevel;
import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.Party;
import org.anjian.penalty.Tier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Work Safety Law's penalty articles from the project's copy of the reference data
 * ({@code db/reference/penalty/work_safety_law_2021_penalties.json}) into catalogue entries: one per fine given as a
 * range in yuan. A fine the article states otherwise (a share of last year's income, a multiple of illegal gains, a
 * daily penalty) is not a range an officer picks inside and is left out; so are articles without fines.
 */
public final class CatalogueReader {

	static final String LAW = "安全生产法";

	private static final Pattern PARAGRAPH = Pattern.compile("^para(\\d+)_");
	private static final Map<String, AccidentLevel> LEVELS = Map.of("一般事故", AccidentLevel.GENERAL, "较大事故",
			AccidentLevel.LARGER, "重大事故", AccidentLevel.MAJOR, "特别重大事故", AccidentLevel.ESPECIALLY_MAJOR);

	private CatalogueReader() {
	}

	public static List<CatalogueEntry> read(String resource) {
		try (InputStream in = CatalogueReader.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("reference data missing: " + resource);
			}
			return entries(JsonMapper.builder().build().readTree(in));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<CatalogueEntry> entries(JsonNode law) {
		String verification = law.path("verification").asText();
		List<CatalogueEntry> entries = new ArrayList<>();
		for (JsonNode article : law.path("articles")) {
			JsonNode fines = article.path("fines");
			if (!fines.isObject()) {
				continue;
			}
			int number = article.path("article").asInt();
			for (Map.Entry<String, JsonNode> fine : fines.properties()) {
				JsonNode range = fine.getValue();
				if (!range.isObject() || !range.has("min_yuan") || !range.has("max_yuan")) {
					continue;
				}
				String key = fine.getKey();
				AccidentLevel level = LEVELS.get(key);
				Matcher paragraph = PARAGRAPH.matcher(key);
				entries.add(new CatalogueEntry(id(number, key, level), LAW, number,
						paragraph.find() ? Integer.valueOf(paragraph.group(1)) : null, article.path("subject").asText(),
						article.path("violation").asText(), tier(key, level), party(key, level), level,
						range.path("min_yuan").asLong(), range.path("max_yuan").asLong(),
						article.path("sanction").asText(null), verification));
			}
		}
		return List.copyOf(entries);
	}

	private static String id(int article, String key, AccidentLevel level) {
		return "SL" + article + "-" + (level != null ? "accident-" + level.name().toLowerCase() : key.replace('_', '-'));
	}

	private static Tier tier(String key, AccidentLevel level) {
		if (level != null || key.contains("accident")) {
			return Tier.ACCIDENT;
		}
		if (key.contains("overdue")) {
			return Tier.OVERDUE;
		}
		return key.contains("refuse") ? Tier.REFUSED : Tier.INITIAL;
	}

	private static Party party(String key, AccidentLevel level) {
		return level != null || key.contains("unit") || key.contains("institution") ? Party.UNIT : Party.RESPONSIBLE_PERSON;
	}
}
