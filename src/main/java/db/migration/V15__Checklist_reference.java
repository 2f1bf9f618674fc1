package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the checklist library's city-wide items (no district) from {@code db/reference/}: the official
 * major-hazard criteria for chemicals (安监总管三〔2017〕121号, 20 items) and for industry and trade
 * (应急管理部令第10号, every row the file holds except the placeholders it marks as missing, since their text was
 * never retrieved and must not be invented), and the general items written for the standard matters. Each row
 * keeps its own verification status, so an UNVERIFIED criterion shows as 待核对 until an administrator checks
 * it against the official text. Inserts are keyed by code and skip codes already present, so loading twice
 * changes nothing.
 */
public class V15__Checklist_reference extends BaseJavaMigration {

	static final String CHEM_DOCUMENT_SHORT = "安监总管三〔2017〕121号";
	static final String GONGMAO_BASIS = "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）";
	static final String GONGMAO_NUMBER = "应急管理部令第10号";

	/** The matter each chemical criterion serves, by its number: what an inspector of that matter checks. */
	private static final Map<Integer, String> CHEM_MATTERS = Map.ofEntries(
			Map.entry(1, "安全生产教育培训"), Map.entry(2, "安全生产教育培训"),
			Map.entry(3, "重大危险源管控"), Map.entry(4, "危险化工工艺安全"), Map.entry(5, "重大危险源管控"),
			Map.entry(16, "安全生产责任制落实"), Map.entry(19, "危险化工工艺安全"));

	private static final String HAZCHEM_MATTER = "危险化学品储存使用安全管理";

	/**
	 * GB/T 4754-2017 divisions of each 工贸 industry, as {@code gbt4754_2017_divisions.csv} maps them
	 * (应急厅〔2019〕17号), so that an industry article applies only to enterprises of that industry.
	 */
	private static final Map<String, String> INDUSTRY_DIVISIONS = Map.of(
			"第四条", "31", "第五条", "32", "第六条", "30", "第七条", "33,34,35,36,37,38,39,40,43",
			"第八条", "13,14,15,19,20,21,22,23,24", "第九条", "17,18,28", "第十条", "16");

