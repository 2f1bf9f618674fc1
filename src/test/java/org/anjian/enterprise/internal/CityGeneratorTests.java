package org.anjian.enterprise.internal;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.shared.Uscc;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated city, without a database: the streets and districts come from the reference data files. */
class CityGeneratorTests {

	static List<CityGenerator.Street> streets = new ArrayList<>();
	static Map<String, String> districtNames = new HashMap<>();

	@BeforeAll
	static void readReferenceData() throws Exception {
		try (Reader reader = new InputStreamReader(
				CityGeneratorTests.class.getResourceAsStream("/db/reference/shanghai_streets_towns.csv"), StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				if ("Y".equals(row.get("is_administrative_township"))) {
					streets.add(new CityGenerator.Street(row.get("town_code_9"), row.get("town_name"), row.get("district_code"),
							row.get("type")));
					districtNames.put(row.get("district_code"), row.get("district_name"));
				}
			}
		}
	}

	static List<CityGenerator.Generated> city(long seed, int count) {
		List<CityGenerator.Generated> city = new ArrayList<>(count);
		new CityGenerator(seed, CityGenerator.Profile.CITY, streets, districtNames).generate(count, city::add);
		return city;
	}

	@Test
	void theSameSeedGivesTheSameCityAndASmallerCityIsThePrefixOfALargerOne() {
		List<CityGenerator.Generated> small = city(42, 2_000);
		assertThat(city(42, 2_000)).isEqualTo(small);
		assertThat(city(42, 5_000).subList(0, 2_000)).isEqualTo(small);
		assertThat(city(43, 2_000).subList(4, 2_000)).as("another seed, another city")
			.doesNotContainAnyElementsOf(small.subList(4, 2_000));
	}

	@Test
	void everyCodeIsValidUniqueAndRegisteredInTheEnterprisesDistrict() {
		List<CityGenerator.Generated> city = city(7, 50_000);
		Set<String> codes = new HashSet<>();
		Set<String> names = new HashSet<>();
		for (CityGenerator.Generated e : city) {
			assertThat(Uscc.of(e.uscc()).value()).isEqualTo(e.uscc());
			assertThat(codes.add(e.uscc())).as("unique code %s", e.uscc()).isTrue();
			assertThat(names.add(e.name())).as("unique name %s", e.name()).isTrue();
			boolean realCityRegistration = e.uscc().equals("91310000132212291W") || e.uscc().equals("91310000631696382C");
			// the two real codes were issued by the city's regulator (310000); every other code names the district
			assertThat(Uscc.of(e.uscc()).areaCode()).isEqualTo(realCityRegistration ? "310000" : e.districtCode());
		}
		assertThat(Uscc.of(city.stream().filter(e -> e.districtCode().equals("310107")).findFirst().orElseThrow().uscc())
			.areaCode()).isEqualTo("310107");
		assertThat(city.stream().filter(e -> e.districtCode().equals("310115")).findFirst().orElseThrow().uscc())
			.startsWith("91310115");
	}

	@Test
	void streetsBelongToTheirDistrictsAndCoordinatesLieInShanghaiNearTheirStreet() {
		Map<String, String> districtOfStreet = new HashMap<>();
		streets.forEach(s -> districtOfStreet.put(s.code(), s.districtCode()));
		Map<String, double[]> sums = new HashMap<>();
		for (CityGenerator.Generated e : city(11, 30_000)) {
			assertThat(districtOfStreet).containsEntry(e.streetCode(), e.districtCode());
			double lon = e.longitude().doubleValue();
			double lat = e.latitude().doubleValue();
			assertThat(lon).isBetween(120.85, 122.0);
			assertThat(lat).isBetween(30.67, 31.88);
			double[] sum = sums.computeIfAbsent(e.streetCode(), k -> new double[3]);
			sum[0] += lon;
			sum[1] += lat;
			sum[2]++;
		}
		assertThat(sums.keySet()).as("every street and town has enterprises").hasSize(streets.size());
		double[] lujiazui = sums.get("310115005");
		assertThat(lujiazui[0] / lujiazui[2]).as("陆家嘴 longitude").isCloseTo(121.505, org.assertj.core.data.Offset.offset(0.01));
		assertThat(lujiazui[1] / lujiazui[2]).as("陆家嘴 latitude").isCloseTo(31.238, org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void theFourCityKeyUnitsTheSeedsNameComeFirst() {
		List<CityGenerator.Generated> city = city(1, 10);
		assertThat(city.subList(0, 4)).extracting(CityGenerator.Generated::name).containsExactly(
				"中国石化上海石油化工股份有限公司", "中国石化上海高桥石油化工有限公司", "宝山钢铁股份有限公司", "宝武特种冶金有限公司");
		assertThat(city.subList(0, 4)).allSatisfy(e -> {
			assertThat(e.keyUnit()).isTrue();
			assertThat(e.keyUnitReason()).contains("沪应急总队〔2023〕26号");
			assertThat(e.scale()).isEqualTo(Scale.LARGE);
		});
		assertThat(city.get(0).uscc()).isEqualTo("91310000132212291W");
		assertThat(city.get(2).uscc()).isEqualTo("91310000631696382C");
		assertThat(city.get(1).districtCode()).isEqualTo("310115");
		assertThat(city.get(3).districtCode()).isEqualTo("310113");
	}

	@Test
	void theMixIsACitysMostlySmallIndustryAndTradeAFewHazardousChemicalsAndHundredsOfKeyUnitsPerMillion() {
		List<CityGenerator.Generated> city = city(2026, 100_000);
		long hazchem = city.stream().filter(e -> e.sector() == Sector.HAZCHEM).count();
		long keyUnits = city.stream().filter(CityGenerator.Generated::keyUnit).count();
		long smallTrade = city.stream().filter(e -> e.sector() == Sector.INDUSTRY_TRADE
				&& (e.scale() == Scale.SMALL || e.scale() == Scale.MICRO)).count();
		assertThat(hazchem * 10).as("hazardous-chemicals units per million").isBetween(3_000L, 5_000L);
		assertThat(keyUnits * 10).as("key units per million").isBetween(200L, 1_500L);
		assertThat(smallTrade).as("small and micro industry-and-trade units").isGreaterThan(city.size() * 9L / 10);
		assertThat(city.stream().filter(e -> e.name().contains("化工")).count()).as("names with 化工").isGreaterThan(100);
		assertThat(city).allSatisfy(e -> {
			assertThat(e.majorHazardLevel() != null).isEqualTo(e.tags().contains(RiskTag.MAJOR_HAZARD_INSTALLATION));
			assertThat(e.keyUnitReason() != null).isEqualTo(e.keyUnit());
			assertThat(e.subtype().sector()).isEqualTo(e.sector());
		});
		Map<String, Long> perDistrict = new HashMap<>();
		city.forEach(e -> perDistrict.merge(e.districtCode(), 1L, Long::sum));
		assertThat(perDistrict.get("310115")).as("浦东 has the most").isGreaterThan(perDistrict.get("310101") * 5);
	}
}
