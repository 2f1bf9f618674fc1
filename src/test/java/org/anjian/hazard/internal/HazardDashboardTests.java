package org.anjian.hazard.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.shared.Zone;
import org.anjian.shared.command.ApplicationCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The hazard dashboard as the city's and a district's officers read it: a generated year with the seeds' figures
 * (2096, which no other test uses), honest rates, and overdue counted from the deadline and the day. Every count is
 * of a year of this test's own (2095–2099): the database is shared by all tests of the JVM. Not years of
 * {@code TestYears}, which lie beyond 2100, the last year the dashboard and the generator take.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HazardDashboardTests {

	static final int GENERATED = 2096;
	static final int EMPTY = 2095;
	static final int ONE_CLOSED = 2097;
	static final int DEADLINES = 2098;
	static final int BY_COMMAND = 2099;
	static final long SEED = 7;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	HazardDashboard dashboard;

	@Autowired
	HazardGenerator generator;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	List<ApplicationCommand> commands;

	/** Active enterprises by district when the year was generated. */
	Map<String, Long> enterprisesByDistrict;

	HazardGenerator.Outcome generated;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@BeforeAll
	void generateAYearWithTheSeedsFigures() {
		enterprisesByDistrict = asSystem(() -> jdbc.sql("""
				select district_code, count(*) as n from enterprise where operating_status <> 'DEREGISTERED' group by 1""")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
		generated = generator.generate(HazardGenerator.Figures.ofSeeds(GENERATED), SEED, LocalDate.now());
	}

	/**
	 * The generated year leaves the shared database again: its 浦东 hazards' everyday descriptions would be markers of
	 * JurisdictionIsolationTests, which the same descriptions of 普陀's hazards would then match.
	 */
	@AfterAll
	void removeThisTestsYears() {
		asSystem(() -> transactions.executeWithoutResult(status -> {
			jdbc.sql("select set_config('anjian.bulk', 'on', true)").query((rs, n) -> 1).list();
			jdbc.sql("delete from hazard where found_at >= :from and found_at < :to")
				.param("from", HazardDashboard.startOf(EMPTY))
				.param("to", HazardDashboard.startOf(BY_COMMAND + 1))
				.update();
			jdbc.sql("delete from hazard_generation where year in (:years)").param("years", List.of(GENERATED, BY_COMMAND))
				.update();
		}));
	}

	@Test
	void theCitySeesTheGeneratedYearWithTheSeedsMajorFiguresAndA97PercentRate() {
		var page = assertThat(mvc.get().uri("/hazards/dashboard?year={y}", GENERATED).with(as("city"))).hasStatusOk()
			.bodyText();

		page.contains("2096年", "重大隐患整改率").contains("浦东新区", "普陀区", "崇明区");
		page.satisfies(body -> assertThat(body.substring(body.indexOf("id=\"row-total\""), body.indexOf("</tfoot>")))
			.as("the total row").contains(">2,738<", ">2,656<", ">97.0%<"));
	}

	@Test
	void theGeneratedYearIsSpreadOverEveryDistrictInProportionToItsEnterprises() {
		HazardDashboard.Dashboard city = asSystem(() -> dashboard.of(GENERATED, LocalDate.of(GENERATED, 12, 31)));

		assertThat(generated.added()).isEqualTo(102_738);
		assertThat(city.total().found()).isEqualTo(102_738);
		assertThat(city.total().major()).isEqualTo(2_738);
		assertThat(city.total().majorVerified()).isEqualTo(2_656);
		assertThat(city.total().verified()).isEqualTo(2_656 + 98_000);
		assertThat(city.total().open()).isEqualTo(82 + 2_000);
		assertThat(city.rows()).hasSize(16);
		long enterprises = enterprisesByDistrict.values().stream().mapToLong(Long::longValue).sum();
		for (HazardDashboard.Row row : city.rows()) {
			double expected = (double) enterprisesByDistrict.getOrDefault(row.code(), 0L) / enterprises;
			assertThat((double) row.found() / city.total().found()).as(row.name())
				.isCloseTo(expected, within(0.005 + expected * 0.1));
		}
	}

	@Test
	void generatedHazardsHaveTheirDeadlinesAndTheClosedOnesWereClosedWithinTheYearAndTheSeedAddsNothingTwice() {
		Map<String, Object> facts = asSystem(() -> jdbc.sql("""
				select count(*) filter (where deadline <> (found_at at time zone 'Asia/Shanghai')::date
				                          + case when major then 90 else 30 end) as wrong_deadlines,
				       count(*) filter (where status not in ('VERIFIED', 'RECTIFYING')) as other_states,
				       count(*) filter (where status = 'VERIFIED' and (verified_at is null or verified_at <= found_at
				                        or verified_at >= :end or submitted_at > verified_at)) as badly_closed,
				       count(distinct (found_at at time zone 'Asia/Shanghai')::date) as days
				from hazard where found_at >= :start and found_at < :end""")
			.param("start", HazardDashboard.startOf(GENERATED)).param("end", HazardDashboard.startOf(GENERATED + 1))
			.query().singleRow());

		assertThat(facts).containsEntry("wrong_deadlines", 0L).containsEntry("other_states", 0L)
			.containsEntry("badly_closed", 0L);
		assertThat((Long) facts.get("days")).isGreaterThan(360L);
		assertThat(generator.generate(HazardGenerator.Figures.ofSeeds(GENERATED), SEED, LocalDate.now()).added())
			.isZero();
	}

	@Test
	void theGenerateCommandMakesAYearOfHazardsWithTheSeedsMajorFiguresAndAsManyGeneralOnesAsAsked() throws Exception {
		ApplicationCommand generate = commands.stream().filter(c -> c.name().equals("generate")).findFirst().orElseThrow();

		assertThat(generate.run(List.of("--hazard-year", String.valueOf(BY_COMMAND), "--general-hazards", "100", "--seed", "7")))
			.isZero();

		HazardDashboard.Row total = asSystem(() -> dashboard.of(BY_COMMAND, LocalDate.of(BY_COMMAND, 12, 31))).total();
		assertThat(total.found()).isEqualTo(2_838);
		assertThat(total.major()).isEqualTo(2_738);
		assertThat(total.majorVerified()).isEqualTo(2_656);
		assertThat(total.verified()).isEqualTo(2_656 + 98);
	}

	@Test
	void aDistrictOfficerSeesOnlyItsStreetsAndItsTotalIsItsDistrictsRowInTheCityView() {
		HazardDashboard.Dashboard city = asSystem(() -> dashboard.of(GENERATED, LocalDate.now()));
		HazardDashboard.Row putuoInCity = city.rows().stream().filter(r -> "310107".equals(r.code())).findFirst()
			.orElseThrow();

		var json = assertThat(mvc.get().uri("/api/hazards/dashboard?year={y}", GENERATED).with(as("putuo")))
			.hasStatusOk()
			.bodyJson();
		json.extractingPath("$.rowLevel").isEqualTo("STREET");
		json.extractingPath("$.rows[*].code").asArray().isNotEmpty()
			.allSatisfy(code -> assertThat((String) code).startsWith("310107"));
		json.extractingPath("$.total.found").isEqualTo((int) putuoInCity.found());
		json.extractingPath("$.total.major").isEqualTo((int) putuoInCity.major());
		json.extractingPath("$.total.open").isEqualTo((int) putuoInCity.open());
		json.extractingPath("$.total.overdue").isEqualTo((int) putuoInCity.overdue());
		json.extractingPath("$.total.verified").isEqualTo((int) putuoInCity.verified());
		json.extractingPath("$.total.majorVerified").isEqualTo((int) putuoInCity.majorVerified());
		json.extractingPath("$.total.rectificationRate.shown").isEqualTo(putuoInCity.rectificationRate().shown());
		assertThat(mvc.get().uri("/hazards/dashboard?year={y}", GENERATED).with(as("putuo"))).hasStatusOk()
			.bodyText()
			.contains("长征镇", "街镇")
			.doesNotContain("浦东新区", "陆家嘴街道", "崇明区");
	}

	@Test
	void theApiAnswersTheFiguresOfThePage() {
		var json = assertThat(mvc.get().uri("/api/hazards/dashboard?year={y}", GENERATED).with(as("city")))
			.hasStatusOk()
			.bodyJson();

		json.extractingPath("$.year").isEqualTo(GENERATED);
		json.extractingPath("$.rowLevel").isEqualTo("DISTRICT");
		json.extractingPath("$.rows").asArray().hasSize(16);
		json.extractingPath("$.total.major").isEqualTo(2_738);
		json.extractingPath("$.total.majorVerified").isEqualTo(2_656);
		json.extractingPath("$.total.majorRectificationRate.percent").isEqualTo(97.0);
		json.extractingPath("$.total.majorRectificationRate.shown").isEqualTo("97.0%");
		assertThat(mvc.get().uri("/api/hazards/dashboard?year=1900").with(as("city")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("年份应在 2000 至 2100 之间");
	}

	@Test
	void aRateOfNothingShowsADashNeitherZeroNorAHundredPercent() {
		String uscc = asSystem(
				() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", "看板销号率测试五金厂")).uscc());
		hazard(uscc, false, "VERIFIED", LocalDate.of(ONE_CLOSED, 5, 1), LocalDate.of(ONE_CLOSED, 5, 31));

		var empty = assertThat(mvc.get().uri("/hazards/dashboard?year={y}", EMPTY).with(as("city"))).hasStatusOk()
			.bodyText();
		empty.contains("—").doesNotContain("0.0%", "100.0%");
		HazardDashboard.Dashboard oneClosed = asSystem(() -> dashboard.of(ONE_CLOSED, LocalDate.of(ONE_CLOSED, 12, 31)));
		assertThat(oneClosed.total().rectificationRate().shown()).isEqualTo("100.0%");
		assertThat(oneClosed.total().majorRectificationRate().shown()).isEqualTo("—");
		assertThat(oneClosed.total().majorRectificationRate().percent()).isNull();
		assertThat(oneClosed.rows().stream().filter(r -> r.found() == 0))
			.allSatisfy(r -> assertThat(r.rectificationRate().shown()).isEqualTo("—"));
		assertThat(mvc.get().uri("/api/hazards/dashboard?year={y}", ONE_CLOSED).with(as("putuo"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.total.majorRectificationRate.shown")
			.isEqualTo("—");
	}

	@Test
	void aHazardIsOverdueTheDayAfterItsDeadlineNotOnIt() {
		String uscc = asSystem(
				() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", "看板逾期测试机械厂")).uscc());
		LocalDate deadline = LocalDate.of(DEADLINES, 3, 10);
		LocalDate found = LocalDate.of(DEADLINES, 2, 8);
		hazard(uscc, false, "RECTIFYING", found, deadline.minusDays(1)); // yesterday's deadline, as of the 10th
		hazard(uscc, true, "RECTIFYING", found, deadline); // today's deadline
		hazard(uscc, false, "SUBMITTED", found, deadline.minusDays(5)); // waits for re-inspection: not overdue
		hazard(uscc, false, "VERIFIED", found, deadline.minusDays(5));

		HazardDashboard.Row onTheDay = asSystem(() -> dashboard.of(DEADLINES, deadline)).total();
		HazardDashboard.Row dayAfter = asSystem(() -> dashboard.of(DEADLINES, deadline.plusDays(1))).total();

		assertThat(onTheDay.found()).isEqualTo(4);
		assertThat(onTheDay.open()).isEqualTo(3);
		assertThat(onTheDay.overdue()).isEqualTo(1);
		assertThat(dayAfter.overdue()).isEqualTo(2);
		assertThat(dayAfter.major()).isEqualTo(1);
	}

	@Test
	void officersLeadersAndAdministratorsSeeTheDashboardLegalReviewersDoNot() {
		for (String staff : List.of("city", "putuo", "changzheng", "leader", "admin")) {
			assertThat(mvc.get().uri("/hazards/dashboard").with(as(staff))).as(staff).hasStatusOk();
		}
		assertThat(mvc.get().uri("/hazards/dashboard").with(as("legal"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/hazards/dashboard").with(as("legal"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	private void hazard(String uscc, boolean major, String status, LocalDate found, LocalDate deadline) {
		asSystem(() -> jdbc.sql("""
				insert into hazard (district_code, street_code, uscc, description, major, status, found_at, deadline)
				values ('310107', '310107102', :uscc, '看板测试隐患', :major, :status, :found, :deadline)""")
			.param("uscc", uscc).param("major", major).param("status", status)
			.param("found", found.atTime(10, 0).atZone(Zone.SHANGHAI).toOffsetDateTime())
			.param("deadline", deadline)
			.update());
	}
}
