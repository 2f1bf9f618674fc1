package org.anjian.inspection.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anjian.Acting;
import org.anjian.TodoFixtures;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.inspection.InspectionCodes;
import org.anjian.inspection.InspectionOrigin;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.anjian.Acting.asSystem;
import static org.anjian.TodoFixtures.PUDONG;
import static org.anjian.TodoFixtures.PUTUO;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspections' to-dos count what the caller's row security lets them see: a district's leader counts the
 * on-site plans of their district awaiting approval and not another's; officers count their district's tasks without
 * officers, this week's and the triggered ones; the legal reviewer counts the checklist items still to be checked; an
 * enterprise's user counts its own remote inspections waiting for materials and its own finished inspections not yet
 * rated, each linked to the public page where it rates, and nothing of another enterprise.
 */
@SpringBootTest
class InspectionTodosTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	InspectionTodos todos;

	@Autowired
	TodoFixtures fixtures;

	@Autowired
	CurrentActor actors;

	@Autowired
	Inspections inspections;

	@Autowired
	InspectionCodes codes;

	@Autowired
	ChecklistLibrary library;

	@Autowired
	RemoteInspections remote;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Clock clock;

	Map<String, Todo> of(String username, Audience audience) {
		return Acting.as(username, () -> todos.todos(audience, actors.current().orElseThrow()).stream()
			.collect(Collectors.toMap(Todo::messageKey, Function.identity())));
	}

	long count(String username, Audience audience, String key) {
		return of(username, audience).get(key).count();
	}

	/** A leader of 普陀's brigade: their scope is the district. */
	String putuoLeader() {
		String username = "todo-leader-" + SEQUENCE.incrementAndGet();
		asSystem(() -> accounts.save(UserAccount.open(username, "普陀区大队长", "x", Set.of(Role.LEADER),
				JurisdictionScope.district(PUTUO), fixtures.body(PUTUO))));
		return username;
	}

	@Test
	void aLeaderCountsTheOnSitePlansOfTheirDistrictAwaitingApprovalAndNotAnothers() {
		String leader = putuoLeader();
		long district = count(leader, Audience.LEADER, "todo.inspection.plansToApprove");
		long city = count("leader", Audience.LEADER, "todo.inspection.plansToApprove");

		fixtures.submitted(PUDONG, fixtures.enterprise(PUDONG, "待办方案浦东"));
		assertThat(count(leader, Audience.LEADER, "todo.inspection.plansToApprove")).as("another district's")
			.isEqualTo(district);
		assertThat(count("leader", Audience.LEADER, "todo.inspection.plansToApprove")).as("the city's leader")
			.isEqualTo(city + 1);

		InspectionTask own = fixtures.submitted(PUTUO, fixtures.enterprise(PUTUO, "待办方案普陀"));
		Todo plans = of(leader, Audience.LEADER).get("todo.inspection.plansToApprove");
		assertThat(plans.count()).isEqualTo(district + 1);
		assertThat(plans.link()).isIn("/inspections?status=PLAN_SUBMITTED", "/inspections/" + own.id());
	}

	@Test
	void officersCountTheirDistrictsTasksWithoutOfficersThisWeeksAndTriggeredOnes() {
		List<String> keys = List.of("todo.inspection.unassigned", "todo.inspection.thisWeek", "todo.inspection.triggered");
		Map<String, Long> putuo = keys.stream().collect(Collectors.toMap(k -> k, k -> count("putuo", Audience.OFFICER, k)));
		Map<String, Long> pudong = keys.stream().collect(Collectors.toMap(k -> k, k -> count("pudong", Audience.OFFICER, k)));

		InspectionTask today = fixtures.opened(PUDONG, fixtures.enterprise(PUDONG, "待办本周"), LocalDate.now(clock));
		String alarmed = fixtures.enterprise(PUDONG, "待办预警");
		asSystem(() -> inspections.openTriggered(alarmed, InspectionOrigin.ALARM, "粉尘浓度 7 日内 3 次超限",
				List.of("粉尘防爆安全"), "test"));

		for (String key : keys) {
			assertThat(count("putuo", Audience.OFFICER, key)).as(key + " of another district").isEqualTo(putuo.get(key));
		}
		Map<String, Todo> own = of("pudong", Audience.OFFICER);
		assertThat(own.get("todo.inspection.unassigned").count()).isEqualTo(pudong.get("todo.inspection.unassigned") + 2);
		assertThat(own.get("todo.inspection.thisWeek").count()).isEqualTo(pudong.get("todo.inspection.thisWeek") + 1);
		assertThat(own.get("todo.inspection.thisWeek").detail().messageKey()).isEqualTo("todo.detail.firstOn");
		assertThat(own.get("todo.inspection.triggered").count()).isEqualTo(pudong.get("todo.inspection.triggered") + 1);
		assertThat(own.get("todo.inspection.unassigned").link()).isIn("/inspections?status=OPEN",
				"/inspections/" + today.id());

		asSystem(() -> inspections.cancel(today.id(), "待办事项测试：取消", null));
		assertThat(count("pudong", Audience.OFFICER, "todo.inspection.thisWeek")).as("a cancelled task waits no more")
			.isEqualTo(pudong.get("todo.inspection.thisWeek"));
	}

	@Test
	void theLegalReviewerCountsTheChecklistItemsWhoseLegalBasisIsStillToBeChecked() {
		long before = count("legal", Audience.LEGAL_REVIEWER, "todo.inspection.unverifiedItems");
		ChecklistItem item = Acting.as("admin", () -> library.create(new ChecklistLibrary.ChecklistForm(
				"TODO-LEGAL-" + SEQUENCE.incrementAndGet(), "GENERAL", null, null, null, "安全生产责任制落实",
				"是否建立全员安全生产责任制", "《中华人民共和国安全生产法》", "第二十二条", false, null, false, null, null)));
		Todo unverified = of("legal", Audience.LEGAL_REVIEWER).get("todo.inspection.unverifiedItems");
		assertThat(unverified.count()).isEqualTo(before + 1);
		assertThat(unverified.link()).isEqualTo("/checklists?status=UNVERIFIED");
		assertThat(of("admin", Audience.ADMIN).get("todo.inspection.unverifiedItems").count()).isEqualTo(before + 1);

		Acting.as("admin", () -> library.deactivate(item.id(), null));
		assertThat(count("legal", Audience.LEGAL_REVIEWER, "todo.inspection.unverifiedItems")).as("no longer in use")
			.isEqualTo(before);
	}

	@Test
	void anEnterpriseCountsItsOwnInspectionsToRateAndRemoteInspectionsAwaitingItsMaterials() {
		String own = fixtures.enterprise(PUTUO, "待办评价自身");
		String other = fixtures.enterprise(PUTUO, "待办评价他家");
		InspectionTask finished = fixtures.finished(PUTUO, own, 0);
		fixtures.finished(PUTUO, other, 0);
		String user = fixtures.enterpriseUser(own);

		Todo toRate = of(user, Audience.ENTERPRISE).get("todo.inspection.toRate");
		assertThat(toRate.count()).isEqualTo(1);
		assertThat(toRate.link()).isEqualTo("/p/ic/" + finished.codeToken());
		assertThat(of(user, Audience.ENTERPRISE).get("todo.inspection.materials").count()).isZero();

		codes.rate(finished.codeToken(), new InspectionCodes.RatingForm(5, "规范", "廉洁", "热情", null));
		assertThat(count(user, Audience.ENTERPRISE, "todo.inspection.toRate")).as("rated").isZero();

		String matter = "待办资料核查" + SEQUENCE.incrementAndGet();
		Acting.as("admin", () -> library.create(new ChecklistLibrary.ChecklistForm("TODO-REMOTE-" + SEQUENCE.incrementAndGet(),
				"CAMPAIGN", null, null, null, matter, "安全生产责任制文件齐全", "《中华人民共和国安全生产法》", "第二十二条", false, null,
				true, "VERIFIED", null)));
		InspectionTask task = asSystem(() -> remote.open(fixtures.body(PUTUO), own, "企业申请以资料核查方式接受检查",
				List.of(matter), LocalDate.now(clock).plusDays(10), "test"));
		List<Long> officers = fixtures.officers(PUTUO);
		asSystem(() -> inspections.assign(task.id(), officers.get(0), officers.get(1), null));
		asSystem(() -> remote.assembleRemote(task.id()));
		asSystem(() -> inspections.submitPlan(task.id(), null));
		asSystem(() -> inspections.approvePlan(task.id(), "leader", null));
		Todo materials = of(user, Audience.ENTERPRISE).get("todo.inspection.materials");
		assertThat(materials.count()).isEqualTo(1);
		assertThat(materials.link()).isEqualTo("/my/inspections");
		assertThat(count(fixtures.enterpriseUser(other), Audience.ENTERPRISE, "todo.inspection.materials"))
			.as("another enterprise's").isZero();
	}
}
