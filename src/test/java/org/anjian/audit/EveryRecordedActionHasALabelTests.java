package org.anjian.audit;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseDetails;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.EnterpriseRegistry.ImportRow;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Expert;
import org.anjian.organization.ExpertDetails;
import org.anjian.organization.Officer;
import org.anjian.organization.OfficerDetails;
import org.anjian.organization.Organization;
import org.anjian.shared.JurisdictionLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.as;
import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every business action the trail records has a label people read (AuditLabels): the acts of the modules are
 * performed as their users would, then every action recorded since is looked up; and every action and table the test
 * database recorded at all has its words. The acts' codes are those the trail has always recorded, so that older
 * records keep their labels too.
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the other tests share
class EveryRecordedActionHasALabelTests {

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	Organization organization;

	@Autowired
	EnforcementBodies bodies;

	@Autowired
	AuditLabels labels;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyActionRecordedByTheRegistryAndTheOrganizationHasALabel() {
		long before = asSystem(() -> jdbc.sql("select coalesce(max(seq), 0) from audit_record").query(Long.class).single());

		as("putuo", () -> actOnEnterpriseFiles());
		as("admin", () -> actOnTheOrganization());

		List<String> recorded = asSystem(() -> jdbc.sql("select distinct action from audit_record where seq > :before")
			.param("before", before)
			.query(String.class)
			.list());
		assertThat(recorded).as("the acts are recorded under their own names").containsAll(List.of(
				"enterprise.register", "enterprise.update", "enterprise.updateContact", "enterprise.importRegister",
				"enterprise.importUpdate", "enterprise.overrideLevel", "enterprise.restoreRuleLevel",
				"enterprise.suspend", "enterprise.resume", "enterprise.deregister", "body.rename", "officer.appoint",
				"officer.update", "expert.register", "expert.update"));
		assertThat(recorded).allSatisfy(action -> assertThat(labels.of(action)).as("label of " + action).isPresent());
	}

	/**
	 * Whatever the tests run before have had the application write, from the migrations on: every action the test
	 * database recorded has a label and every table it recorded a row of has a name.
	 */
	@Test
	void everyActionAndEveryTableTheTestDatabaseRecordedHasWords() {
		as("putuo", () -> actOnEnterpriseFiles());
		List<String> actions = asSystem(() -> jdbc.sql("select distinct action from audit_record").query(String.class)
			.list());
		List<String> tables = asSystem(() -> jdbc.sql("select distinct entity_type from audit_record")
			.query(String.class).list());

		assertThat(actions).contains("insert", "enterprise.register", "checklist.revise", "hazard.place-at-enterprise");
		assertThat(actions).allSatisfy(action -> assertThat(labels.of(action)).as("label of " + action).isPresent());
		assertThat(tables).contains("jurisdiction", "enterprise", "checklist_item");
		assertThat(tables).allSatisfy(table -> assertThat(labels.entity(table)).as("name of " + table).isPresent());
	}

	private void actOnEnterpriseFiles() {
		EnterpriseDetails workshop = TestEnterprises.smallWorkshop("310107", "310107102", "标签测试机械厂");
		Enterprise e = registry.register(workshop);
		e = registry.update(e.uscc(), named(workshop, "标签测试机械制造厂", e.version()));
		e = registry.updateContact(e.uscc(), "王五", "13900002222", e.version());
		e = registry.overrideSupervision(e.uscc(), JurisdictionLevel.DISTRICT, "涉及多个街镇的作业场所", e.version());
		e = registry.overrideSupervision(e.uscc(), null, null, e.version());

		EnterpriseDetails store = TestEnterprises.smallWorkshop("310107", "310107102", "标签测试五金店");
		registry.importAll(List.of(new ImportRow(2, store), new ImportRow(3, named(workshop, "标签测试机械有限公司", null))));

		registry.suspend(e.uscc());
		registry.resume(e.uscc());
		registry.deregister(e.uscc());
	}

	private void actOnTheOrganization() {
		EnforcementBody body = bodies.findByJurisdictionCode("310107102").orElseThrow();
		String name = body.name();
		EnforcementBody renamed = organization.renameBody(body.id(), name + "（标签测试）", body.version());
		organization.renameBody(body.id(), name, renamed.version());

		String badge = "LB" + UUID.randomUUID().toString().replaceAll("\\D", "").substring(0, 8);
		Officer officer = organization.appointOfficer(new OfficerDetails("标签测试员", badge, body.id(), null, Set.of(),
				null, null));
		organization.updateOfficer(officer.id(), new OfficerDetails("标签测试员（更正）", badge, body.id(), null, Set.of(),
				false, officer.version()));

		Expert expert = organization.registerExpert(new ExpertDetails("标签测试专家", "有限空间", "某研究院", "高级工程师", null,
				body.id(), null, null));
		organization.updateExpert(expert.id(), new ExpertDetails("标签测试专家", "有限空间作业", "某研究院", "高级工程师", null,
				body.id(), false, expert.version()));
	}

	private static EnterpriseDetails named(EnterpriseDetails d, String name, Integer version) {
		return new EnterpriseDetails(d.uscc(), name, d.formerNames(), d.legalRepresentative(), d.safetyManager(),
				d.safetyManagerPhone(), d.address(), d.districtCode(), d.streetCode(), d.longitude(), d.latitude(),
				d.industryCode(), d.sector(), d.sectorSubtype(), d.riskTags(), d.majorHazardLevel(), d.scale(),
				d.employees(), d.keyUnit(), d.keyUnitReason(), d.parentGroup(), d.standardizationGrade(),
				d.liabilityInsurance(), version);
	}
}
