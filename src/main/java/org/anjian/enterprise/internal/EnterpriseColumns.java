package org.anjian.enterprise.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.anjian.enterprise.EnterpriseDetails;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.StandardizationGrade;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.SectorSubtype;
import org.anjian.enterprise.Sector;
import org.anjian.organization.Jurisdiction;
import org.anjian.organization.Jurisdictions;
import org.anjian.shared.InvalidRowsException.RowProblem;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.Uscc;

/**
 * The columns of the enterprise table that is imported and exported, with their Chinese headers, and the
 * translation of each cell to and from the file's words: a value may be written as its Chinese name
 * (危险化学品, 储存, 粉尘涉爆、有限空间, 小型, 是) or its code (HAZCHEM, STORAGE, …); a place as its division code or
 * its name. An export writes the Chinese names, so that it reads well and imports again unchanged.
 */
public final class EnterpriseColumns {

	enum Column {
		USCC("统一社会信用代码", "uscc", true, "信用代码", "社会信用代码"),
		NAME("企业名称", "name", true, "单位名称"),
		FORMER_NAMES("曾用名", "formerNames", false),
		LEGAL_REPRESENTATIVE("法定代表人", "legalRepresentative", false, "法人代表", "法人"),
		SAFETY_MANAGER("安全负责人", "safetyManager", false, "安全管理负责人"),
		PHONE("联系电话", "safetyManagerPhone", false, "电话", "安全负责人电话"),
		ADDRESS("地址", "address", false, "生产经营地址", "详细地址"),
		DISTRICT("区", "districtCode", true, "所属区", "区县", "区划"),
		STREET("街镇", "streetCode", false, "街道", "街道（镇）", "街道/镇", "所属街镇"),
		LONGITUDE("经度", "longitude", false),
		LATITUDE("纬度", "latitude", false),
		INDUSTRY("行业代码", "industryCode", false, "国民经济行业代码"),
		SECTOR("行业领域", "sector", true, "监管行业"),
		SUBTYPE("子类", "sectorSubtype", true, "行业子类"),
		TAGS("风险标签", "riskTags", false),
		MAJOR_HAZARD_LEVEL("重大危险源等级", "majorHazardLevel", false, "重大危险源级别"),
		SCALE("规模", "scale", true, "企业规模"),
		EMPLOYEES("从业人员", "employees", false, "从业人数", "职工人数"),
		KEY_UNIT("重点单位", "keyUnit", false),
		KEY_UNIT_REASON("重点单位原因", "keyUnitReason", false, "重点单位理由"),
		PARENT_GROUP("所属集团", "parentGroup", false),
		GRADE("标准化等级", "standardizationGrade", false, "安全生产标准化等级"),
		INSURANCE("安责险", "liabilityInsurance", false, "安全生产责任保险"),
		/** Exported for reading; an import ignores it (the level follows from the rules or an officer's decision). */
		SUPERVISION_LEVEL("监管层级", "supervisionLevel", false),
		/** Exported for reading; an import ignores it (the status changes by its own acts: 停业, 注销). */
		STATUS("经营状态", "operatingStatus", false);

		final String header;
		final String field;
		final boolean required;
		final List<String> aliases;

		Column(String header, String field, boolean required, String... aliases) {
			this.header = header;
			this.field = field;
			this.required = required;
			this.aliases = List.of(aliases);
		}

		/** The most characters a cell of this column may hold: the file's bound where the database keeps one. */
		int max() {
			return switch (this) {
				case FORMER_NAMES, TAGS -> 2000;
				case ADDRESS -> 500;
				case KEY_UNIT_REASON -> 4000;
				case PHONE -> 40;
				default -> 200;
			};
		}

		boolean exportOnly() {
			return this == SUPERVISION_LEVEL || this == STATUS;
		}
	}

	/** Columns a user may add for their own use; an import skips them. */
	static final Set<String> IGNORED_HEADERS = Set.of("序号", "备注", "说明");

	static final Map<Sector, String> SECTORS = Map.of(Sector.HAZCHEM, "危险化学品", Sector.INDUSTRY_TRADE, "工贸");
	static final Map<SectorSubtype, String> SUBTYPES = new LinkedHashMap<>();
	static final Map<RiskTag, String> TAGS = new LinkedHashMap<>();
	static final Map<Scale, String> SCALES = new LinkedHashMap<>();
	static final Map<StandardizationGrade, String> GRADES = new LinkedHashMap<>();
	static final Map<JurisdictionLevel, String> LEVELS = Map.of(JurisdictionLevel.CITY, "市级", JurisdictionLevel.DISTRICT,
			"区级", JurisdictionLevel.STREET, "街镇级");
	static final Map<OperatingStatus, String> STATUSES = Map.of(OperatingStatus.OPERATING, "在业",
			OperatingStatus.SUSPENDED, "停业", OperatingStatus.DEREGISTERED, "注销");
	static final List<String> HAZARD_LEVELS = List.of("一级", "二级", "三级", "四级");

