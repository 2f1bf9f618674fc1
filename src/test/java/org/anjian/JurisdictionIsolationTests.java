package org.anjian;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.anjian.shared.database.SystemScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The district officer {@code putuo} (普陀区) tries every {@code /api/**} mapping of the application, with every
 * HTTP method it accepts, aimed at 浦东新区's resources: path variables name 浦东 rows, query parameters and
 * request bodies point at 浦东. Each answer must be 403 or 404, or a read that contains nothing of 浦东; and
 * afterwards 浦东's data must be exactly as before. A new mapping with a path variable this test cannot fill
 * fails the test until a 浦东 fixture is added for it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class JurisdictionIsolationTests {

	private static final String PUDONG = "310115";

	/** The import takes a file, not a JSON body: it is sent a file of 浦东 enterprises instead. */
	private static final String IMPORT = "/api/enterprises/import";

	/** The import page takes the same file and imports it in the background: the run must refuse the 浦东 row. */
	private static final String IMPORT_PAGE = "/enterprises/import";

	/**
	 * Monitoring systems' alarm intake: machine to machine by API key, not by login, so an officer's request (no key)
	 * gets 401 and stores nothing; a source reaches only its own district's enterprises (AlarmIntakeTests).
	 */
	private static final String ALARMS = "/api/alarms";

	/**
	 * Public by nature, not a district's resource: the city's division codes and names, every plan's seed
	 * commitment (body, year, status and a hash), which must be public for all bodies from the draft on, and the
	 * national holiday calendar. And an inspection code's page, QR image and rating: public to whoever holds the
	 * unguessable token, whatever the district (InspectionCodePageTests covers them, unknown tokens included). And the
	 * penalty catalogue and discretion benchmark: the law's fines and a computation on them that reads and writes no
	 * district's data (PenaltyApiTests).
	 */
	private static final Set<String> PUBLIC_REFERENCE = Set.of("/api/jurisdictions", "/api/jurisdictions/{code}",
			"/p/plans/commitments", "/api/calendar/{year}", "/calendar/{year}", "/p/ic/{token}", "/p/ic/{token}.png",
			"/p/ic/{token}/rating", ALARMS, "/api/penalty/catalogue", "/api/penalty/factors", "/api/penalty/discretion");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	EnterpriseRegistry registry;

	/** For each mapping pattern, the 浦东 value of each of its path variables. */
	private final Map<String, Map<String, String>> pudongFixtures = new LinkedHashMap<>();

	/** Strings that only 浦东's data contains: names, badge numbers, user names, codes. */
	private final Set<String> pudongMarkers = new TreeSet<>();

	private String pudongBody;

	private String pudongEnterprise;

	@Autowired
	org.anjian.grading.internal.WatchList watchList;

	@Autowired
	org.anjian.planning.Planning planning;

	@Autowired
	org.anjian.penalty.PenaltyProcedure penalties;

	@Autowired
	org.anjian.planning.PlanComposition composition;

	@Autowired
	org.anjian.planning.internal.PlanCampaigns campaigns;

	@Autowired
	org.anjian.shared.work.BackgroundWork works;

	@BeforeEach
	void knowPudong() {
		SystemScope.run("test", () -> {
			pudongBody = id("select id from enforcement_body where district_code = ? and street_code is null");
			String pudongStreetBody = id("select id from enforcement_body where street_code = '310115005'");
			String officer = id("select id from officer where district_code = ? order by id limit 1");
			String expert = id("select id from expert where district_code = ? order by id limit 1");
			String user = id("select id from app_user where district_code = ? order by id limit 1");
			assertThat(List.of(pudongBody, pudongStreetBody, officer, expert, user)).doesNotContainNull();
			pudongFixtures.put("/api/bodies/{id}", Map.of("id", pudongBody));
			pudongFixtures.put("/api/officers/{id}", Map.of("id", officer));
			pudongFixtures.put("/api/experts/{id}", Map.of("id", expert));
			pudongFixtures.put("/api/admin/users/{id}", Map.of("id", user));
			pudongFixtures.put("/api/admin/users/{id}/password", Map.of("id", user));
			String enterprise = id("select uscc from enterprise where district_code = ? order by uscc limit 1");
			if (enterprise == null) {
				enterprise = registry.register(TestEnterprises.chemicalStore(PUDONG, "310115104", "浦东隔离测试化工仓储有限公司")).uscc();
			}
			for (String suffix : List.of("", "/supervision", "/contact", "/suspension", "/resumption", "/deregistration",
					"/accounts", "/accounts/links")) {
				pudongFixtures.put("/api/enterprises/{uscc}" + suffix, Map.of("uscc", enterprise));
				pudongFixtures.put("/enterprises/{uscc}" + suffix, Map.of("uscc", enterprise));
			}
			pudongFixtures.put("/enterprises/{uscc}/edit", Map.of("uscc", enterprise));
			pudongEnterprise = enterprise;
			String penaltyCase = id("select id from penalty_case where district_code = ? order by id limit 1");
			if (penaltyCase == null) {
				String uscc = enterprise;
				penaltyCase = Long.toString(org.anjian.Acting.as("pudong", () -> penalties.file(uscc,
						org.anjian.penalty.Party.UNIT, "SL97-initial-unit", "浦东隔离测试的涉嫌违法事实")).id());
			}
			for (String suffix : List.of("", "/approval", "/refusal", "/investigation-end", "/further-investigation",
					"/legal-review", "/legal-review/pass", "/legal-review/refusal", "/notice", "/hearing-request",
					"/hearing", "/discussion", "/decision", "/no-penalty", "/transfer", "/extension", "/delivery",
					"/payment", "/closing", "/evidence", "/discretion", "/defence", "/deferral")) {
				pudongFixtures.put("/api/penalty-cases/{id}" + suffix, Map.of("id", penaltyCase));
				pudongFixtures.put("/penalty-cases/{id}" + suffix, Map.of("id", penaltyCase));
			}
			pudongFixtures.put("/penalty-cases/{id}/legal-review/{outcome}", Map.of("id", penaltyCase, "outcome", "pass"));
			// a 浦东 case approved (its 立案审批表 issued and numbered) with an inquiry record: its documents
			String documentedCase = id("select min(id)::text from penalty_case where district_code = ?"
					+ " and facts = '浦东隔离测试的文书案件' and opened_on is not null");
			if (documentedCase == null) {
				String uscc = enterprise;
				long filed = org.anjian.Acting.as("pudong", () -> penalties.file(uscc, org.anjian.penalty.Party.UNIT,
						"SL97-initial-unit", "浦东隔离测试的文书案件")).id();
				org.anjian.Acting.as("leader", () -> penalties.approveFiling(filed, List.of("pudong", "浦东隔离测试办案人员"), null));
				org.anjian.Acting.as("pudong", () -> penalties.recordEvidence(filed, org.anjian.penalty.Evidence.Kind.INQUIRY,
						"浦东隔离测试的询问笔录", null));
				documentedCase = Long.toString(filed);
			}
			String inquiry = id("select min(id)::text from penalty_evidence where case_id = " + documentedCase);
			pudongFixtures.put("/penalty-cases/{id}/documents/{kind}", Map.of("id", documentedCase, "kind", "filing-approval"));
			pudongFixtures.put("/penalty-cases/{id}/documents/inquiry/{evidenceId}",
					Map.of("id", documentedCase, "evidenceId", inquiry));
			pudongFixtures.put("/my/penalty-cases/{id}/documents/{kind}", Map.of("id", documentedCase, "kind", "notice"));
			pudongMarkers.addAll(strings("select number from penalty_document where district_code = ?"));
			pudongMarkers.addAll(List.of("浦东隔离测试的文书案件", "浦东隔离测试的询问笔录", "浦东隔离测试办案人员"));
			// the enterprise's own pages of its cases (an officer is not its user: refused)
			for (String path : List.of("/my/penalty-cases/{id}", "/my/penalty-cases/{id}/defence",
					"/my/penalty-cases/{id}/defence-waiver", "/my/penalty-cases/{id}/hearing-request")) {
				pudongFixtures.put(path, Map.of("id", penaltyCase));
			}
			pudongMarkers.addAll(strings("select facts from penalty_case where district_code = ?"));
			// a 浦东 case drawn for case-file review (案卷评查): the draw and its review
			String review = id("select min(id)::text from case_file_review where district_code = ?");
			if (review == null) {
				String draw = jdbc.sql("insert into case_file_draw (body_id, district_code, period_from, period_to, algorithm,"
						+ " seed, share, candidates, candidates_sha256, major_count, other_count, sampled_count, drawn_by, drawn_at)"
						+ " values (" + pudongBody + ", '" + PUDONG + "', date '2099-01-01', date '2099-01-31',"
						+ " 'anjian-case-file-draw-v1', '浦东隔离测试评查种子', 0.2, '" + penaltyCase + ",OTHER', repeat('c', 64),"
						+ " 0, 1, 1, 'pudong', now()) returning id::text").query(String.class).single();
				review = jdbc.sql("insert into case_file_review (draw_id, case_id, body_id, district_code, selection, ticket,"
						+ " status) values (" + draw + ", " + penaltyCase + ", " + pudongBody + ", '" + PUDONG + "', 'SAMPLED',"
						+ " repeat('d', 64), 'DRAWN') returning id::text").query(String.class).single();
			}
			pudongFixtures.put("/penalty-reviews/{id}", Map.of("id", review));
			pudongMarkers.add("浦东隔离测试评查种子");
			for (String path : List.of("/api/enterprises/{uscc}/portrait", "/api/enterprises/{uscc}/facts",
					"/enterprises/{uscc}/portrait")) {
				pudongFixtures.put(path, Map.of("uscc", enterprise));
			}
			String watched = id("select id from watch_entry where district_code = ? and removed_at is null limit 1");
			if (watched == null) {
				watched = String.valueOf(watchList.add(enterprise, "浦东隔离测试：列入不放心企业").id());
			}
			for (String path : List.of("/api/watch-list/{id}/removal", "/watch-list/{id}/removal")) {
				pudongFixtures.put(path, Map.of("id", watched));
			}
			// the scoring policy is the city's, not a district's: a district officer may read it but change nothing
			for (String path : List.of("/api/scoring-policies/{version}", "/api/admin/scoring-policies/{version}",
					"/api/admin/scoring-policies/{version}/preview", "/api/admin/scoring-policies/{version}/activation",
					"/admin/scoring/{version}", "/admin/scoring/{version}/activation")) {
				pudongFixtures.put(path, Map.of("version", "1"));
			}
			// a 浦东 plan, composed but not published: its draws are not public yet either
			String plan = id("select id from annual_plan where district_code = ? and street_code is null and year = 2099");
			if (plan == null) {
				plan = String.valueOf(planning.open(Long.parseLong(pudongBody), 2099, null, "test").id());
				composition.compose(Long.parseLong(plan));
			}
			// a 浦东 campaign of that plan, for the campaign paths
			String campaign = id("select min(id)::text from plan_campaign where plan_id = " + plan);
			if (campaign == null) {
				campaign = String.valueOf(campaigns.add(Long.parseLong(plan), new org.anjian.planning.internal.CampaignForm(
						"浦东隔离测试专项", List.of(), List.of(), List.of("CONFINED_SPACE"), List.of(), 3, 5,
						List.of("有限空间作业安全"))).id());
			}
			String item = id("select min(id)::text from plan_item where plan_id = " + plan);
			String draw = id("select coalesce(min(id), 0)::text from plan_draw where plan_id = " + plan);
			assertThat(item).isNotNull();
			for (String path : List.of("/api/plans/{id}", "/api/plans/{id}/items", "/api/plans/{id}/draws",
					"/api/plans/{id}/composition", "/api/plans/{id}/submission", "/api/plans/{id}/return",
					"/api/plans/{id}/approval", "/api/plans/{id}/publication", "/api/plans/{id}/spot-checks",
					"/api/plans/{id}/second-inspections", "/api/plans/{id}/amendments", "/api/plans/{id}/schedule",
					"/api/plans/{id}/campaigns", "/plans/{id}/campaigns", "/plans/{id}/settings",
					"/plans/{id}", "/plans/{id}/composition", "/plans/{id}/schedule", "/plans/{id}/submission",
					"/plans/{id}/return", "/plans/{id}/approval", "/plans/{id}/publication")) {
				pudongFixtures.put(path, Map.of("id", plan));
			}
			pudongFixtures.put("/api/plans/{id}/items/{itemId}/withdrawal", Map.of("id", plan, "itemId", item));
			pudongFixtures.put("/api/plans/{id}/campaigns/{campaignId}", Map.of("id", plan, "campaignId", campaign));
			pudongFixtures.put("/plans/{id}/campaigns/{campaignId}/removal", Map.of("id", plan, "campaignId", campaign));
			for (String path : List.of("/p/draws/{id}", "/p/draws/{id}/candidates.csv", "/p/draws/{id}/officers.csv",
					"/p/draws/{id}/teams.csv")) {
				pudongFixtures.put(path, Map.of("id", draw));
			}
			// a 浦东 officer's conflict of interest and absence; the national calendar's edits are an administrator's
			String recusal = id("select min(id)::text from officer_recusal where district_code = ?");
			if (recusal == null) {
				recusal = jdbc.sql("insert into officer_recusal (officer_id, district_code, street_code, uscc, reason, declared_by)"
						+ " select id, district_code, street_code, '" + enterprise + "', '浦东隔离测试回避', 'test' from officer"
						+ " where id = " + officer + " returning id::text").query(String.class).single();
			}
			String absence = id("select min(id)::text from officer_absence where district_code = ?");
			if (absence == null) {
				absence = jdbc.sql("insert into officer_absence (officer_id, district_code, street_code, starts_on, ends_on, reason,"
						+ " recorded_by) select id, district_code, street_code, current_date + 700, current_date + 701,"
						+ " '浦东隔离测试请假', 'test' from officer where id = " + officer + " returning id::text").query(String.class).single();
			}
			for (String prefix : List.of("/api", "")) {
				pudongFixtures.put(prefix + "/officers/{officerId}/recusals", Map.of("officerId", officer));
				pudongFixtures.put(prefix + "/officers/{officerId}/recusals/{recusalId}/withdrawal",
						Map.of("officerId", officer, "recusalId", recusal));
				pudongFixtures.put(prefix + "/officers/{officerId}/absences", Map.of("officerId", officer));
			}
			pudongFixtures.put("/api/officers/{officerId}/absences/{absenceId}", Map.of("officerId", officer, "absenceId", absence));
			pudongFixtures.put("/officers/{officerId}/absences/{absenceId}/removal",
					Map.of("officerId", officer, "absenceId", absence));
			for (String path : List.of("/api/calendar/days/{day}", "/api/calendar/days/{day}/verification",
					"/calendar/days/{day}/verification", "/calendar/days/{day}/removal")) {
				pudongFixtures.put(path, Map.of("day", "2026-10-01"));
			}
			for (String path : List.of("/api/calendar/{year}/verification", "/calendar/{year}/verification")) {
				pudongFixtures.put(path, Map.of("year", "2026"));
			}
			// a 浦东 inspection task, opened by hand
			String task = id("select min(id)::text from inspection_task where district_code = ?");
			if (task == null) {
				task = jdbc.sql("insert into inspection_task (body_id, district_code, uscc, origin, reason, matters, status,"
						+ " code_token, created_by) values (" + pudongBody + ", '" + PUDONG + "', '" + enterprise
						+ "', 'MANUAL', '浦东隔离测试检查', array['隐患排查治理'], 'OPEN', 'pudong-isolation-test-token-0000000000000000',"
						+ " 'test') returning id::text").query(String.class).single();
			}
			for (String suffix : List.of("", "/officers", "/plan", "/plan-submission", "/plan-approval", "/plan-return",
					"/cancellation", "/record", "/finish")) {
				pudongFixtures.put("/inspections/{id}" + suffix, Map.of("id", task));
			}
			pudongFixtures.put("/inspections/{id}/results/{checklistItemId}", Map.of("id", task, "checklistItemId", "1"));
			for (String suffix : List.of("", "/plan", "/results", "/finish")) {
				pudongFixtures.put("/api/inspections/{id}" + suffix, Map.of("id", task));
			}
			pudongFixtures.put("/api/inspections/{id}/results/{checklistItemId}", Map.of("id", task, "checklistItemId", "1"));
			pudongFixtures.put("/inspections/{id}/plan/items", Map.of("id", task));
			pudongFixtures.put("/inspections/{id}/plan/items/{checklistItemId}/removal", Map.of("id", task, "checklistItemId", "1"));
			pudongFixtures.put("/inspections/{id}/photos", Map.of("id", task));
			pudongFixtures.put("/inspections/{id}/photos/{photoId}", Map.of("id", task, "photoId", "1"));
			pudongFixtures.put("/inspections/{id}/experts", Map.of("id", task));
			for (String suffix : List.of("/opinion", "/confirmation")) {
				pudongFixtures.put("/inspections/{id}/experts/{participantId}" + suffix, Map.of("id", task, "participantId", "1"));
			}
			// a finished 浦东 inspection with a major hazard, so that every document of it exists for 浦东's own staff
			String finishedTask = id("select min(id)::text from inspection_task where district_code = ? and status = 'FINISHED'");
			if (finishedTask == null) {
				finishedTask = String.valueOf(new org.anjian.inspection.InspectionCodeFixtures(jdbc, registry)
					.task(PUDONG, "浦东隔离测试检查对象", "FINISHED").id());
			}
			for (String document : List.of("record", "rectification-order", "on-site-measures")) {
				pudongFixtures.put("/inspections/{id}/" + document + ".pdf", Map.of("id", finishedTask));
			}
			pudongFixtures.put("/hazards/of-task/{taskId}", Map.of("taskId", finishedTask));
			// a 浦东 remote task (非现场检查) with one item and one material its enterprise sent
			String remoteTask = id("select min(id)::text from inspection_task where district_code = ? and mode = 'REMOTE'");
			if (remoteTask == null) {
				remoteTask = jdbc.sql("insert into inspection_task (body_id, district_code, uscc, origin, reason, mode, matters,"
						+ " status, code_token, created_by) values (" + pudongBody + ", '" + PUDONG + "', '" + enterprise
						+ "', 'MANUAL', '浦东隔离测试非现场检查', 'REMOTE', array['隐患排查治理'], 'PLAN_APPROVED',"
						+ " 'pudong-isolation-remote-token-00000000000000', 'test') returning id::text").query(String.class).single();
			}
			String remoteItem = id("select min(checklist_item_id)::text from inspection_plan_item where task_id = " + remoteTask);
			if (remoteItem == null) {
				jdbc.sql("insert into checklist_item (code, module, text, legal_basis, remote_eligible) values ('ISOLATION-REMOTE-1',"
						+ " 'GENERAL', '浦东隔离测试资料核查项', '《中华人民共和国安全生产法》', true) on conflict (code) do nothing").update();
				remoteItem = id("select id::text from checklist_item where code = 'ISOLATION-REMOTE-1'");
				jdbc.sql("insert into inspection_plan_item (task_id, checklist_item_id, district_code, module, position) values ("
						+ remoteTask + ", " + remoteItem + ", '" + PUDONG + "', 'GENERAL', 1)").update();
			}
			String material = id("select min(id)::text from inspection_material where task_id = " + remoteTask);
			if (material == null) {
				material = jdbc.sql("insert into inspection_material (task_id, checklist_item_id, district_code, uscc, file_name,"
						+ " content_type, size_bytes, sha256, data, uploaded_by) values (" + remoteTask + ", " + remoteItem + ", '"
						+ PUDONG + "', '" + enterprise + "', '浦东隔离测试材料.pdf', 'application/pdf', 9, repeat('a', 64),"
						+ " convert_to('%PDF-1.4 ', 'UTF8'), 'test') returning id::text").query(String.class).single();
			}
			for (String suffix : List.of("/remote-plan", "/materials")) {
				pudongFixtures.put("/inspections/{id}" + suffix, Map.of("id", remoteTask));
			}
			pudongFixtures.put("/inspections/{id}/materials/{materialId}", Map.of("id", remoteTask, "materialId", material));
			pudongFixtures.put("/my/inspections/{id}/items/{checklistItemId}/materials",
					Map.of("id", remoteTask, "checklistItemId", remoteItem));
			pudongMarkers.addAll(strings("select file_name from inspection_material where district_code = ?"));
			pudongMarkers.addAll(strings("select reason from inspection_task where district_code = ? and mode = 'REMOTE'"));
			pudongMarkers.addAll(strings("select description from hazard where district_code = ?"));
			// a 浦东 brigade's own checklist item (city-wide items are everyone's by nature); edits are an administrator's
			jdbc.sql("insert into checklist_item (code, module, text, legal_basis, active, district_code)"
					+ " values ('PD-ISOLATION-1', 'GENERAL', '浦东隔离测试检查项', '浦东隔离测试依据', false, '" + PUDONG + "')"
					+ " on conflict (code) do nothing").update();
			String checklistItem = id("select id::text from checklist_item where code = 'PD-ISOLATION-1'");
			for (String path : List.of("/api/checklists/{id}", "/api/checklists/{id}/versions",
					"/api/checklists/{id}/deactivation", "/api/checklists/{id}/activation", "/checklists/{id}",
					"/checklists/{id}/deactivation", "/checklists/{id}/activation")) {
				pudongFixtures.put(path, Map.of("id", checklistItem));
			}
			pudongMarkers.addAll(List.of("PD-ISOLATION-1", "浦东隔离测试检查项", "浦东隔离测试依据"));
			pudongMarkers.addAll(strings("select reason from officer_recusal where district_code = ?"));
			pudongMarkers.addAll(strings("select reason from officer_absence where district_code = ?"));
			pudongMarkers.addAll(strings("select uscc from enterprise where district_code = ?"));
			pudongMarkers.addAll(strings("select name from enterprise where district_code = ?"));
			pudongFixtures.put("/organization/bodies/{id}", Map.of("id", pudongBody));
			pudongFixtures.put("/organization/officers/{id}", Map.of("id", officer));
			pudongFixtures.put("/organization/officers/{id}/edit", Map.of("id", officer));
			pudongFixtures.put("/organization/experts/{id}", Map.of("id", expert));
			pudongFixtures.put("/organization/experts/{id}/edit", Map.of("id", expert));
			pudongFixtures.put("/admin/users/{id}", Map.of("id", user));
			pudongFixtures.put("/admin/users/{id}/edit", Map.of("id", user));
			pudongFixtures.put("/admin/users/{id}/password", Map.of("id", user));
			if (accounts.findByUsername("putuo-leader").isEmpty()) {
				accounts.save(UserAccount.open("putuo-leader", "普陀大队领导", "x", Set.of(Role.LEADER),
						JurisdictionScope.district("310107"), null));
			}
			pudongMarkers.add(PUDONG);
			pudongMarkers.addAll(strings("select name from enforcement_body where district_code = ?"));
			pudongMarkers.addAll(strings("select name from officer where district_code = ?"));
			pudongMarkers.addAll(strings("select badge_number from officer where district_code = ?"));
			pudongMarkers.addAll(strings("select name from expert where district_code = ?"));
			pudongMarkers.addAll(strings("select username from app_user where district_code = ?"));
			pudongMarkers.addAll(strings("select display_name from app_user where district_code = ?"));
			// a 浦东 major hazard listed for supervision (挂牌督办) with a progress report, and notified to another department (抄告)
			String listedHazard = id("select min(h.id)::text from hazard h join hazard_listing l on l.hazard_id = h.id"
					+ " where h.district_code = ?");
			if (listedHazard == null) {
				listedHazard = jdbc.sql("insert into hazard (district_code, uscc, description, major, status, found_at, deadline)"
						+ " values ('" + PUDONG + "', '" + enterprise + "', '浦东隔离测试挂牌重大隐患', true, 'RECTIFYING', now(),"
						+ " current_date + 30) returning id::text").query(String.class).single();
				String listing = jdbc.sql("insert into hazard_listing (district_code, hazard_id, uscc, level, responsible_name,"
						+ " responsible_position, responsible_phone, due_on, reason, status, listed_by, listed_at) values ('" + PUDONG
						+ "', " + listedHazard + ", '" + enterprise + "', 'DISTRICT', '浦东隔离测试责任人', '浦东隔离测试职务',"
						+ " '021-50000000', current_date + 60, '浦东隔离测试督办理由', 'LISTED', 'pudong', now()) returning id::text")
					.query(String.class).single();
				jdbc.sql("insert into hazard_progress (district_code, listing_id, uscc, reported_on, text, reported_by, by_enterprise)"
						+ " values ('" + PUDONG + "', " + listing + ", '" + enterprise + "', current_date, '浦东隔离测试整改进展',"
						+ " 'pudong', false)").update();
			}
			String notice = id("select min(id)::text from department_notice where district_code = ?");
			if (notice == null) {
				notice = jdbc.sql("insert into department_notice (district_code, hazard_id, uscc, body_id, department, department_name,"
						+ " request, reply_by, status, sent_by, sent_at) values ('" + PUDONG + "', " + listedHazard + ", '" + enterprise
						+ "', " + pudongBody + ", 'OTHER', '浦东隔离测试接收部门', '浦东隔离测试抄告事项', current_date + 15, 'SENT',"
						+ " 'pudong', now()) returning id::text").query(String.class).single();
			}
			String noticeHazard = id("select hazard_id::text from department_notice where id = " + notice);
			for (String suffix : List.of("/listing", "/listing/progress", "/listing/delisting")) {
				pudongFixtures.put("/hazards/{id}" + suffix, Map.of("id", listedHazard));
			}
			pudongFixtures.put("/hazards/{id}/notices", Map.of("id", noticeHazard));
			pudongFixtures.put("/hazards/{id}/notices/{noticeId}/reply", Map.of("id", noticeHazard, "noticeId", notice));
			pudongFixtures.put("/hazards/{id}/notices/{noticeId}.pdf", Map.of("id", noticeHazard, "noticeId", notice));
			pudongMarkers.addAll(strings("select description from hazard where district_code = ?"));
			pudongMarkers.addAll(strings("select responsible_name from hazard_listing where district_code = ?"));
			pudongMarkers.addAll(strings("select reason from hazard_listing where district_code = ?"));
			pudongMarkers.addAll(strings("select text from hazard_progress where district_code = ?"));
			pudongMarkers.addAll(strings("select request from department_notice where district_code = ?"));
			pudongMarkers.addAll(strings("select department_name from department_notice where district_code = ? and department = 'OTHER'"));
			// a 浦东 hazard awaiting re-inspection, with one evidence file its enterprise sent (the hazard pages)
			String hazard = id("select min(id)::text from hazard where district_code = ? and description = '浦东隔离测试隐患'");
			if (hazard == null) {
				hazard = jdbc.sql("insert into hazard (district_code, uscc, description, major, status, found_at, deadline,"
						+ " rectification_note, submitted_at) values ('" + PUDONG + "', '" + enterprise + "', '浦东隔离测试隐患',"
						+ " true, 'SUBMITTED', now(), current_date + 10, '浦东隔离测试整改说明', now()) returning id::text")
					.query(String.class).single();
			}
			String evidence = id("select min(id)::text from hazard_evidence where hazard_id = " + hazard);
			if (evidence == null) {
				evidence = jdbc.sql("insert into hazard_evidence (hazard_id, district_code, uscc, file_name, content_type,"
						+ " size_bytes, sha256, data, uploaded_by) values (" + hazard + ", '" + PUDONG + "', '" + enterprise
						+ "', '浦东隔离测试整改照片.pdf', 'application/pdf', 9, repeat('b', 64), convert_to('%PDF-1.4 ', 'UTF8'),"
						+ " 'test') returning id::text").query(String.class).single();
			}
			for (String path : List.of("/hazards/{id}", "/hazards/{id}/rectification-order", "/hazards/{id}/verification",
					"/hazards/{id}/reinspection-failure", "/api/hazards/{id}", "/api/hazards/{id}/verification",
					"/api/hazards/{id}/reinspection-failure", "/my/hazards/{id}", "/my/hazards/{id}/evidence")) {
				pudongFixtures.put(path, Map.of("id", hazard));
			}
			for (String path : List.of("/hazards/{id}/evidence/{fileId}", "/my/hazards/{id}/evidence/{fileId}")) {
				pudongFixtures.put(path, Map.of("id", hazard, "fileId", evidence));
			}
			pudongMarkers.addAll(strings("select description from hazard where district_code = ?"));
			pudongMarkers.addAll(strings("select rectification_note from hazard where district_code = ? and rectification_note is not null"));
			pudongMarkers.addAll(strings("select file_name from hazard_evidence where district_code = ?"));
			// triggered inspection: a 浦东 monitoring source, one of its alarms and the trigger it recorded on the 浦东
			// task; the trigger rules are the city's (an administrator's), any rule will do
			jdbc.sql("insert into alarm_source (name, district_code, key_hash, registered_by) values ('浦东隔离测试监测源', '"
					+ PUDONG + "', repeat('b', 64), 'test') on conflict (name) do nothing").update();
			String alarmSource = id("select id::text from alarm_source where name = '浦东隔离测试监测源'");
			jdbc.sql("insert into alarm (source_id, source_alarm_id, district_code, uscc, kind, occurred_at, message) values ("
					+ alarmSource + ", 'PD-ISOLATION-ALARM', '" + PUDONG + "', '" + enterprise + "', 'DUST_CONCENTRATION', now(),"
					+ " '浦东隔离测试报警') on conflict (source_id, source_alarm_id) do nothing").update();
			jdbc.sql("insert into trigger_record (district_code, uscc, origin, cause, signal, reason, outcome, task_id) values ('"
					+ PUDONG + "', '" + enterprise + "', 'EVENT', 'HAZARD_OVERDUE', 'pudong-isolation-trigger',"
					+ " '浦东隔离测试触发事由', 'OPENED', " + task + ") on conflict (signal) do nothing").update();
			pudongFixtures.put("/admin/alarm-sources/{id}/deactivation", Map.of("id", alarmSource));
			// a 浦东 background run (an import of the district's), ended with its outcome
			String run = id("select min(id)::text from background_work where district_code = ? and kind = 'test.isolation'");
			if (run == null) {
				run = jdbc.sql("insert into background_work (kind, subject, label, status, district_code, started_by, started_at,"
						+ " beat_at, finished_at, message) values ('test.isolation', '" + PUDONG + "', '浦东隔离测试后台任务', 'DONE',"
						+ " '" + PUDONG + "', 'pudong', now(), now(), now(), '浦东隔离测试后台结果') returning id::text")
					.query(String.class).single();
			}
			for (String path : List.of("/work/{id}", "/api/work/{id}")) {
				pudongFixtures.put(path, Map.of("id", run));
			}
			pudongMarkers.addAll(List.of("浦东隔离测试后台任务", "浦东隔离测试后台结果"));
			pudongFixtures.put("/admin/trigger-rules/{id}", Map.of("id", id("select min(id)::text from trigger_rule")));
			// the penalty catalogue and its exempt list are the city's (an administrator's): any entry, item and row will do
			for (String path : List.of("/admin/penalty-catalogue/entries/{id}", "/admin/penalty-catalogue/entries/{id}/revisions",
					"/admin/penalty-catalogue/entries/{id}/links")) {
				pudongFixtures.put(path, Map.of("id", "SL97-initial-unit"));
			}
			pudongFixtures.put("/admin/penalty-catalogue/entries/{id}/links/{item}/removal", Map.of("id",
					"SL97-initial-unit", "item", id("select min(checklist_item_id)::text from penalty_checklist_link")));
			for (String path : List.of("/admin/penalty-catalogue/exemptions/{id}",
					"/admin/penalty-catalogue/exemptions/{id}/withdrawal")) {
				pudongFixtures.put(path, Map.of("id", id("select min(id)::text from penalty_exemption")));
			}
			pudongMarkers.addAll(List.of("浦东隔离测试监测源", "PD-ISOLATION-ALARM", "浦东隔离测试报警", "浦东隔离测试触发事由"));

			// a 浦东 background run (a plan's scheduling, say) and its progress
			jdbc.sql("insert into background_work (kind, subject, label, status, done, total, message, district_code,"
					+ " started_by, started_at, beat_at, finished_at) select 'isolation.test', 'pudong', '浦东隔离测试后台任务',"
					+ " 'DONE', 3, 3, '浦东隔离测试后台结果', '" + PUDONG + "', 'pudong', now(), now(), now()"
					+ " where not exists (select 1 from background_work where kind = 'isolation.test')").update();
			String work = id("select id::text from background_work where kind = 'isolation.test'");
			pudongFixtures.put("/work/{id}", Map.of("id", work));
			pudongFixtures.put("/api/work/{id}", Map.of("id", work));
			pudongMarkers.addAll(List.of("浦东隔离测试后台任务", "浦东隔离测试后台结果"));
		});
	}

	@Test
	void putuoOfficerNeverReadsNorChangesPudongDataThroughAnyApi() throws Exception {
		tryEveryMapping("putuo", true);
	}

	/** A 普陀 leader may appoint officers and register experts: only the jurisdiction stops them in 浦东. */
	@Test
	void putuoLeaderNeverReadsNorChangesPudongDataThroughAnyApi() throws Exception {
		tryEveryMapping("putuo-leader", true);
	}

	@Test
	void putuoOfficerAndLeaderNeverReadNorChangePudongDataThroughAnyPage() throws Exception {
		tryEveryMapping("putuo", false);
		tryEveryMapping("putuo-leader", false);
	}

	private void tryEveryMapping(String username, boolean api) throws Exception {
		String before = pudongSnapshot();
		List<String> leaks = new ArrayList<>();
		int attempts = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : entry.getKey().getPathPatternsCondition().getPatternValues()) {
				boolean apiPattern = pattern.startsWith("/api/");
				if (apiPattern != api || PUBLIC_REFERENCE.contains(pattern) || pattern.startsWith("/error")) {
					continue;
				}
				for (HttpMethod method : methods(entry.getKey())) {
					attempts++;
					String uri = fill(pattern) + "?district=" + PUDONG + "&districtCode=" + PUDONG + "&bodyId=" + pudongBody
							+ "&scope=" + PUDONG + "&q=浦东";
					boolean upload = IMPORT.equals(pattern) || IMPORT_PAGE.equals(pattern) && method == HttpMethod.POST;
					MockHttpServletResponse response = mvc.perform((upload
							? multipart(uri).file(new MockMultipartFile("file", "浦东.csv", "text/csv", pudongImport()))
							: request(method, uri)
								.contentType(api ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED)
								.content(api ? pudongBody() : pudongForm()))
						.with(user(users.loadUserByUsername(username)))
						.with(csrf())).andReturn().getResponse();
					String verdict = IMPORT.equals(pattern) && response.getStatus() == 400
							&& response.getContentAsString().contains("不在您的管辖范围") ? null // the 浦东 row refused, nothing imported
							: upload && refusedInTheBackground(response) ? null // the same, by the run the page started
							: judge(method, response, api);
					if (verdict != null) {
						leaks.add(username + ": " + method + " " + uri + " → " + response.getStatus() + ": " + verdict);
					}
				}
			}
		}
		assertThat(attempts).as("operations tried").isGreaterThanOrEqualTo(api ? 15 : 12);
		assertThat(leaks).as("answers that gave or changed 浦东 data").isEmpty();
		assertThat(pudongSnapshot()).as("浦东's data after all attempts").isEqualTo(before);
	}

	/** Whether the page started an import whose run refused the 浦东 row, writing nothing. */
	private boolean refusedInTheBackground(MockHttpServletResponse response) {
		Matcher started = Pattern.compile("/enterprises/import\\?work=(\\d+)").matcher(String.valueOf(response.getRedirectedUrl()));
		if (!started.matches()) {
			return false;
		}
		long run = Long.parseLong(started.group(1));
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> !SystemScope.call("test", () -> works.find(run)).running());
		org.anjian.shared.work.Work ended = SystemScope.call("test", () -> works.find(run));
		return ended.status() == org.anjian.shared.work.WorkStatus.FAILED && ended.message().contains("不在您的管辖范围");
	}

	/** Null when the answer is acceptable, else why not. */
	private String judge(HttpMethod method, MockHttpServletResponse response, boolean api) throws Exception {
		int status = response.getStatus();
		if (status == 403 || status == 404) {
			return null;
		}
		if (status >= 200 && status < 300 && method == HttpMethod.GET) {
			String body = response.getContentAsString();
			for (String marker : pudongMarkers) {
				// pages offer every district in their filters (public reference data), so codes alone prove nothing there
				if (body.contains(marker) && (api || !marker.equals(PUDONG))) {
					return "answer contains 浦东 data “" + marker + "”";
				}
			}
			return null;
		}
		return "a change aimed at 浦东 must be refused with 403 or 404: " + response.getContentAsString();
	}

	private String fill(String pattern) {
		Matcher matcher = VARIABLE.matcher(pattern);
		if (!matcher.find()) {
			return pattern;
		}
		Map<String, String> fixture = pudongFixtures.get(pattern);
		assertThat(fixture).as("a 浦东 fixture for the path variables of %s (add one to this test)", pattern).isNotNull();
		StringBuilder uri = new StringBuilder();
		matcher.reset();
		while (matcher.find()) {
			String value = fixture.get(matcher.group(1));
			assertThat(value).as("浦东 value for {%s} in %s", matcher.group(1), pattern).isNotNull();
			matcher.appendReplacement(uri, value);
		}
		matcher.appendTail(uri);
		return uri.toString();
	}

	private static Set<HttpMethod> methods(RequestMappingInfo info) {
		Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
		Set<HttpMethod> methods = new TreeSet<>((a, b) -> a.name().compareTo(b.name()));
		if (declared.isEmpty()) {
			methods.addAll(List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE));
		}
		else {
			declared.forEach(m -> methods.add(m.asHttpMethod()));
		}
		return methods;
	}

	/** A body that points at 浦东 in every way the API's requests can. */
	private String pudongBody() {
		return """
				{"uscc":"%s","sector":"HAZCHEM","sectorSubtype":"STORAGE","scale":"SMALL","level":"DISTRICT","reason":"越权",
				 "safetyManager":"越权","name":"越权测试","badgeNumber":"31011599999","bodyId":%s,"districtCode":"%s","streetCode":"310115005",
				 "scopeCode":"%s","username":"intruder","displayName":"越权测试","roles":["DISTRICT_OFFICER"],
				 "password":"anjian2026x","field":"x","organisation":"x","qualification":"x","active":false,
				 "enabled":false,"version":0}
				""".formatted(TestEnterprises.code(PUDONG), pudongBody, PUDONG, PUDONG);
	}

	/** An import file of one 浦东 enterprise. */
	private byte[] pudongImport() {
		return ("统一社会信用代码,企业名称,区,街镇,行业领域,子类,规模\r\n" + TestEnterprises.code(PUDONG)
				+ ",越权测试,浦东新区,陆家嘴街道,危险化学品,储存,小型\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The same, as a page form would post it. */
	private String pudongForm() {
		return "name=越权测试&badgeNumber=31011599998&bodyId=" + pudongBody + "&district=" + PUDONG + "&street=310115005"
				+ "&username=intruder2&displayName=越权测试&roles=DISTRICT_OFFICER&password=anjian2026x&field=x"
				+ "&organisation=x&qualification=x&active=false&enabled=false&version=0&uscc=" + pudongEnterprise;
	}

	/** Everything of 浦东 that any endpoint could change, and how many rows each table has. */
	private String pudongSnapshot() {
		return SystemScope.call("test", () -> jdbc.sql("""
				select concat_ws('|',
				  (select md5(string_agg(t::text, ',' order by id)) from enforcement_body t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from officer t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from expert t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from app_user t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by uscc)) from enterprise t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from watch_entry t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from risk_fact t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from annual_plan t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from plan_item t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from plan_draw t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from officer_recusal t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from officer_absence t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by day)) from public_holiday t),
				  (select md5(string_agg(t::text, ',' order by id)) from plan_campaign t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from inspection_task t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by task_id)) from inspection_rating t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from hazard t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from checklist_item t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from checklist_item t where district_code is null),
				  (select count(*) from checklist_item_version),
				  (select md5(string_agg(t::text, ',' order by id)) from inspection_material t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from hazard_evidence t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by task_id, position)) from inspection_plan_item t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from hazard_listing t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from hazard_progress t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from department_notice t where district_code = :d),
				  (select count(*) from plan_amendment),
				  (select md5(string_agg(t::text, ',' order by id)) from alarm_source t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from alarm t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from trigger_record t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from trigger_rule t),
				  (select md5(string_agg(t::text, ',' order by id)) from background_work t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from penalty_document t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from penalty_document_counter t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from penalty_case t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from case_file_draw t where district_code = :d),
				  (select md5(string_agg(t::text, ',' order by id)) from case_file_review t where district_code = :d),
				  (select count(*) from enterprise),
				  (select count(*) from officer), (select count(*) from expert), (select count(*) from app_user))
				""").param("d", PUDONG).query(String.class).single());
	}

	private String id(String sql) {
		return jdbc.sql(sql.replace("?", "'" + PUDONG + "'")).query((rs, n) -> rs.getString(1)).optional().orElse(null);
	}

	private List<String> strings(String sql) {
		return jdbc.sql(sql.replace("?", "'" + PUDONG + "'")).query((rs, n) -> rs.getString(1)).list();
	}

	@Test
	void enterpriseUserSeesNothingOfItsDistrict() throws Exception {
		SystemScope.run("test", () -> {
			if (accounts.findByUsername("qiye-pudong").isEmpty()) {
				UserAccount account = UserAccount.open("qiye-pudong", "某化工企业安全员", "x", Set.of(Role.ENTERPRISE),
						JurisdictionScope.district(PUDONG), null);
				account.linkEnterprise("91310115MA1K00000X");
				accounts.save(account);
			}
		});
		for (String uri : List.of("/api/officers", "/api/bodies", "/api/experts")) {
			String body = mvc.perform(request(HttpMethod.GET, uri).with(user(users.loadUserByUsername("qiye-pudong"))))
				.andReturn().getResponse().getContentAsString();
			assertThat(body).as(uri).isEqualTo("[]");
		}
		// nor of its district's hazards: its own hazards only (it has none here)
		String hazards = mvc.perform(request(HttpMethod.GET, "/my/hazards").with(user(users.loadUserByUsername("qiye-pudong"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(hazards).contains("本企业没有需要整改的隐患").doesNotContain("浦东隔离测试隐患", "浦东隔离测试整改照片");
		// nor of its district's penalty cases, nor one of them by its number
		String cases = mvc.perform(request(HttpMethod.GET, "/my/penalty-cases").with(user(users.loadUserByUsername("qiye-pudong"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(cases).doesNotContain("浦东隔离测试的涉嫌违法事实");
		String pudongCase = SystemScope.call("test", () -> id("select min(id)::text from penalty_case where district_code = ?"
				+ " and uscc <> '91310115MA1K00000X'"));
		if (pudongCase != null) {
			assertThat(mvc.perform(request(HttpMethod.GET, "/my/penalty-cases/" + pudongCase)
				.with(user(users.loadUserByUsername("qiye-pudong")))).andReturn().getResponse().getStatus()).isEqualTo(404);
		}
	}
}