	private static final String INSERT = """
			insert into checklist_item (code, module, sector, industry_prefix, risk_tag, matter, text, legal_basis, clause,
			  major_hazard, criterion, remote_eligible, status, source)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (code) do nothing""";

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		try (PreparedStatement insert = c.prepareStatement(INSERT)) {
			loadChemicalCriteria(insert);
			loadGongmaoCriteria(insert);
			loadGeneralItems(insert);
		}
	}

	private static void loadChemicalCriteria(PreparedStatement insert) throws IOException, SQLException {
		for (CSVRecord row : csv("chem_major_hazard_criteria_2017.csv")) {
			int no = Integer.parseInt(row.get(0).trim());
			String document = row.get("document").trim();
			insert(insert, new Item(String.format("HC2017-%02d", no), "SECTOR", "HAZCHEM", null, null,
					CHEM_MATTERS.getOrDefault(no, HAZCHEM_MATTER), row.get(2).trim(), document, "第" + no + "项", true,
					document + " 第" + no + "项", false, status(row.get("status")),
					"安监总管三〔2017〕121号 第" + no + "项（" + row.get(1).trim() + "）；" + row.get("source").trim()));
		}
	}

	private static void loadGongmaoCriteria(PreparedStatement insert) throws IOException, SQLException {
		JsonNode file;
		try (InputStream in = resource("gongmao_major_hazard_criteria_2023.json")) {
			file = JsonMapper.builder().build().readTree(in);
		}
		for (JsonNode article : file.path("articles")) {
			String number = article.path("article").asString();
			int position = 0;
			for (JsonNode row : article.path("items")) {
				String status = row.path("status").asString("");
				position++;
				if (status.startsWith("missing")) {
					continue;
				}
				String no = row.path("no").asString("?");
				boolean itemKnown = !no.contains("?") && !no.contains("~");
				String clause = number + (itemKnown ? "第" + no + "项" : no.contains("~") ? "第" + no.replace("~", "") + "项及以后（待核）" : "（项序待核）");
				String articleDigits = articleNumber(number);
				Item item = gongmaoItem(number, String.format("GM2023-%s-%02d", articleDigits, position),
						row.path("criterion").asString().trim(), clause, GONGMAO_NUMBER + " " + clause,
						gongmaoStatus(status), "应急管理部令第10号 " + article.path("section").asString() + "；状态："
								+ status + "；来源：" + row.path("source").asString(""));
				insert(insert, item);
			}
		}
	}

	/** Where a 工贸 criterion sits in an on-site plan, by the article it belongs to. */
	private static Item gongmaoItem(String article, String code, String text, String clause, String criterion,
			String status, String source) {
		switch (article) {
			case "第三条":
				// management criteria of every 工贸 enterprise; the third concerns metal smelters only
				String matter = text.contains("承包单位") ? "安全生产责任制落实" : "安全生产教育培训";
				String divisions = text.startsWith("金属冶炼企业") ? "31,32" : null;
				return new Item(code, "GENERAL", "INDUSTRY_TRADE", divisions, null, matter, text, GONGMAO_BASIS, clause,
						true, criterion, false, status, source);
			case "第十一条":
				return new Item(code, "TAG", null, null, "DUST_EXPLOSION", "粉尘防爆安全", text, GONGMAO_BASIS, clause, true,
						criterion, false, status, source);
			case "第十二条":
				return new Item(code, "TAG", null, null, "AMMONIA_REFRIGERATION", "涉氨制冷安全", text, GONGMAO_BASIS, clause,
						true, criterion, false, status, source);
			case "第十三条":
				return new Item(code, "TAG", null, null, "CONFINED_SPACE", "有限空间作业安全", text, GONGMAO_BASIS, clause, true,
						criterion, false, status, source);
			default:
				String industry = INDUSTRY_DIVISIONS.get(article);
				if (industry == null) {
					throw new IllegalStateException("工贸重大事故隐患判定标准中出现未知条款：" + article);
				}
				return new Item(code, "SECTOR", "INDUSTRY_TRADE", lightIndustry(article, text, industry), null,
						"工贸企业设备设施安全管理", text, GONGMAO_BASIS, clause, true, criterion, false, status, source);
		}
	}

	/** 轻工 spans many divisions; where a criterion names its trade, it applies to that trade only. */
	private static String lightIndustry(String article, String text, String divisions) {
		if (!"第八条".equals(article)) {
			return divisions;
		}
		if (text.startsWith("食品制造")) {
			return "13,14";
		}
		if (text.startsWith("白酒")) {
			return "15";
		}
		if (text.startsWith("纸浆制造")) {
			return "22";
		}
		if (text.startsWith("日用玻璃")) {
			return "30";
		}
		return divisions;
	}

	private static void loadGeneralItems(PreparedStatement insert) throws IOException, SQLException {
		for (CSVRecord row : csv("checklist_general_items.csv")) {
			insert(insert, new Item(row.get("code"), row.get("module"), blankToNull(row.get("sector")),
					blankToNull(row.get("industry_prefix")), blankToNull(row.get("risk_tag")), row.get("matter"),
					row.get("text"), row.get("legal_basis"), blankToNull(row.get("clause")), false, null,
					Boolean.parseBoolean(row.get("remote_eligible")), row.get("status"), "安监平台通用检查项（依据法律法规条文编写）"));
		}
	}

	/** Only a row the file calls plainly verified is VERIFIED; a truncated or partial text is still to be checked. */
	static String gongmaoStatus(String status) {
		String s = status.trim().toLowerCase();
		return s.startsWith("verified") && !s.contains("truncated") ? "VERIFIED" : "UNVERIFIED";
	}

	static String status(String status) {
		return "verified".equalsIgnoreCase(status.trim()) ? "VERIFIED" : "UNVERIFIED";
	}

	private static final List<String> NUMERALS = List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十");

	/** 第十三条 → 13, for codes that sort by article. */
	static String articleNumber(String article) {
		String n = article.replace("第", "").replace("条", "");
		int value;
		if (n.startsWith("十")) {
			value = 10 + (n.length() > 1 ? NUMERALS.indexOf(n.substring(1)) + 1 : 0);
		}
		else {
			value = NUMERALS.indexOf(n) + 1;
		}
		return String.format("%02d", value);
	}

	private record Item(String code, String module, String sector, String industryPrefix, String riskTag, String matter,
			String text, String legalBasis, String clause, boolean majorHazard, String criterion, boolean remoteEligible,
			String status, String source) {
	}

	private static void insert(PreparedStatement s, Item item) throws SQLException {
		s.setString(1, item.code());
		s.setString(2, item.module());
		s.setString(3, item.sector());
		s.setString(4, item.industryPrefix());
		s.setString(5, item.riskTag());
		s.setString(6, item.matter());
		s.setString(7, item.text());
		s.setString(8, item.legalBasis());
		s.setString(9, item.clause());
		s.setBoolean(10, item.majorHazard());
		s.setString(11, item.criterion());
		s.setBoolean(12, item.remoteEligible());
		s.setString(13, item.status());
		s.setString(14, item.source());
		s.executeUpdate();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static List<CSVRecord> csv(String name) throws IOException {
		try (Reader reader = new InputStreamReader(resource(name), StandardCharsets.UTF_8)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

	private static InputStream resource(String name) throws IOException {
		InputStream in = V15__Checklist_reference.class.getResourceAsStream("/db/reference/" + name);
		if (in == null) {
			throw new IOException("reference data missing from the build: " + name);
		}
		return in;
	}
}
