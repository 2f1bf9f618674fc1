package org.anjian.hazard.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardStatus;
import org.anjian.hazard.TestHazards;
import org.anjian.hazard.internal.HazardListing.ProgressReport;
import org.anjian.hazard.internal.HazardListing.Responsible;
import org.anjian.shared.Allowance;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.JurisdictionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Listed supervision (挂牌督办) without a database: who may list which hazard at which level, every act of a listing in
 * every state, delisting only after the hazard is verified, and overdue derived from the required day.
 */
class ListingTransitionTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
	static final Instant LISTED_AT = Instant.parse("2026-11-20T02:00:00Z");
	static final Responsible RESPONSIBLE = new Responsible("张建华", "总经理", "13900001111");

	final ListingPolicy listing = new ListingPolicy();
	final DelistingPolicy delisting = new DelistingPolicy();

	static Hazard hazard(HazardStatus status, boolean major) {
		return TestHazards.in(status, major, TODAY.plusDays(10));
	}

	static HazardListing in(ListingStatus status) {
		return new HazardListing(3L, "310107", "310107005", 7L, "91310107MA1G8XXXXX", ListingLevel.DISTRICT, "张建华",
				"总经理", "13900001111", TODAY.plusDays(30), "重大事故隐患，整改难度大", status, "putuo", LISTED_AT, null,
				status == ListingStatus.DELISTED ? "putuo" : null, status == ListingStatus.DELISTED ? LISTED_AT : null, 0);
	}

	/** An official act on a listing, named, with the state it leads to. */
	record Act(String name, ListingStatus target, Consumer<HazardListing> perform) {

		@Override
		public String toString() {
			return name;
		}
	}

	static final List<Act> ACTS = List.of(
			new Act("reportProgress", ListingStatus.LISTED,
					l -> l.reportProgress(TODAY, "报警装置已采购，预计下周安装", "putuo", false, TODAY, Instant.now())),
			new Act("delist once verified", ListingStatus.DELISTED,
					l -> l.delist(new DelistingPolicy().check(hazard(HazardStatus.VERIFIED, true)), "putuo", Instant.now())));

	static Stream<Arguments> everyActInEveryState() {
		List<Arguments> cases = new ArrayList<>();
		for (ListingStatus from : ListingStatus.values()) {
			for (Act act : ACTS) {
				cases.add(Arguments.of(from, act, from == ListingStatus.LISTED));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{1} from {0}: allowed {2}")
	@MethodSource("everyActInEveryState")
	void actsOnlyWhileListed(ListingStatus from, Act act, boolean allowed) {
		HazardListing l = in(from);
		if (allowed) {
			act.perform().accept(l);
			assertThat(l.status()).isEqualTo(act.target());
		}
		else {
			assertThatThrownBy(() -> act.perform().accept(l)).isInstanceOf(InvalidTransitionException.class)
				.hasMessageContaining(from.label());
			assertThat(l.status()).as("a refused act changes nothing").isEqualTo(from);
		}
	}

	@ParameterizedTest
	@EnumSource(value = HazardStatus.class, names = "VERIFIED", mode = EnumSource.Mode.EXCLUDE)
	void aListedHazardIsNotDelistedBeforeItIsVerified(HazardStatus hazardStatus) {
		HazardListing l = in(ListingStatus.LISTED);
		Allowance allowance = delisting.check(hazard(hazardStatus, true));

		assertThat(allowance.allowed()).isFalse();
		assertThatThrownBy(() -> l.delist(allowance, "putuo", Instant.now())).isInstanceOf(InvalidTransitionException.class)
			.hasMessage("隐患尚未复查销号，不能摘牌");
		assertThat(l.status()).isEqualTo(ListingStatus.LISTED);
		assertThat(l.delistedAt()).isNull();
	}

	@Test
	void delistingRecordsWhoAndWhen() {
		HazardListing l = in(ListingStatus.LISTED);
		Instant at = Instant.parse("2026-11-30T03:00:00Z");
		l.delist(delisting.check(hazard(HazardStatus.VERIFIED, true)), "city", at);
		assertThat(l.status()).isEqualTo(ListingStatus.DELISTED);
		assertThat(l.delistedBy()).isEqualTo("city");
		assertThat(l.delistedAt()).isEqualTo(at);
	}

	@Test
	void theDiagramAllowsOnlyDelisting() {
		assertThat(ListingStatus.LISTED.next()).containsExactly(ListingStatus.DELISTED);
		assertThat(ListingStatus.DELISTED.next()).as("a delisted hazard stays delisted").isEmpty();
	}

	@Test
	void onlyAMajorHazardNotYetVerifiedAndNotListedMayBeListed() {
		assertThat(listing.check(hazard(HazardStatus.RECTIFYING, false), false, ListingLevel.DISTRICT, JurisdictionLevel.DISTRICT)
			.reason()).isEqualTo("该隐患为一般事故隐患，只有重大事故隐患可以挂牌督办");
		assertThat(listing.check(hazard(HazardStatus.VERIFIED, true), false, ListingLevel.DISTRICT, JurisdictionLevel.DISTRICT)
			.reason()).isEqualTo("该隐患已复查销号，无需挂牌督办");
		assertThat(listing.check(hazard(HazardStatus.RECTIFYING, true), true, ListingLevel.DISTRICT, JurisdictionLevel.DISTRICT)
			.reason()).isEqualTo("该隐患已在挂牌督办中，不能重复挂牌");
		for (HazardStatus open : List.of(HazardStatus.FOUND, HazardStatus.RECTIFYING, HazardStatus.SUBMITTED)) {
			assertThat(listing.check(hazard(open, true), false, ListingLevel.DISTRICT, JurisdictionLevel.DISTRICT).allowed())
				.as(open.name()).isTrue();
		}
	}

	@Test
	void anOfficerListsAtTheLevelOfItsOwnJurisdictionOrBelow() {
		Hazard major = hazard(HazardStatus.RECTIFYING, true);
		for (ListingLevel level : ListingLevel.values()) {
			assertThat(listing.check(major, false, level, JurisdictionLevel.CITY).allowed()).as("city at " + level).isTrue();
		}
		assertThat(listing.check(major, false, ListingLevel.DISTRICT, JurisdictionLevel.DISTRICT).allowed()).isTrue();
		assertThat(listing.check(major, false, ListingLevel.STREET, JurisdictionLevel.DISTRICT).allowed()).isTrue();
		assertThat(listing.check(major, false, ListingLevel.CITY, JurisdictionLevel.DISTRICT).reason())
			.isEqualTo("区级执法人员不能以市级挂牌督办（最高为区级）");
		assertThat(listing.check(major, false, ListingLevel.DISTRICT, JurisdictionLevel.STREET).allowed()).isFalse();
		assertThat(listing.check(major, false, ListingLevel.STREET, JurisdictionLevel.STREET).allowed()).isTrue();
	}

	@Test
	void aListingNeedsTheResponsiblePersonARequiredDayAfterTodayAndAReason() {
		Hazard major = hazard(HazardStatus.RECTIFYING, true);
		Allowance yes = Allowance.granted();
		HazardListing listed = HazardListing.list(major, yes, ListingLevel.DISTRICT, RESPONSIBLE, TODAY.plusDays(30),
				" 重大事故隐患 ", "putuo", LISTED_AT, TODAY);
		assertThat(listed.status()).isEqualTo(ListingStatus.LISTED);
		assertThat(listed.hazardId()).isEqualTo(7L);
		assertThat(listed.districtCode()).isEqualTo("310107");
		assertThat(listed.reason()).isEqualTo("重大事故隐患");

		assertThatThrownBy(() -> HazardListing.list(major, Allowance.refused("该隐患已在挂牌督办中，不能重复挂牌"),
				ListingLevel.DISTRICT, RESPONSIBLE, TODAY.plusDays(30), "理由", "putuo", LISTED_AT, TODAY))
			.isInstanceOf(InvalidInputException.class).hasMessage("该隐患已在挂牌督办中，不能重复挂牌");
		assertThatThrownBy(() -> HazardListing.list(major, yes, ListingLevel.DISTRICT, new Responsible(" ", "总经理", "13900001111"),
				TODAY.plusDays(30), "理由", "putuo", LISTED_AT, TODAY)).hasMessageContaining("责任人姓名");
		assertThatThrownBy(() -> HazardListing.list(major, yes, ListingLevel.DISTRICT, new Responsible("张建华", "总经理", "电话"),
				TODAY.plusDays(30), "理由", "putuo", LISTED_AT, TODAY)).hasMessageContaining("联系电话");
		assertThatThrownBy(() -> HazardListing.list(major, yes, ListingLevel.DISTRICT, RESPONSIBLE, TODAY, "理由", "putuo",
				LISTED_AT, TODAY)).hasMessage("督办期限须晚于今天");
		assertThatThrownBy(() -> HazardListing.list(major, yes, ListingLevel.DISTRICT, RESPONSIBLE, TODAY.plusDays(1), " ",
				"putuo", LISTED_AT, TODAY)).hasMessageContaining("理由");
	}

	@Test
	void progressIsReportedForADayBetweenTheListingAndToday() {
		HazardListing l = in(ListingStatus.LISTED);
		assertThatThrownBy(() -> l.reportProgress(TODAY.plusDays(1), "进展", "putuo", false, TODAY, Instant.now()))
			.isInstanceOf(InvalidInputException.class).hasMessage("进展日期不能晚于今天");
		assertThatThrownBy(() -> l.reportProgress(LocalDate.of(2026, 11, 19), "进展", "putuo", false, TODAY, Instant.now()))
			.isInstanceOf(InvalidInputException.class).hasMessage("进展日期不能早于挂牌督办之日");
		assertThatThrownBy(() -> l.reportProgress(TODAY, " ", "putuo", false, TODAY, Instant.now()))
			.isInstanceOf(InvalidInputException.class).hasMessage("请填写整改进展");
		assertThat(l.latestProgressOn()).as("refused reports leave nothing").isNull();

		ProgressReport report = l.reportProgress(TODAY.minusDays(2), " 已停用储罐 ", "qiye", true, TODAY, Instant.now());
		l.reportProgress(TODAY.minusDays(5), "已委托设计", "putuo", false, TODAY, Instant.now());
		assertThat(report.text()).isEqualTo("已停用储罐");
		assertThat(report.byEnterprise()).isTrue();
		assertThat(l.latestProgressOn()).as("the latest day, whatever the order of reports").isEqualTo(TODAY.minusDays(2));
	}

	@Test
	void overdueIsDerivedFromTheRequiredDayWhileListed() {
		HazardListing l = in(ListingStatus.LISTED);
		assertThat(l.overdueOn(TODAY.plusDays(30))).isFalse();
		assertThat(l.overdueOn(TODAY.plusDays(31))).isTrue();
		assertThat(in(ListingStatus.DELISTED).overdueOn(TODAY.plusDays(31))).as("delisted").isFalse();
	}
}
