package org.anjian.inspection;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.shared.database.SystemScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The inspection code from the outside: its QR image read back by Debian's {@code zbarimg}, the public page it leads
 * to, the one rating, the 404 that tells nothing; and the enforcement documents read back by {@code pdftotext}. The
 * two tools are required: a machine without them fails these tests rather than skipping them (.ci/run installs them).
 */
@SpringBootTest
@AutoConfigureMockMvc
class InspectionCodeTests {

	private static final String PUTUO = "310107";
	private static final String PUDONG = "310115";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserDetailsService users;

	private InspectionCodeFixtures fixtures() {
		return new InspectionCodeFixtures(jdbc, registry);
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void newTokensAreLongUrlSafeAndNeverRepeat() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String token = InspectionCodes.newToken();
			assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
			assertThat(InspectionCodes.wellFormed(token)).isTrue();
			tokens.add(token);
		}
		assertThat(tokens).hasSize(1000);
	}

	@Test
	void theQrCodeScannedByZbarLeadsToThePublicPageOfItsInspection() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试扫码五金厂", "FINISHED");
		MockHttpServletResponse png = mvc.perform(get("/p/ic/{token}.png", task.token())).andReturn().getResponse();
		assertThat(png.getStatus()).isEqualTo(200);
		assertThat(png.getContentType()).isEqualTo("image/png");
		Path file = Files.createTempFile("inspection-code", ".png");
		Files.write(file, png.getContentAsByteArray());
		String url = run("zbarimg", "--raw", "-q", file.toString()).trim();
		Files.delete(file);
		assertThat(url).isEqualTo("http://localhost/p/ic/" + task.token());

		String page = mvc.perform(get(URI.create(url).getPath())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(task.enterpriseName(), task.bodyName(), task.leadBadge(), task.secondBadge(),
				InspectionCodeFixtures.MATTER, "已完成", task.finding());
		assertThat(page).containsPattern("id=\"items-checked\">2<").containsPattern("id=\"passed\">1<")
			.containsPattern("id=\"failed\">1<");
		assertThat(page).as("the rating form, with the CSRF token a public form post needs").contains("id=\"rating-form\"",
				"name=\"_csrf\"");
	}

	@Test
	void theRecordAndOrdersReadInChineseWithTheEnterpriseAndTheFindings() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试文书机械厂", "FINISHED");
		String record = pdfText(mvc.perform(get("/inspections/{id}/record.pdf", task.id()).with(as("putuo"))).andReturn()
			.getResponse());
		assertThat(record).contains("现场检查记录", task.documentNumber(), task.enterpriseName(), task.uscc(),
				task.leadBadge(), task.secondBadge(), "不符合");
		assertThat(squeezed(record)).contains(squeezed(task.finding()), squeezed(task.failedNote()), "第1页");

		assertThat(qrOfFirstPage(mvc.perform(get("/inspections/{id}/record.pdf", task.id()).with(as("putuo"))).andReturn()
			.getResponse())).as("the QR code printed on the record").isEqualTo("http://localhost/p/ic/" + task.token());

		String order = pdfText(mvc.perform(get("/inspections/{id}/rectification-order.pdf", task.id()).with(as("putuo")))
			.andReturn().getResponse());
		assertThat(order).contains("责令限期整改指令书", task.enterpriseName(), "整改期限");
		assertThat(squeezed(order)).contains(squeezed(task.finding()), "第十七条");

		String measures = pdfText(mvc.perform(get("/inspections/{id}/on-site-measures.pdf", task.id()).with(as("putuo")))
			.andReturn().getResponse());
		assertThat(measures).contains("现场处理措施决定书", task.enterpriseName());
		assertThat(squeezed(measures)).contains(squeezed(task.finding()), "撤出作业人员");
	}

	@Test
	void aPutuoOfficerFindsNoPudongInspectionDocuments() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUDONG, "检查码测试浦东文书厂", "FINISHED");
		for (String document : List.of("record", "rectification-order", "on-site-measures")) {
			MockHttpServletResponse response = mvc.perform(get("/inspections/{id}/" + document + ".pdf", task.id())
				.with(as("putuo"))).andReturn().getResponse();
			assertThat(response.getStatus()).as(document).isEqualTo(404);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(task.enterpriseName());
		}
	}

	@Test
	void aFinishedInspectionIsRatedOnceAndASecondRatingIsRefused() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试评价五金厂", "FINISHED");
		MockHttpServletResponse first = mvc.perform(post("/p/ic/{token}/rating", task.token()).with(csrf())
			.param("score", "4").param("conduct", "出示了执法证件").param("integrity", "无").param("service", "讲解耐心")
			.param("comment", "希望多给整改指导")).andReturn().getResponse();
		assertThat(first.getStatus()).isEqualTo(302);
		assertThat(first.getRedirectedUrl()).isEqualTo("/p/ic/" + task.token() + "?rated");
		String page = mvc.perform(get("/p/ic/{token}", task.token()).param("rated", "")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("感谢您的评价").doesNotContain("id=\"rating-form\"");

		MockHttpServletResponse second = mvc.perform(post("/p/ic/{token}/rating", task.token()).with(csrf())
			.param("score", "1").param("comment", "再评一次")).andReturn().getResponse();
		assertThat(second.getStatus()).isEqualTo(409);
		assertThat(second.getContentAsString(StandardCharsets.UTF_8)).contains("只能评价一次");
		assertThat(rating(task.id())).isEqualTo("4|出示了执法证件|无|讲解耐心|希望多给整改指导");
	}

	@Test
	void anInspectionNotFinishedCannotBeRatedNorShowsAResult() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试进行中五金厂", "IN_PROGRESS");
		String page = mvc.perform(get("/p/ic/{token}", task.token())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("检查中", task.leadBadge()).doesNotContain("id=\"rating-form\"", "id=\"result\"");
		MockHttpServletResponse refused = mvc.perform(post("/p/ic/{token}/rating", task.token()).with(csrf())
			.param("score", "5")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("检查尚未完成");
		assertThat(rating(task.id())).isNull();
	}

	@Test
	void aRatingWithoutScoreOrWithoutCsrfTokenChangesNothing() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试无分评价五金厂", "FINISHED");
		MockHttpServletResponse noScore = mvc.perform(post("/p/ic/{token}/rating", task.token()).with(csrf())
			.param("score", "9")).andReturn().getResponse();
		assertThat(noScore.getStatus()).isEqualTo(400);
		assertThat(noScore.getContentAsString(StandardCharsets.UTF_8)).contains("请选择 1 至 5 分");
		assertThat(mvc.perform(post("/p/ic/{token}/rating", task.token()).param("score", "5")).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(rating(task.id())).isNull();
	}

	@Test
	void anUnknownOrMalformedTokenIsAnsweredLikeAnyUnknownAddress() throws Exception {
		String unknownAddress = mvc.perform(get("/p/no-such-page")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		for (String token : List.of(InspectionCodes.newToken(), "short", "x".repeat(200))) {
			for (MockHttpServletResponse response : List.of(
					mvc.perform(get("/p/ic/{token}", token)).andReturn().getResponse(),
					mvc.perform(get("/p/ic/{token}.png", token)).andReturn().getResponse(),
					mvc.perform(post("/p/ic/{token}/rating", token).with(csrf()).param("score", "5")).andReturn()
						.getResponse())) {
				assertThat(response.getStatus()).as(token).isEqualTo(404);
				assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(token).isEqualTo(unknownAddress);
			}
		}
	}

	private String rating(long task) {
		return SystemScope.call("test", () -> jdbc.sql("select concat_ws('|', score, conduct, integrity, service, comment)"
				+ " from inspection_rating where task_id = :id").param("id", task).query(String.class).optional().orElse(null));
	}

	private static String pdfText(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		Path file = Files.createTempFile("inspection-document", ".pdf");
		Files.write(file, response.getContentAsByteArray());
		try {
			return run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
		}
		finally {
			Files.delete(file);
		}
	}

	/** The first page rendered by poppler's pdftoppm, its QR code read by zbarimg. */
	private static String qrOfFirstPage(MockHttpServletResponse response) throws Exception {
		Path dir = Files.createTempDirectory("inspection-document");
		Path pdf = dir.resolve("document.pdf");
		Files.write(pdf, response.getContentAsByteArray());
		run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf.toString(), dir.resolve("page").toString());
		String text = run("zbarimg", "--raw", "-q", dir.resolve("page.png").toString()).trim();
		try (var files = Files.list(dir)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(dir);
		return text;
	}

	/** Text read back from a PDF breaks lines wherever the layout did: compare without whitespace. */
	private static String squeezed(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process;
		try {
			// zbarimg talks to D-Bus on stderr where there is none: only standard output is the answer
			process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		}
		catch (IOException e) {
			throw new AssertionError(command[0] + " is required for this test (Debian: zbar-tools, poppler-utils)", e);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
		return output;
	}
}