	static {
		SUBTYPES.put(SectorSubtype.PRODUCTION, "生产");
		SUBTYPES.put(SectorSubtype.OPERATION, "经营");
		SUBTYPES.put(SectorSubtype.USE, "使用");
		SUBTYPES.put(SectorSubtype.STORAGE, "储存");
		SUBTYPES.put(SectorSubtype.METALLURGY, "冶金");
		SUBTYPES.put(SectorSubtype.NONFERROUS, "有色");
		SUBTYPES.put(SectorSubtype.BUILDING_MATERIALS, "建材");
		SUBTYPES.put(SectorSubtype.MACHINERY, "机械");
		SUBTYPES.put(SectorSubtype.LIGHT_INDUSTRY, "轻工");
		SUBTYPES.put(SectorSubtype.TEXTILE, "纺织");
		SUBTYPES.put(SectorSubtype.TOBACCO, "烟草");
		SUBTYPES.put(SectorSubtype.COMMERCE, "商贸");
		TAGS.put(RiskTag.DUST_EXPLOSION, "粉尘涉爆");
		TAGS.put(RiskTag.AMMONIA_REFRIGERATION, "涉氨制冷");
		TAGS.put(RiskTag.CONFINED_SPACE, "有限空间");
		TAGS.put(RiskTag.MOLTEN_METAL, "高温熔融");
		TAGS.put(RiskTag.MAJOR_HAZARD_INSTALLATION, "重大危险源");
		TAGS.put(RiskTag.HAZARDOUS_PROCESS, "危险化工工艺");
		SCALES.put(Scale.LARGE, "大型");
		SCALES.put(Scale.MEDIUM, "中型");
		SCALES.put(Scale.SMALL, "小型");
		SCALES.put(Scale.MICRO, "微型");
		GRADES.put(StandardizationGrade.LEVEL_1, "一级");
		GRADES.put(StandardizationGrade.LEVEL_2, "二级");
		GRADES.put(StandardizationGrade.LEVEL_3, "三级");
		GRADES.put(StandardizationGrade.NONE, "无");
	}

	/** Separators between several values in one cell (tags, former names): 、 ; ； , ，and the vertical bar. */
	private static final Pattern LIST_SEPARATOR = Pattern.compile("[、;；,，|]");

	private EnterpriseColumns() {
	}

	/** The header of the column that holds a field of {@link EnterpriseDetails}, for pointing at a problem. */
	public static String headerOf(String field) {
		if (field != null) {
			for (Column c : Column.values()) {
				if (c.field.equals(field)) {
					return c.header;
				}
			}
		}
		return null;
	}

	/** The places of the city by code and by name, read once per import or export. */
	record Places(Map<String, String> districtNames, Map<String, String> streetNames, Map<String, String> streetDistrict,
			Map<String, String> districtByName, Map<String, String> streetByName) {

		static Places of(Jurisdictions jurisdictions) {
			Map<String, String> districtNames = new HashMap<>();
			Map<String, String> streetNames = new HashMap<>();
			Map<String, String> streetDistrict = new HashMap<>();
			Map<String, String> districtByName = new HashMap<>();
			Map<String, String> streetByName = new HashMap<>();
			for (Jurisdiction d : jurisdictions.districts()) {
				districtNames.put(d.code(), d.name());
				districtByName.put(d.name(), d.code());
				// 普陀 for 普陀区, 浦东 for 浦东新区: how people write them
				districtByName.putIfAbsent(d.name().replaceAll("(新区|区)$", ""), d.code());
				for (Jurisdiction s : jurisdictions.streetsOf(d.code())) {
					streetNames.put(s.code(), s.name());
					streetDistrict.put(s.code(), d.code());
					streetByName.put(d.code() + "/" + s.name(), s.code());
				}
			}
			return new Places(districtNames, streetNames, streetDistrict, districtByName, streetByName);
		}
	}

	/** A data row read: the details it says, or the problems that stop it (then details is null). */
	record Parsed(long line, EnterpriseDetails details, List<RowProblem> problems) {
	}

