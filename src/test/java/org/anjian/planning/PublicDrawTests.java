package org.anjian.planning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anjian.TestYears;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole way through HTTP: 普陀's officer opens, composes and submits the plan, cannot approve it, the leader
 * approves, the officer publishes; then anyone, without login, reads each draw's public page and files and
 * recomputes the draw with code of its own (below, independent of the project's draw code).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublicDrawTests {

	private static final Pattern NUMBER = Pattern.compile("\"id\":(\\d+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void aPublishedDrawIsRecomputedFromItsPublicPageAloneWithIndependentCode() throws Exception {
		String created = mvc.perform(post("/api/plans").with(as("putuo")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\":" + TestYears.fresh()
						+ ",\"sampleRateB\":0.5,\"assistanceRateC\":0.2,\"generalDrawRate\":0.1}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		Matcher m = NUMBER.matcher(created);
		assertThat(m.find()).isTrue();
		long plan = Long.parseLong(m.group(1));
		mvc.perform(post("/api/plans/{id}/composition", plan).with(as("putuo")).with(csrf())).andExpect(status().isOk());
		String drawList = mvc.perform(get("/api/plans/{id}/draws", plan).with(as("putuo")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Long> draws = new ArrayList<>();
		for (String id : drawList.replaceAll("[\\[\\]\\s]", "").split(",")) {
			if (!id.isEmpty()) {
				draws.add(Long.parseLong(id));
			}
		}
		assertThat(draws).isNotEmpty();
		// before publication the draw is not public
		mvc.perform(get("/p/draws/{id}", draws.get(0))).andExpect(status().isNotFound());

		mvc.perform(post("/api/plans/{id}/submission", plan).with(as("putuo")).with(csrf())).andExpect(status().isOk());
		mvc.perform(post("/api/plans/{id}/approval", plan).with(as("putuo")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/api/plans/{id}/publication", plan).with(as("putuo")).with(csrf()))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/plans/{id}/approval", plan).with(as("leader")).with(csrf())).andExpect(status().isOk());
		mvc.perform(post("/api/plans/{id}/publication", plan).with(as("putuo")).with(csrf())).andExpect(status().isOk());

		int drawn = 0;
		for (long draw : draws) {
			drawn += recompute(draw);
		}
		assertThat(drawn).as("enterprises drawn in all the plan's draws").isPositive();
	}

	/**
	 * Reads the page and the files as the public does, checks the hashes, recomputes the selection and the
	 * officers' teams with code of its own, and compares them with what is published.
	 */
	private int recompute(long draw) throws Exception {
		String page = mvc.perform(get("/p/draws/{id}", draw)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		byte[] candidates = mvc.perform(get("/p/draws/{id}/candidates.csv", draw)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		byte[] officers = mvc.perform(get("/p/draws/{id}/officers.csv", draw)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		String teamsFile = mvc.perform(get("/p/draws/{id}/teams.csv", draw)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		String seed = text(page, "seed");
		assertThat(text(page, "algorithm")).isEqualTo("anjian-draw-v2");
		// people read the algorithm's name and the streets' names; the codes stay in small print and in the files
		assertThat(text(page, "algorithm-name")).isEqualTo("按街镇分层、以签号排序的抽取法（第 2 版）");
		assertThat(page).doesNotContainPattern("<td[^>]*>\\s*310\\d+\\s*</td>").contains("title=\"分层代码 310");
		assertThat(text(page, "candidates-sha256")).isEqualTo(hex(sha256(candidates)));
		assertThat(text(page, "officers-sha256")).isEqualTo(hex(sha256(officers)));

		Map<String, Integer> quota = new LinkedHashMap<>();
		Matcher s = Pattern.compile("data-stratum=\"(\\d+)\" data-size=\"(\\d+)\" data-taken=\"(\\d+)\"").matcher(page);
		Map<String, Integer> sizes = new TreeMap<>();
		while (s.find()) {
			quota.put(s.group(1), Integer.parseInt(s.group(3)));
			sizes.put(s.group(1), Integer.parseInt(s.group(2)));
		}

		// the candidate file: "uscc,stratum\n" lines; the lowest tickets SHA-256(seed|uscc) of each stratum
		Map<String, List<String[]>> byStratum = new TreeMap<>();
		for (String line : new String(candidates, StandardCharsets.UTF_8).split("\n")) {
			if (line.isEmpty()) {
				continue;
			}
			String[] cols = line.split(",");
			String ticket = hex(sha256((seed + "|" + cols[0]).getBytes(StandardCharsets.UTF_8)));
			byStratum.computeIfAbsent(cols[1], k -> new ArrayList<>()).add(new String[] { ticket, cols[0] });
		}
		Map<String, Integer> actualSizes = new TreeMap<>();
		byStratum.forEach((k, v) -> actualSizes.put(k, v.size()));
		assertThat(actualSizes).as("stratum sizes on the page").isEqualTo(sizes);
		TreeSet<String> expected = new TreeSet<>();
		for (Map.Entry<String, List<String[]>> stratum : byStratum.entrySet()) {
			List<String[]> list = stratum.getValue();
			list.sort((a, b) -> a[0].compareTo(b[0]));
			for (int i = 0; i < quota.getOrDefault(stratum.getKey(), 0); i++) {
				expected.add(list.get(i)[1]);
			}
		}
		TreeSet<String> published = new TreeSet<>();
		Matcher row = Pattern.compile("<tr data-uscc=\"([0-9A-Z]{18})\">").matcher(page);
		while (row.find()) {
			published.add(row.group(1));
		}
		assertThat(published).as("the published result of draw %d", draw).isEqualTo(expected);

		// the officer file: "badge,LEAD|-\n" lines; teams month by month: fewest months in a team first, then the
		// ticket SHA-256(seed|month|badge); leads paired with the others in that order, spare leads with each other
		List<String> leads = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (String line : new String(officers, StandardCharsets.UTF_8).split("\n")) {
			if (!line.isEmpty()) {
				String[] cols = line.split(",");
				(cols[1].equals("LEAD") ? leads : others).add(cols[0]);
			}
		}
		Map<String, Integer> worked = new java.util.HashMap<>();
		StringBuilder teams = new StringBuilder();
		for (int month = 1; month <= 12; month++) {
			int m = month;
			java.util.Comparator<String> order = java.util.Comparator.<String>comparingInt(b -> worked.getOrDefault(b, 0))
				.thenComparing(b -> {
					try {
						return hex(sha256((seed + "|" + m + "|" + b).getBytes(StandardCharsets.UTF_8)));
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				});
			List<String> l = leads.stream().sorted(order).toList();
			List<String> o = others.stream().sorted(order).toList();
			List<String[]> pairs = new ArrayList<>();
			int mixed = Math.min(l.size(), o.size());
			for (int i = 0; i < mixed; i++) {
				pairs.add(new String[] { l.get(i), o.get(i) });
			}
			for (int i = mixed; i + 1 < l.size(); i += 2) {
				pairs.add(new String[] { l.get(i), l.get(i + 1) });
			}
			for (String[] pair : pairs) {
				worked.merge(pair[0], 1, Integer::sum);
				worked.merge(pair[1], 1, Integer::sum);
				teams.append(month).append(',').append(pair[0]).append(',').append(pair[1]).append('\n');
			}
		}
		assertThat(teamsFile).as("the teams of draw %d", draw).isEqualTo(teams.toString()).isNotEmpty();
		StringBuilder onPage = new StringBuilder();
		Matcher team = Pattern.compile("data-team=\"([^\"]+)\"").matcher(page);
		while (team.find()) {
			onPage.append(team.group(1)).append('\n');
		}
		assertThat(onPage.toString()).as("the teams on the page").isEqualTo(teams.toString());
		return published.size();
	}

	private static String text(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
		assertThat(m.find()).as("element #%s on the page", id).isTrue();
		return m.group(1).trim();
	}

	private static byte[] sha256(byte[] bytes) throws Exception {
		return MessageDigest.getInstance("SHA-256").digest(bytes);
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}
}
