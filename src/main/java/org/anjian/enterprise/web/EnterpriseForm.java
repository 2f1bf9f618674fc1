package org.anjian.enterprise.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseDetails;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SectorSubtype;
import org.anjian.enterprise.StandardizationGrade;

/**
 * The enterprise form exactly as submitted: every field a string, so that whatever was typed comes back with the
 * page, and a number or a choice that cannot be read gets a Chinese message beside its field instead of a
 * binding failure. Former names are one per line.
 */
public record EnterpriseForm(String uscc, String name, String formerNames, String legalRepresentative,
		String safetyManager, String safetyManagerPhone, String address, String districtCode, String streetCode,
		String longitude, String latitude, String industryCode, String sector, String sectorSubtype,
		Set<String> riskTags, String majorHazardLevel, String scale, String employees, Boolean keyUnit,
		String keyUnitReason, String parentGroup, String standardizationGrade, Boolean liabilityInsurance,
		Integer version) {

	static EnterpriseForm blank(String districtCode, String streetCode) {
		return new EnterpriseForm("", "", "", "", "", "", "", districtCode, streetCode, "", "", "", "", "", Set.of(), "",
				"", "", false, "", "", StandardizationGrade.NONE.name(), false, null);
	}

	static EnterpriseForm of(Enterprise e) {
		return new EnterpriseForm(e.uscc(), e.name(), String.join("\n", e.formerNames()), e.legalRepresentative(),
				e.safetyManager(), e.safetyManagerPhone(), e.address(), e.districtCode(), e.streetCode(),
				plain(e.longitude()), plain(e.latitude()), e.industryCode(), e.sector().name(), e.sectorSubtype().name(),
				e.riskTags().stream().map(Enum::name).collect(Collectors.toSet()),
				e.majorHazardLevel() == null ? "" : e.majorHazardLevel().toString(), e.scale().name(),
				e.employees() == null ? "" : e.employees().toString(), e.keyUnit(), e.keyUnitReason(), e.parentGroup(),
				e.standardizationGrade().name(), e.liabilityInsurance(), e.version());
	}

	public boolean tagged(RiskTag tag) {
		return riskTags != null && riskTags.contains(tag.name());
	}

	public boolean isKeyUnit() {
		return Boolean.TRUE.equals(keyUnit);
	}

	public boolean isInsured() {
		return Boolean.TRUE.equals(liabilityInsurance);
	}

	List<String> formerNameList() {
		if (formerNames == null || formerNames.isBlank()) {
			return List.of();
		}
		return Arrays.stream(formerNames.split("[\\r\\n;；]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	/**
	 * The details the registry judges, or null when a field could not even be read; {@code errors} then holds a
	 * message for each such field. The former names are left out when they are the file's own, so that renaming
	 * keeps the old name among them (the registry adds it; an unchanged list would overwrite it).
	 */
	EnterpriseDetails details(List<String> currentFormerNames, Map<String, String> errors) {
		Map<String, String> found = new LinkedHashMap<>();
		BigDecimal lon = decimal(longitude, "longitude", "经度", found);
		BigDecimal lat = decimal(latitude, "latitude", "纬度", found);
		Integer people = integer(employees, "employees", "从业人数", found);
		Integer hazardLevel = integer(majorHazardLevel, "majorHazardLevel", "重大危险源级别", found);
		Sector s = choice(Sector.class, sector, "sector", "请选择监管行业：危险化学品或工贸", found);
		SectorSubtype sub = choice(SectorSubtype.class, sectorSubtype, "sectorSubtype", "请选择行业类别", found);
		Scale sc = choice(Scale.class, scale, "scale", "请选择企业规模（大、中、小、微）", found);
		StandardizationGrade grade = choice(StandardizationGrade.class, standardizationGrade, "standardizationGrade",
				"请选择安全生产标准化等级", found);
		Set<RiskTag> tags = EnumSet.noneOf(RiskTag.class);
		for (String tag : riskTags == null ? Set.<String>of() : riskTags) {
			RiskTag t = choice(RiskTag.class, tag, "riskTags", "风险标签“" + tag + "”不是可选的标签", found);
			if (t != null) {
				tags.add(t);
			}
		}
		if (!found.isEmpty()) {
			errors.putAll(found);
			return null;
		}
		List<String> former = formerNameList();
		return new EnterpriseDetails(uscc, name, former.equals(currentFormerNames) ? null : former,
				legalRepresentative, safetyManager, safetyManagerPhone, address, districtCode, blankToNull(streetCode),
				lon, lat, blankToNull(industryCode), s, sub, tags, hazardLevel, sc, people, isKeyUnit(), keyUnitReason,
				parentGroup, grade, isInsured(), version);
	}

	private static BigDecimal decimal(String value, String field, String label, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.trim());
		}
		catch (NumberFormatException e) {
			errors.put(field, label + "应为数字（如 121.4765），收到：" + value);
			return null;
		}
	}

	private static Integer integer(String value, String field, String label, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			errors.put(field, label + "应为整数，收到：" + value);
			return null;
		}
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, String message,
			Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null; // the domain says what a missing choice means
		}
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException e) {
			errors.put(field, message);
			return null;
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}
}
