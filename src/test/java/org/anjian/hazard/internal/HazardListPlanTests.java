package org.anjian.hazard.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.anjian.hazard.HazardStatus;
import org.anjian.shared.ResultPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.anjian.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hazard list reads a page through an index that keeps its order, for every reader and filter: never a scan of
 * the whole table, never a sort of every matching row (at 10,000,000 hazards either costs seconds; `bench hazards`
 * measures it). The test database is small, so the planner is told that scans and sorts cost too much: a query no
 * index can serve plans them all the same, and fails here.
 */
@SpringBootTest
class HazardListPlanTests {

	@Autowired
	HazardLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ObjectMapper json;

	static final List<HazardLedger.Filter> FILTERS = List.of(new HazardLedger.Filter(null, false, false, null),
			new HazardLedger.Filter(HazardStatus.RECTIFYING, false, false, null),
			new HazardLedger.Filter(HazardStatus.VERIFIED, false, false, null),
			new HazardLedger.Filter(HazardStatus.SUBMITTED, false, true, null),
			new HazardLedger.Filter(null, true, false, null), new HazardLedger.Filter(null, false, true, null),
			new HazardLedger.Filter(null, true, true, null));

	@Test
	void theCitysListReadsItsPageInTheLedgersOrderFromAnIndex() {
		assertThat(as("city", () -> plans(FILTERS))).allSatisfy(HazardListPlanTests::servedByAnIndexInOrder);
	}

	/**
	 * On a small table the planner may as well read the city's index and skip the other districts; at millions of
	 * hazards it must not. So the city's index is dropped for the test (in its transaction, rolled back): the
	 * district's part of its own index must serve the list in order all the same.
	 */
	@Test
	void aDistrictsAndAStreetsListReadTheirDistrictsPartOfTheIndex() {
		for (String officer : List.of("putuo", "changzheng")) {
			List<Plan> plans = as(officer, () -> plans(FILTERS, "hazard_ledger"));
			assertThat(plans).allSatisfy(HazardListPlanTests::servedByAnIndexInOrder);
			assertThat(plans.get(0).indexes()).as("the unfiltered list of " + officer).contains("hazard_ledger_district");
		}
	}

	@Test
	void anEnterprisesHazardsAreFoundByItsCodeAndOnlyTheyAreSorted() {
		Plan plan = as("city", () -> transactions.execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			HazardLedger.Query query = ledger.query(new HazardLedger.Filter(null, false, false, "91310107MA1G8XKX0A"),
					LocalDate.now());
			return explain("select h.id " + query.from() + " " + query.order() + " limit 20", query);
		}));

		assertThat(plan.nodes()).doesNotContain("Seq Scan");
		assertThat(plan.indexes()).contains("hazard_uscc");
	}

	@Test
	void theCountStopsAtTheCapInsteadOfCountingEveryHazard() {
		Plan count = as("city", () -> transactions.execute(status -> {
			HazardLedger.Query query = ledger.query(FILTERS.get(0), LocalDate.now());
			return explain("select count(*) from (select 1 " + query.from() + " limit " + (ResultPage.COUNT_CAP + 1)
					+ ") counted", query);
		}));

		assertThat(count.nodes()).as("the count's plan").startsWith("Aggregate", "Limit");
	}

	/** What a plan does: its node types, with the index each index scan reads, and the relations it scans. */
	record Plan(String filter, List<String> nodes, List<String> indexes) {
	}

	static void servedByAnIndexInOrder(Plan plan) {
		// an incremental sort orders the hazards of one deadline day by number, not the list
		assertThat(plan.nodes()).as("the plan of " + plan.filter()).doesNotContain("Seq Scan", "Sort").startsWith("Limit");
		assertThat(plan.indexes()).as("the indexes of " + plan.filter()).isNotEmpty()
			.allSatisfy(index -> assertThat(index).startsWith("hazard_"));
	}

	private List<Plan> plans(List<HazardLedger.Filter> filters, String... withoutIndexes) {
		return transactions.execute(status -> {
			status.setRollbackOnly();
			for (String index : withoutIndexes) {
				jdbc.sql("drop index " + index).update();
			}
			jdbc.sql("set local enable_seqscan = off").update();
			jdbc.sql("set local enable_sort = off").update();
			jdbc.sql("set local enable_bitmapscan = off").update();
			List<Plan> plans = new ArrayList<>();
			for (HazardLedger.Filter filter : filters) {
				HazardLedger.Query query = ledger.query(filter, LocalDate.now());
				Plan plan = explain("select h.id " + query.from() + " " + query.order() + " limit 20 offset 40", query);
				plans.add(new Plan(filter.toString(), plan.nodes(), plan.indexes()));
			}
			return plans;
		});
	}

	private Plan explain(String sql, HazardLedger.Query query) {
		String text = jdbc.sql("explain (format json) " + sql).params(query.params()).query(String.class).single();
		List<String> nodes = new ArrayList<>();
		List<String> indexes = new ArrayList<>();
		walk(json.readTree(text).get(0).get("Plan"), nodes, indexes);
		return new Plan(sql, nodes, indexes);
	}

	private static void walk(JsonNode node, List<String> nodes, List<String> indexes) {
		nodes.add(node.get("Node Type").asString());
		if (node.has("Index Name")) {
			indexes.add(node.get("Index Name").asString());
		}
		if (node.has("Relation Name") && node.get("Node Type").asString().equals("Seq Scan")) {
			nodes.add("Seq Scan of " + node.get("Relation Name").asString());
		}
		if (node.has("Plans")) {
			node.get("Plans").forEach(child -> walk(child, nodes, indexes));
		}
	}
}