	/** Which column of the file holds each known column (-1 when absent), found from the header row. */
	static Map<Column, Integer> locate(List<String> header, long headerLine, List<RowProblem> problems) {
		Map<Column, Integer> at = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String h = normalizeHeader(header.get(i));
			if (h.isEmpty() || IGNORED_HEADERS.contains(h)) {
				continue;
			}
			Column found = null;
			for (Column c : Column.values()) {
				if (c.header.equals(h) || c.aliases.contains(h)) {
					found = c;
				}
			}
			if (found == null) {
				problems.add(new RowProblem(headerLine, header.get(i), "无法识别的列名“" + header.get(i) + "”；可用的列名为："
						+ String.join("、", List.of(Column.values()).stream().map(c -> c.header).toList())));
			}
			else if (at.containsKey(found)) {
				problems.add(new RowProblem(headerLine, header.get(i), "列“" + found.header + "”出现了两次，请删除其中一列"));
			}
			else {
				at.put(found, i);
			}
		}
		for (Column c : Column.values()) {
			if (c.required && !at.containsKey(c)) {
				problems.add(new RowProblem(headerLine, c.header, "缺少必填列“" + c.header + "”"));
			}
		}
		return at;
	}

	private static String normalizeHeader(String raw) {
		return raw.replaceAll("[\\s*＊]", "").replaceAll("[（(]必填[）)]$", "");
	}

	/**
	 * Reads the cells of one row into the details of an enterprise. Every cell that cannot be read is a problem
	 * of its own, so that one pass finds all of a row's typing errors.
	 */
	static Parsed parse(ImportTable.Line line, Map<Column, Integer> at, Places places) {
		List<RowProblem> problems = new ArrayList<>();
		CellReader r = new CellReader(line, at, problems);

		String uscc = r.text(Column.USCC);
		if (uscc == null) {
			r.problem(Column.USCC, "统一社会信用代码不能为空");
		}
		else {
			try {
				uscc = Uscc.of(uscc).value();
			}
			catch (org.anjian.shared.InvalidInputException e) {
				r.problem(Column.USCC, e.getMessage());
			}
		}
		String district = null;
		String districtCell = r.text(Column.DISTRICT);
		if (districtCell == null) {
			r.problem(Column.DISTRICT, "请填写企业所在的区（区名如“普陀区”，或6位区划代码如 310107）");
		}
		else {
			district = places.districtNames().containsKey(districtCell) ? districtCell : places.districtByName().get(districtCell);
			if (district == null) {
				r.problem(Column.DISTRICT, "“" + districtCell + "”不是上海市的区；请填写区名（如 普陀区）或6位区划代码（如 310107）");
			}
		}
		String street = null;
		String streetCell = r.text(Column.STREET);
		if (streetCell != null && district != null) {
			if (places.streetNames().containsKey(streetCell)) {
				street = streetCell;
				if (!district.equals(places.streetDistrict().get(street))) {
					r.problem(Column.STREET, "街镇“" + places.streetNames().get(street) + "”（" + street + "）不属于"
							+ places.districtNames().get(district) + "，请核对区和街镇");
					street = null;
				}
			}
			else {
				street = places.streetByName().get(district + "/" + streetCell);
				if (street == null) {
					r.problem(Column.STREET, "“" + streetCell + "”不是" + places.districtNames().get(district)
							+ "的街道或镇；请填写该区的街镇名称或9位街镇代码");
				}
			}
		}
		Sector sector = r.choice(Column.SECTOR, SECTORS, Sector.class, true);
		SectorSubtype subtype = r.choice(Column.SUBTYPE, SUBTYPES, SectorSubtype.class, true);
		Set<RiskTag> tags = r.tags();
		Integer hazardLevel = r.hazardLevel();
		Scale scale = r.choice(Column.SCALE, SCALES, Scale.class, true);
		StandardizationGrade grade = r.choice(Column.GRADE, GRADES, StandardizationGrade.class, false);
		BigDecimal longitude = r.decimal(Column.LONGITUDE);
		BigDecimal latitude = r.decimal(Column.LATITUDE);
		Integer employees = r.integer(Column.EMPLOYEES);
		boolean keyUnit = r.flag(Column.KEY_UNIT);
		boolean insurance = r.flag(Column.INSURANCE);
		String industry = r.text(Column.INDUSTRY);
		if (industry != null && industry.matches("\\d+\\.0+")) {
			industry = industry.substring(0, industry.indexOf('.')); // a spreadsheet's number 34 read back as 34.0
		}
		if (!problems.isEmpty()) {
			return new Parsed(line.number(), null, problems);
		}
		EnterpriseDetails details = new EnterpriseDetails(uscc, r.text(Column.NAME), r.list(Column.FORMER_NAMES),
				r.text(Column.LEGAL_REPRESENTATIVE), r.text(Column.SAFETY_MANAGER), r.text(Column.PHONE),
				r.text(Column.ADDRESS), district, street, longitude, latitude, industry, sector, subtype, tags,
				hazardLevel, scale, employees, keyUnit, r.text(Column.KEY_UNIT_REASON), r.text(Column.PARENT_GROUP),
				grade, insurance, null);
		return new Parsed(line.number(), details, problems);
	}

	private static final class CellReader {

		private final ImportTable.Line line;
		private final Map<Column, Integer> at;
		private final List<RowProblem> problems;

		CellReader(ImportTable.Line line, Map<Column, Integer> at, List<RowProblem> problems) {
			this.line = line;
			this.at = at;
			this.problems = problems;
		}

		String text(Column c) {
			Integer i = at.get(c);
			if (i == null || i >= line.cells().size()) {
				return null;
			}
			String v = line.cells().get(i);
			if (v == null || v.isBlank()) {
				return null;
			}
			v = v.strip();
			if (v.length() > c.max()) {
				// told by its length, never quoted: a cell of a megabyte would otherwise come back in every answer
				problem(c, c.header + "最多 " + c.max() + " 个字符，本格有 " + v.length() + " 个字符");
				return v.substring(0, c.max());
			}
			return v;
		}

		void problem(Column c, String reason) {
			problems.add(new RowProblem(line.number(), c.header, reason));
		}

		<E extends Enum<E>> E choice(Column c, Map<E, String> names, Class<E> type, boolean required) {
			String v = text(c);
			if (v == null) {
				if (required) {
					problem(c, c.header + "不能为空；可填：" + String.join("、", names.values()));
				}
				return null;
			}
			for (Map.Entry<E, String> e : names.entrySet()) {
				String name = e.getValue();
				if (name.equals(v) || e.getKey().name().equalsIgnoreCase(v)
						|| (type == Scale.class && name.substring(0, 1).equals(v))) { // 小 for 小型
					return e.getKey();
				}
			}
			problem(c, "“" + v + "”不是有效的" + c.header + "；可填：" + String.join("、", names.values()));
			return null;
		}

		Set<RiskTag> tags() {
			Set<RiskTag> tags = EnumSet.noneOf(RiskTag.class);
			for (String v : list(Column.TAGS)) {
				RiskTag found = null;
				for (Map.Entry<RiskTag, String> e : TAGS.entrySet()) {
					if (e.getValue().equals(v) || e.getKey().name().equalsIgnoreCase(v)) {
						found = e.getKey();
					}
				}
				if (found == null) {
					problem(Column.TAGS, "“" + v + "”不是有效的风险标签；可填：" + String.join("、", TAGS.values())
							+ "（多个标签用“、”或“;”分隔）");
				}
				else {
					tags.add(found);
				}
			}
			return tags;
		}

		Integer hazardLevel() {
			String v = text(Column.MAJOR_HAZARD_LEVEL);
			if (v == null) {
				return null;
			}
			int i = HAZARD_LEVELS.indexOf(v);
			if (i >= 0) {
				return i + 1;
			}
			if (v.matches("[1-4](\\.0+)?")) {
				return v.charAt(0) - '0';
			}
			problem(Column.MAJOR_HAZARD_LEVEL, "“" + v + "”不是有效的重大危险源等级；可填：一级、二级、三级、四级（或 1 至 4）");
			return null;
		}

		BigDecimal decimal(Column c) {
			String v = text(c);
			if (v == null) {
				return null;
			}
			try {
				BigDecimal d = new BigDecimal(v);
				// the column holds 6 decimals (about 0.1 m); more would be refused by the database
				return d.scale() > 6 ? d.setScale(6, java.math.RoundingMode.HALF_UP) : d;
			}
			catch (NumberFormatException e) {
				problem(c, c.header + "应为数字（如 121.473701），收到“" + v + "”");
				return null;
			}
		}

		Integer integer(Column c) {
			String v = text(c);
			if (v == null) {
				return null;
			}
			try {
				return new BigDecimal(v).intValueExact();
			}
			catch (NumberFormatException | ArithmeticException e) {
				problem(c, c.header + "应为整数，收到“" + v + "”");
				return null;
			}
		}

		boolean flag(Column c) {
			String v = text(c);
			if (v == null) {
				return false;
			}
			switch (v.toLowerCase(Locale.ROOT)) {
				case "是", "有", "y", "yes", "true", "1", "已投保":
					return true;
				case "否", "无", "n", "no", "false", "0", "未投保":
					return false;
				default:
					problem(c, c.header + "应填“是”或“否”，收到“" + v + "”");
					return false;
			}
		}

		List<String> list(Column c) {
			String v = text(c);
			if (v == null) {
				return List.of();
			}
			return LIST_SEPARATOR.splitAsStream(v).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}
	}
}
