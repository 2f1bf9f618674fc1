package org.anjian.penalty.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.SourceStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which articles' duties each penalty article punishes ({@code work_safety_law_2021_prohibitions.json}): the link
 * between a checklist item, which cites the duty (第二十八条), and the catalogue entries, which cite the penalty
 * (第九十七条). The file carries its own status; while it is unverified, so is every mapping read from it.
 */
public record Prohibitions(Map<Integer, List<Integer>> byPenaltyArticle, SourceStatus status, String source) {

	public static final String RESOURCE = "/db/reference/penalty/work_safety_law_2021_prohibitions.json";

	public static Prohibitions read(String resource) {
		try (InputStream in = Prohibitions.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("reference data missing: " + resource);
			}
			JsonNode file = JsonMapper.builder().build().readTree(in);
			Map<Integer, List<Integer>> map = new LinkedHashMap<>();
			for (JsonNode article : file.path("articles")) {
				List<Integer> duties = new ArrayList<>();
				article.path("forbidden_by").forEach(n -> duties.add(n.asInt()));
				map.put(article.path("article").asInt(), List.copyOf(duties));
			}
			return new Prohibitions(Map.copyOf(map), SourceStatus.of(file.path("status").asString("")),
					file.path("source").asString(""));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The entry naming the duties it punishes, where the file has them. */
	public CatalogueEntry apply(CatalogueEntry entry) {
		List<Integer> duties = byPenaltyArticle.get(entry.article());
		return duties == null || duties.isEmpty() ? entry
				: entry.prohibitedBy(CitedArticles.articles(duties), status, source);
	}

	/** The penalty articles that punish a breach of any of these duties. */
	public Set<Integer> penaltyArticlesFor(Set<Integer> duties) {
		Set<Integer> penalties = new TreeSet<>();
		byPenaltyArticle.forEach((penalty, forbidden) -> {
			if (forbidden.stream().anyMatch(duties::contains)) {
				penalties.add(penalty);
			}
		});
		return penalties;
	}
}
