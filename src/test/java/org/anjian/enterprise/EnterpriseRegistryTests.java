package org.anjian.enterprise;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.internal.Enterprises;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.JurisdictionLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Registering and correcting enterprise files on the embedded database, with the supervision rules as data. */
@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseRegistryTests {

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	AuditTrail audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void smallIndustryTradeUnitIsSupervisedByItsStreet() {
		Enterprise e = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", "上海长征机械加工厂")));
		assertThat(e.supervisionLevel()).isEqualTo(JurisdictionLevel.STREET);
		assertThat(e.levelRule()).isEqualTo("SMALL_INDUSTRY_TRADE");
		assertThat(e.supervisingBodyId()).isEqualTo(bodyOf("310107102"));
	}

	@Test
	void hazardousChemicalsUnitIsSupervisedByItsDistrict() {
		Enterprise e = asSystem(() -> registry.register(TestEnterprises.chemicalStore("310115", "310115104", "上海高桥仓储有限公司")));
		assertThat(e.supervisionLevel()).isEqualTo(JurisdictionLevel.DISTRICT);
		assertThat(e.supervisingBodyId()).isEqualTo(bodyOf("310115"));
	}

	@Test
	void enterpriseOnTheCityKeyListIsSupervisedByTheCityCorps() {
		EnterpriseDetails baosteel = withCode(TestEnterprises.chemicalStore("310113", null, "宝山钢铁股份有限公司"),
				"91310000631696382C");
		// demo data may already hold 宝钢股份; its file must then say the same
		Enterprise e = asSystem(() -> enterprises.existsById(baosteel.uscc()) ? registry.file(baosteel.uscc())
				: registry.register(baosteel));
		assertThat(e.supervisionLevel()).isEqualTo(JurisdictionLevel.CITY);
		assertThat(e.levelRule()).isEqualTo("CITY_KEY_LIST");
	}

	@Test
	void officerOverridesLevelWithAReasonAndTheAuditTrailNamesTheAct() {
		Enterprise e = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107103", "桃浦五金厂")));
		assertThatThrownBy(() -> asSystem(() -> registry.overrideSupervision(e.uscc(), JurisdictionLevel.DISTRICT, " ", null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("理由");
		Enterprise overridden = asSystem(() -> registry.overrideSupervision(e.uscc(), JurisdictionLevel.DISTRICT,
				"涉及有限空间作业且近三年发生过事故，由区大队直接监管", e.version()));
		assertThat(overridden.supervisionLevel()).isEqualTo(JurisdictionLevel.DISTRICT);
		assertThat(overridden.levelOverrideReason()).contains("有限空间");
		assertThat(asSystem(() -> audit.history("enterprise", e.uscc())))
			.extracting(a -> a.action()).contains("enterprise.register", "enterprise.overrideLevel");
		// a later correction keeps the officer's decision
		Enterprise corrected = asSystem(() -> registry.update(e.uscc(), rename(overridden, "桃浦五金制品厂")));
		assertThat(corrected.supervisionLevel()).isEqualTo(JurisdictionLevel.DISTRICT);
		assertThat(corrected.formerNames()).containsExactly("桃浦五金厂");
	}

	@Test
	void rejectsSubtypeOfAnotherSectorNamingTheField() {
		EnterpriseDetails d = TestEnterprises.smallWorkshop("310107", "310107102", "错配企业");
		EnterpriseDetails wrong = new EnterpriseDetails(d.uscc(), d.name(), d.formerNames(), d.legalRepresentative(),
				d.safetyManager(), d.safetyManagerPhone(), d.address(), d.districtCode(), d.streetCode(), d.longitude(),
				d.latitude(), d.industryCode(), Sector.HAZCHEM, SectorSubtype.MACHINERY, d.riskTags(), null, d.scale(),
				d.employees(), false, null, null, null, false, null);
		assertThatThrownBy(() -> asSystem(() -> registry.register(wrong)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("sectorSubtype"));
	}

	@Test
	void rejectsCoordinatesOutsideShanghaiAndStreetOfAnotherDistrict() {
		EnterpriseDetails d = TestEnterprises.smallWorkshop("310107", "310115005", "跨区企业");
		assertThatThrownBy(() -> asSystem(() -> registry.register(d))).hasMessageContaining("不属于所选的区");
		EnterpriseDetails far = new EnterpriseDetails(TestEnterprises.code("310107"), "远方企业", List.of(), null, null,
				null, null, "310107", null, new BigDecimal("116.40"), new BigDecimal("39.90"), null,
				Sector.INDUSTRY_TRADE, SectorSubtype.COMMERCE, Set.of(), null, Scale.MICRO, 3, false, null, null, null,
				false, null);
		assertThatThrownBy(() -> asSystem(() -> registry.register(far))).hasMessageContaining("不在上海市范围内");
	}

	@Test
	void deregisteredEnterpriseCannotBeSuspended() {
		Enterprise e = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", "即将注销的企业")));
		asSystem(() -> registry.deregister(e.uscc()));
		assertThatThrownBy(() -> asSystem(() -> registry.suspend(e.uscc())))
			.isInstanceOf(InvalidTransitionException.class)
			.hasMessageContaining("注销");
	}

	@Test
	void apiAnswers400WithExpectedCheckCharacterAnd404ForUnknownCode() throws Exception {
		MvcResult malformed = mvc.perform(get("/api/enterprises/91310000631696382D").with(user(users.loadUserByUsername("city"))))
			.andReturn();
		assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
		assertThat(malformed.getResponse().getContentAsString()).contains("第18位应为“C”");
		MvcResult shortCode = mvc.perform(get("/api/enterprises/9131000063169638").with(user(users.loadUserByUsername("city"))))
			.andReturn();
		assertThat(shortCode.getResponse().getStatus()).isEqualTo(400);
		String unknown = TestEnterprises.code("310107");
		assertThat(mvc.perform(get("/api/enterprises/" + unknown).with(user(users.loadUserByUsername("city"))))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void searchFindsByNameFragmentWithinTheCallersDistrictOnly() throws Exception {
		String marker = "检索" + System.nanoTime() % 100000;
		asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", "普陀" + marker + "厂")));
		asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310115", "310115005", "浦东" + marker + "厂")));
		String asPutuo = mvc.perform(get("/api/enterprises").param("q", marker).with(user(users.loadUserByUsername("putuo"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(asPutuo).contains("普陀" + marker).doesNotContain("浦东" + marker).contains("\"total\":1");
		String asCity = mvc.perform(get("/api/enterprises").param("q", marker).param("sector", "INDUSTRY_TRADE")
			.with(user(users.loadUserByUsername("city")))).andReturn().getResponse().getContentAsString();
		assertThat(asCity).contains("\"total\":2");
	}

	private long bodyOf(String jurisdiction) {
		return asSystem(() -> bodies.findByJurisdictionCode(jurisdiction).orElseThrow().id());
	}

	@Autowired
	org.anjian.organization.EnforcementBodies bodies;

	@Autowired
	Enterprises enterprises;

	private static EnterpriseDetails rename(Enterprise e, String name) {
		return new EnterpriseDetails(e.uscc(), name, null, e.legalRepresentative(), e.safetyManager(),
				e.safetyManagerPhone(), e.address(), e.districtCode(), e.streetCode(), e.longitude(), e.latitude(),
				e.industryCode(), e.sector(), e.sectorSubtype(), e.riskTags(), e.majorHazardLevel(), e.scale(),
				e.employees(), e.keyUnit(), e.keyUnitReason(), e.parentGroup(), e.standardizationGrade(),
				e.liabilityInsurance(), e.version());
	}

	private static EnterpriseDetails withCode(EnterpriseDetails d, String code) {
		return new EnterpriseDetails(code, d.name(), d.formerNames(), d.legalRepresentative(), d.safetyManager(),
				d.safetyManagerPhone(), d.address(), d.districtCode(), d.streetCode(), d.longitude(), d.latitude(),
				d.industryCode(), d.sector(), d.sectorSubtype(), d.riskTags(), d.majorHazardLevel(), d.scale(),
				d.employees(), d.keyUnit(), d.keyUnitReason(), d.parentGroup(), d.standardizationGrade(),
				d.liabilityInsurance(), d.version());
	}
}
