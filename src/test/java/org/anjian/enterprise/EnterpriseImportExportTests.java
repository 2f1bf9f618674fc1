package org.anjian.enterprise;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.anjian.audit.AuditTrail;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Importing and exporting enterprise files through the REST API, on the embedded database. */
@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseImportExportTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	EnterpriseRegistry registry;

	@Test
	void tenThousandRowsWithThreeBadRowsChangeNothingThenTheCorrectedFileImportsAllAndAgainWithoutDuplicates()
			throws Exception {
		String tag = ImportRows.tag();
		List<List<String>> rows = new ArrayList<>();
		IntStream.range(0, 10_000).forEach(i -> rows.add(ImportRows.row(tag, i)));
		List<List<String>> bad = new ArrayList<>(rows.stream().map(ArrayList::new).toList());
		String goodCode = rows.get(100).get(0);
		char expected = goodCode.charAt(17);
		bad.get(100).set(0, goodCode.substring(0, 17) + (expected == 'A' ? 'B' : 'A')); // line 102
		bad.get(5000).set(6, "火星区"); // line 5002
		bad.get(9998).set(11, "核电"); // line 10000
		long auditBefore = auditCount();

		MvcResult refused = importAs("city", ImportRows.csv(bad).getBytes(StandardCharsets.UTF_8), "企业.csv");

		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(refused.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.get("badRowCount").asLong()).isEqualTo(3);
		JsonNode errors = problem.get("rowErrors");
		assertThat(errors).hasSize(3);
		assertThat(errors.get(0).get("line").asLong()).isEqualTo(102);
		assertThat(errors.get(0).get("column").asString()).isEqualTo("统一社会信用代码");
		assertThat(errors.get(0).get("reason").asString()).contains("第18位应为“" + expected + "”");
		assertThat(errors.get(1).get("line").asLong()).isEqualTo(5002);
		assertThat(errors.get(1).get("column").asString()).isEqualTo("区");
		assertThat(errors.get(1).get("reason").asString()).contains("火星区", "不是上海市的区");
		assertThat(errors.get(2).get("line").asLong()).isEqualTo(10000);
		assertThat(errors.get(2).get("column").asString()).isEqualTo("行业领域");
		assertThat(errors.get(2).get("reason").asString()).contains("核电", "危险化学品", "工贸");
		assertThat(problem.get("detail").asString()).contains("3 行有误", "未导入任何数据");
		assertThat(enterprisesTagged(tag)).isZero();
		assertThat(auditCount()).isEqualTo(auditBefore);

		byte[] corrected = ImportRows.csv(rows).getBytes(StandardCharsets.UTF_8);
		long started = System.nanoTime();
		MvcResult imported = importAs("city", corrected, "企业.csv");
		long firstMillis = (System.nanoTime() - started) / 1_000_000;

		assertThat(imported.getResponse().getStatus()).as(imported.getResponse().getContentAsString()).isEqualTo(200);
		JsonNode report = JSON.readTree(imported.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(report.get("created").asInt()).isEqualTo(10_000);
		assertThat(report.get("updated").asInt()).isZero();
		assertThat(enterprisesTagged(tag)).isEqualTo(10_000);
		assertThat(auditCount() - auditBefore).as("one audit record per enterprise written").isEqualTo(10_000);
		Enterprise chemical = asSystem(() -> registry.file(ImportRows.code("310107", tag, 0)));
		assertThat(chemical.supervisionLevel()).hasToString("DISTRICT");
		assertThat(chemical.majorHazardLevel()).isEqualTo(3);
		assertThat(chemical.riskTags()).containsExactlyInAnyOrder(RiskTag.MAJOR_HAZARD_INSTALLATION, RiskTag.CONFINED_SPACE);
		Enterprise workshop = asSystem(() -> registry.file(rows.get(1).get(0)));
		assertThat(workshop.supervisionLevel()).hasToString("STREET");
		assertThat(workshop.streetCode()).isEqualTo("310107021");
		assertThat(asSystem(() -> audit.history("enterprise", workshop.uscc())))
			.extracting(a -> a.action()).containsExactly("enterprise.importRegister");

		started = System.nanoTime();
		MvcResult again = importAs("city", corrected, "企业.csv");
		long againMillis = (System.nanoTime() - started) / 1_000_000;
		JsonNode second = JSON.readTree(again.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(second.get("created").asInt()).isZero();
		assertThat(second.get("updated").asInt() + second.get("unchanged").asInt()).isEqualTo(10_000);
		assertThat(second.get("unchanged").asInt()).as("an identical row rewrites nothing").isEqualTo(10_000);
		assertThat(enterprisesTagged(tag)).isEqualTo(10_000);

		List<List<String>> renamed = new ArrayList<>(rows.stream().map(ArrayList::new).toList());
		for (int i = 0; i < 10_000; i += 2) {
			renamed.get(i).set(4, "021-6600" + String.format("%04d", i % 10_000));
		}
		started = System.nanoTime();
		MvcResult changed = importAs("city", ImportRows.csv(renamed).getBytes(StandardCharsets.UTF_8), "企业.csv");
		long changedMillis = (System.nanoTime() - started) / 1_000_000;
		JsonNode third = JSON.readTree(changed.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(third.get("created").asInt()).isZero();
		assertThat(third.get("updated").asInt()).isEqualTo(5_000);
		assertThat(third.get("updatedRows").get(0).get("line").asLong()).isEqualTo(2);
		assertThat(third.get("updatedRows").get(0).get("uscc").asString()).isEqualTo(rows.get(0).get(0));
		assertThat(third.get("unchanged").asInt()).isEqualTo(5_000);
		assertThat(enterprisesTagged(tag)).isEqualTo(10_000);
		assertThat(asSystem(() -> audit.history("enterprise", rows.get(0).get(0))))
			.extracting(a -> a.action()).containsExactly("enterprise.importRegister", "enterprise.importUpdate");
		started = System.nanoTime();
		MvcResult export = mvc.perform(get("/api/enterprises/export").param("q", "导入测试" + tag).with(as("city"))).andReturn();
		long exportMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(export.getResponse().getHeader("X-Export-Rows")).isEqualTo("10000");
		started = System.nanoTime();
		MvcResult reimported = importAs("city", export.getResponse().getContentAsByteArray(), "企业名录.xlsx");
		long xlsxMillis = (System.nanoTime() - started) / 1_000_000;
		JsonNode fourth = JSON.readTree(reimported.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(fourth.get("unchanged").asInt()).as("the export of 10,000 files imports again as the same files")
			.isEqualTo(10_000);
		System.out.printf("EXPORT TIMING 10,000 rows: %d ms (%d bytes); its re-import %d ms%n", exportMillis,
				export.getResponse().getContentAsByteArray().length, xlsxMillis);
		System.out.printf("IMPORT TIMING 10,000 rows: first import %d ms (server %d ms), identical re-import %d ms,"
				+ " 5,000 changed %d ms%n", firstMillis, report.get("millis").asLong(), againMillis, changedMillis);
		assertThat(firstMillis).as("10,000 rows well under a minute").isLessThan(60_000);
	}

	@Test
	void gbkCsvWithChineseNamesParses() throws Exception {
		String tag = ImportRows.tag();
		String code = ImportRows.code("310113", tag, 1);
		String csv = ImportRows.HEADER + "\r\n" + code + ",宝山" + tag + "冷链物流有限公司,王一,赵二,02156781234,上海市宝山区月浦镇某路8号,"
				+ "宝山区,月浦镇,121.41,31.40,59,工贸,商贸,涉氨制冷；有限空间,,小型,45,是,涉氨制冷重点企业,宝武集团,三级,是\r\n";
		MvcResult result = importAs("city", csv.getBytes(Charset.forName("GBK")), "企业.csv");

		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("GBK");
		Enterprise e = asSystem(() -> registry.file(code));
		assertThat(e.name()).isEqualTo("宝山" + tag + "冷链物流有限公司");
		assertThat(e.streetCode()).isEqualTo("310113104");
		assertThat(e.riskTags()).containsExactlyInAnyOrder(RiskTag.AMMONIA_REFRIGERATION, RiskTag.CONFINED_SPACE);
		assertThat(e.keyUnit()).isTrue();
		assertThat(e.keyUnitReason()).isEqualTo("涉氨制冷重点企业");
		assertThat(e.standardizationGrade()).isEqualTo(StandardizationGrade.LEVEL_3);
		assertThat(e.supervisionLevel()).as("a key industry-trade unit").hasToString("DISTRICT");
	}

	@Test
	void utf8CsvWithBomBlankLinesAndMultiLineCellsReportsLinesAsInTheFile() throws Exception {
		String tag = ImportRows.tag();
		List<String> first = ImportRows.row(tag, 1);
		first.set(5, "上海市普陀区\n某路1号"); // a quoted cell over two lines: the next row starts on line 4
		List<String> second = ImportRows.row(tag, 8);
		second.set(15, "巨型");
		String csv = "\uFEFF" + ImportRows.csv(List.of(first)) + "\r\n" + ImportRows.csv(List.of(second)).split("\r\n", 2)[1];
		MvcResult result = importAs("city", csv.getBytes(StandardCharsets.UTF_8), "企业.csv");

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		JsonNode errors = JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("rowErrors");
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).get("line").asLong()).as("header 1, row over lines 2-3, blank line 4").isEqualTo(5);
		assertThat(errors.get(0).get("column").asString()).isEqualTo("规模");
		assertThat(errors.get(0).get("reason").asString()).contains("巨型", "大型、中型、小型、微型");
	}

	@Test
	void renamingByImportKeepsTheOldNameBesideTheFormerNamesGiven() throws Exception {
		String tag = ImportRows.tag();
		List<String> row = ImportRows.row(tag, 1);
		importAs("city", ImportRows.csv(List.of(row)).getBytes(StandardCharsets.UTF_8), "a.csv");
		String oldName = row.get(1);
		String csv = "统一社会信用代码,企业名称,曾用名,区,街镇,行业领域,子类,规模\r\n" + row.get(0) + ",新名称" + tag
				+ "有限公司,更早的名称、另一个旧名,普陀区,万里街道,工贸,机械,小型\r\n";

		MvcResult result = importAs("city", csv.getBytes(StandardCharsets.UTF_8), "a.csv");

		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		Enterprise e = asSystem(() -> registry.file(row.get(0)));
		assertThat(e.name()).isEqualTo("新名称" + tag + "有限公司");
		assertThat(e.formerNames()).containsExactly(oldName, "更早的名称", "另一个旧名");
	}

	@Test
	void missingRequiredColumnAndUnknownHeaderAreNamed() throws Exception {
		String csv = "统一社会信用代码,企业名称,法人代表人,区\r\n91310107MA1G8XXX1X,某厂,张三,普陀区\r\n";
		MvcResult result = importAs("city", csv.getBytes(StandardCharsets.UTF_8), "企业.csv");
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("无法识别的列名“法人代表人”", "缺少必填列“行业领域”", "缺少必填列“子类”", "缺少必填列“规模”");
	}

	@Test
	void xlsxExportImportsAgainUnchanged() throws Exception {
		String tag = ImportRows.tag();
		List<List<String>> rows = List.of(ImportRows.row(tag, 0), ImportRows.row(tag, 1), ImportRows.row(tag, 7));
		assertThat(importAs("city", ImportRows.csv(rows).getBytes(StandardCharsets.UTF_8), "企业.csv").getResponse().getStatus())
			.isEqualTo(200);

		MvcResult export = mvc.perform(get("/api/enterprises/export").param("q", "导入测试" + tag).with(as("city"))).andReturn();

		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		assertThat(export.getResponse().getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(export.getResponse().getHeader("Content-Disposition")).contains("attachment", "filename*=UTF-8''",
				"%E4%BC%81%E4%B8%9A%E5%90%8D%E5%BD%95"); // 企业名录
		assertThat(export.getResponse().getHeader("X-Export-Rows")).isEqualTo("3");
		byte[] xlsx = export.getResponse().getContentAsByteArray();
		List<Row> sheet;
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			sheet = workbook.getFirstSheet().read();
		}
		assertThat(sheet).hasSize(4);
		assertThat(sheet.get(0).getCellText(0)).isEqualTo("统一社会信用代码");
		assertThat(sheet.get(1).getCellText(0)).isEqualTo(ImportRows.code("310107", tag, 0));
		assertThat(sheet.get(1).getCellText(7)).isEqualTo("普陀区");
		assertThat(sheet.get(1).getCellText(12)).isEqualTo("危险化学品");

		MvcResult again = importAs("city", xlsx, "企业名录.xlsx");
		assertThat(again.getResponse().getStatus()).as(again.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		JsonNode report = JSON.readTree(again.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(report.get("format").asString()).isEqualTo("xlsx");
		assertThat(report.get("created").asInt()).isZero();
		assertThat(report.get("unchanged").asInt()).as("an export re-imports as the same files").isEqualTo(3);
	}

	@Test
	void districtOfficerImportingAnotherDistrictsEnterpriseHasThatRowRefusedAndNothingImported() throws Exception {
		String tag = ImportRows.tag();
		List<String> putuo = ImportRows.row(tag, 1); // 普陀区
		List<String> pudong = ImportRows.row(tag, 2); // 浦东新区
		MvcResult result = importAs("putuo", ImportRows.csv(List.of(putuo, pudong)).getBytes(StandardCharsets.UTF_8), "a.csv");

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		JsonNode errors = JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("rowErrors");
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).get("line").asLong()).isEqualTo(3);
		assertThat(errors.get(0).get("column").asString()).isEqualTo("区");
		assertThat(errors.get(0).get("reason").asString()).contains("浦东新区", "不在您的管辖范围（普陀区）内");
		assertThat(enterprisesTagged(tag)).isZero();
	}

	@Test
	void districtOfficerCannotOverwriteACodeFiledInAnotherDistrict() throws Exception {
		String tag = ImportRows.tag();
		List<String> pudong = ImportRows.row(tag, 2);
		assertThat(importAs("city", ImportRows.csv(List.of(pudong)).getBytes(StandardCharsets.UTF_8), "a.csv")
			.getResponse().getStatus()).isEqualTo(200);
		List<String> movedToPutuo = new ArrayList<>(pudong);
		movedToPutuo.set(6, "普陀区");
		movedToPutuo.set(7, "长寿路街道");
		MvcResult result = importAs("putuo", ImportRows.csv(List.of(movedToPutuo)).getBytes(StandardCharsets.UTF_8), "a.csv");

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("管辖范围以外", "\"line\":2");
		assertThat(asSystem(() -> registry.file(pudong.get(0))).districtCode()).isEqualTo("310115");
	}

	@Test
	void exportRespectsJurisdiction() throws Exception {
		String tag = ImportRows.tag();
		importAs("city", ImportRows.csv(List.of(ImportRows.row(tag, 1), ImportRows.row(tag, 2))).getBytes(StandardCharsets.UTF_8), "a.csv");

		MvcResult export = mvc.perform(get("/api/enterprises/export").param("q", "导入测试" + tag).with(as("putuo"))).andReturn();

		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		List<String> districts = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			workbook.getFirstSheet().read().stream().skip(1).forEach(r -> districts.add(r.getCellText(7)));
		}
		assertThat(districts).containsExactly("普陀区");
		MvcResult whole = mvc.perform(get("/api/enterprises/export").with(as("putuo"))).andReturn();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(whole.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getFirstSheet().read().stream().skip(1).map(r -> r.getCellText(7)))
				.isNotEmpty().allMatch("普陀区"::equals);
		}
	}

	@Test
	void onlyOfficersMayImportOrExport() throws Exception {
		byte[] csv = ImportRows.csv(List.of(ImportRows.row(ImportRows.tag(), 1))).getBytes(StandardCharsets.UTF_8);
		MockMultipartFile file = new MockMultipartFile("file", "a.csv", "text/csv", csv);
		assertThat(mvc.perform(multipart("/api/enterprises/import").file(file).with(csrf())).andReturn().getResponse().getStatus())
			.as("anonymous").isEqualTo(401);
		assertThat(mvc.perform(multipart("/api/enterprises/import").file(file).with(csrf())
			.with(user("firm").roles("ENTERPRISE"))).andReturn().getResponse().getStatus()).as("enterprise user").isEqualTo(403);
		assertThat(mvc.perform(multipart("/api/enterprises/import").file(file).with(csrf()).with(as("leader")))
			.andReturn().getResponse().getStatus()).as("leader").isEqualTo(403);
		assertThat(mvc.perform(multipart("/api/enterprises/import").file(file).with(as("city")))
			.andReturn().getResponse().getStatus()).as("without CSRF token").isEqualTo(403);
		assertThat(mvc.perform(get("/api/enterprises/export").with(user("firm").roles("ENTERPRISE")))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/api/enterprises/export")).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	private MvcResult importAs(String username, byte[] content, String filename) throws Exception {
		return mvc.perform(multipart("/api/enterprises/import")
			.file(new MockMultipartFile("file", filename, "application/octet-stream", content))
			.with(as(username))
			.with(csrf())).andReturn();
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private long enterprisesTagged(String tag) {
		return asSystem(() -> jdbc.sql("select count(*) from enterprise where substr(uscc, 9, 4) = :tag")
			.param("tag", tag).query(Long.class).single());
	}

	private long auditCount() {
		return asSystem(() -> jdbc.sql("select count(*) from audit_record").query(Long.class).single());
	}
}
