package org.anjian.hazard.web;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.anjian.MovableClock;
import org.anjian.TestOfficers;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.HazardStatus;
import org.anjian.hazard.internal.HazardEvidence;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The hazard pages as their users meet them, on the embedded PostgreSQL with row security: 普陀区's officer orders
 * rectification, is refused an act the hazard's state does not allow, filters the ledger and re-inspects; the
 * enterprise's user sees its own hazards only, reports its rectification with a photo, and cannot pass off a
 * text file as one; the field app's REST API does the same.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HazardPagesTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	MockMvc mvc;

	@Autowired
	HazardRectification rectification;

	@Autowired
	HazardEvidence evidence;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String enterprise(String name) {
		return asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005",
				name + SEQUENCE.incrementAndGet()))).uscc();
	}

	String enterpriseName(String uscc) {
		return asSystem(() -> jdbc.sql("select name from enterprise where uscc = :u").param("u", uscc).query(String.class)
			.single());
	}

	String enterpriseUser(String uscc) {
		String username = "qiye-hazard-" + SEQUENCE.incrementAndGet();
		asSystem(() -> {
			UserAccount account = UserAccount.open(username, "企业安全员", "x", Set.of(Role.ENTERPRISE),
					JurisdictionScope.district("310107"), null);
			account.linkEnterprise(uscc);
			accounts.save(account);
		});
		return username;
	}

	/** A hazard just found at the enterprise, as an inspection records it. */
	long found(String uscc, String description, boolean major) {
		return asSystem(() -> jdbc.sql("""
				insert into hazard (district_code, street_code, uscc, description, legal_basis, major, status, found_at)
				values ('310107', '310107005', :uscc, :description, '《中华人民共和国安全生产法》第四十一条', :major, 'FOUND', now())
				returning id""")
			.param("uscc", uscc).param("description", description).param("major", major).query(Long.class).single());
	}

	long rectifying(String uscc, String description, boolean major) {
		long id = found(uscc, description, major);
		asSystem(() -> rectification.orderRectification(id, today().plusDays(10), null));
		return id;
	}

	long submitted(String uscc, String description) {
		long id = rectifying(uscc, description, false);
		asSystem(() -> rectification.submitEvidence(id, "已整改", null));
		return id;
	}

	Hazard hazard(long id) {
		return asSystem(() -> rectification.hazard(id));
	}

	LocalDate today() {
		return rectification.today();
	}

	long evidenceFiles(long hazardId) {
		return asSystem(() -> jdbc.sql("select count(*) from hazard_evidence where hazard_id = :h").param("h", hazardId)
			.query(Long.class).single());
	}

	static byte[] png(Color color) throws Exception {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 8; x++) {
			for (int y = 0; y < 8; y++) {
				image.setRGB(x, y, color.getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	String page(String username, String uri) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(uri).with(as(username))).andReturn().getResponse();
		assertThat(response.getStatus()).as(uri).isEqualTo(200);
		return response.getContentAsString();
	}

	@Test
	void anOfficerOrdersRectificationByADeadlineFromTheHazardsPage() throws Exception {
		String uscc = enterprise("隐患责令整改测试机械厂");
		long id = found(uscc, "配电箱未可靠接地", false);
		String before = page("putuo", "/hazards/" + id);
		assertThat(before).contains("配电箱未可靠接地", enterpriseName(uscc), "已发现", "责令限期整改")
			.doesNotContain("复查销号");

		MvcResult past = mvc.perform(post("/hazards/" + id + "/rectification-order").with(as("putuo")).with(csrf())
			.param("deadline", today().toString()).param("version", "0")).andReturn();
		assertThat(past.getFlashMap().get("refused")).isEqualTo("整改期限须晚于今天");
		assertThat(hazard(id).status()).isEqualTo(HazardStatus.FOUND);

		MvcResult ordered = mvc.perform(post("/hazards/" + id + "/rectification-order").with(as("putuo")).with(csrf())
			.param("deadline", today().plusDays(15).toString()).param("version", "0")).andReturn();

		assertThat(ordered.getResponse().getRedirectedUrl()).isEqualTo("/hazards/" + id);
		assertThat((String) ordered.getFlashMap().get("done")).contains("已责令限期整改");
		assertThat(hazard(id).status()).isEqualTo(HazardStatus.RECTIFYING);
		assertThat(hazard(id).deadline()).isEqualTo(today().plusDays(15));
		String after = page("putuo", "/hazards/" + id);
		assertThat(after).contains("整改中", "剩余 15 天", "责令限期整改").doesNotContain("action=\"/hazards/" + id
				+ "/rectification-order\"");
		// the act is in the hazard's history under its name, with the officer who did it, by name
		assertThat(after).contains("刘洋（普陀区应急管理局执法大队）</td><td>责令限期整改</td><td>整改中");
	}

	@Test
	void verifyingAHazardStillBeingRectifiedIsRefusedWithTheReasonAndChangesNothing() throws Exception {
		long id = rectifying(enterprise("隐患拒绝测试机械厂"), "消防通道堆放杂物", false);
		Hazard before = hazard(id);

		MvcResult refused = mvc.perform(post("/hazards/" + id + "/verification").with(as("putuo")).with(csrf())
			.param("note", "现场已清理").param("version", String.valueOf(before.version()))).andReturn();

		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/hazards/" + id);
		assertThat((String) refused.getFlashMap().get("refused")).isEqualTo("隐患当前为“整改中”，不能复查销号（转为“已销号”）");
		Hazard after = hazard(id);
		assertThat(after.status()).isEqualTo(HazardStatus.RECTIFYING);
		assertThat(after.version()).isEqualTo(before.version());
		assertThat(after.reinspectionNote()).isNull();
		// a form of an older version is refused as well
		long submitted = submitted(enterprise("隐患旧版本测试机械厂"), "安全出口指示灯损坏");
		MvcResult stale = mvc.perform(post("/hazards/" + submitted + "/verification").with(as("putuo")).with(csrf())
			.param("version", "0")).andReturn();
		assertThat((String) stale.getFlashMap().get("refused")).contains("已被他人修改");
		assertThat(hazard(submitted).status()).isEqualTo(HazardStatus.SUBMITTED);
	}

	@Test
	void theEnterpriseSeesItsOwnHazardsAndRemindersAndNotAnotherEnterprises() throws Exception {
		String own = enterprise("隐患本企业测试五金厂");
		String other = enterprise("隐患他企业测试五金厂");
		String qiye = enterpriseUser(own);
		long mine = rectifying(own, "本企业：砂轮机防护罩缺失", true);
		long theirs = rectifying(other, "他企业：叉车未年检", false);
		asSystem(() -> jdbc.sql("""
				insert into hazard_reminder (district_code, street_code, hazard_id, uscc, kind, deadline)
				select district_code, street_code, id, uscc, 'DUE_SOON', deadline from hazard where id in (:a, :b)""")
			.param("a", mine).param("b", theirs).update());

		String list = page(qiye, "/my/hazards");

		assertThat(list).contains("本企业：砂轮机防护罩缺失", "整改中", "剩余 10 天", "即将到期", "/my/hazards/" + mine)
			.doesNotContain("他企业：叉车未年检");
		assertThat(page(qiye, "/my/hazards/" + mine)).contains("本企业：砂轮机防护罩缺失", "报告整改情况");
		assertThat(mvc.perform(get("/my/hazards/" + theirs).with(as(qiye))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		MockHttpServletResponse intrusion = mvc.perform(multipart("/my/hazards/" + theirs + "/evidence")
			.file(new MockMultipartFile("files", "photo.png", "image/png", png(Color.GREEN)))
			.param("note", "越权提交").with(as(qiye)).with(csrf())).andReturn().getResponse();
		assertThat(intrusion.getStatus()).isEqualTo(404);
		assertThat(hazard(theirs).status()).isEqualTo(HazardStatus.RECTIFYING);
		assertThat(evidenceFiles(theirs)).isZero();
		// an enterprise's user has no officers' ledger, and officers no enterprise's page
		assertThat(mvc.perform(get("/hazards").with(as(qiye))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/my/hazards").with(as("putuo"))).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void theEnterpriseReportsWithAPhotoAndTheOfficerSeesItAndVerifiesTheHazardClosed() throws Exception {
		String uscc = enterprise("隐患整改材料测试机械厂");
		String qiye = enterpriseUser(uscc);
		long id = rectifying(uscc, "冲床光电保护装置失效", false);
		byte[] photo = png(Color.BLUE);

		MvcResult reported = mvc.perform(multipart("/my/hazards/" + id + "/evidence")
			.file(new MockMultipartFile("files", "C:\\整改\\光电保护.png", "image/png", photo))
			// the same photo chosen twice is kept once
			.file(new MockMultipartFile("files", "光电保护-副本.png", "image/png", photo))
			.param("note", "已更换光电保护装置并试验有效").param("version", String.valueOf(hazard(id).version()))
			.with(as(qiye)).with(csrf())).andReturn();

		assertThat(reported.getResponse().getRedirectedUrl()).isEqualTo("/my/hazards/" + id);
		assertThat(reported.getFlashMap().get("done")).isEqualTo("已提交整改情况，等待执法人员复查");
		assertThat(hazard(id).status()).isEqualTo(HazardStatus.SUBMITTED);
		assertThat(evidenceFiles(id)).isEqualTo(1);
		long fileId = asSystem(() -> jdbc.sql("select id from hazard_evidence where hazard_id = :h").param("h", id)
			.query(Long.class).single());
		assertThat(page(qiye, "/my/hazards/" + id)).contains("待复查", "光电保护.png", "已更换光电保护装置并试验有效")
			.doesNotContain("报告整改情况");
		// the audit trail records the file by its digest, not its bytes
		String audited = asSystem(() -> jdbc.sql("""
				select after_state::text from audit_record where entity_type = 'hazard_evidence' and entity_id = :id""")
			.param("id", String.valueOf(fileId)).query(String.class).single());
		assertThat(audited).contains(qiye).doesNotContain("\"data\"");

		String detail = page("putuo", "/hazards/" + id);
		assertThat(detail).contains("已更换光电保护装置并试验有效", "光电保护.png", "复查销号", "复查不合格",
				"/hazards/" + id + "/evidence/" + fileId);
		MockHttpServletResponse download = mvc.perform(get("/hazards/" + id + "/evidence/" + fileId).with(as("putuo")))
			.andReturn().getResponse();
		assertThat(download.getContentType()).isEqualTo("image/png");
		assertThat(download.getContentAsByteArray()).isEqualTo(photo);
		assertThat(mvc.perform(get("/my/hazards/" + id + "/evidence/" + fileId).with(as(qiye))).andReturn().getResponse()
			.getContentAsByteArray()).isEqualTo(photo);

		// 复查销号 by two officers (issue 21, finding 7): alone, or with oneself, it is refused and changes nothing
		long self = asSystem(() -> jdbc.sql("select officer_id from app_user where username = 'putuo'").query(Long.class)
			.single());
		for (String second : new String[] { "", String.valueOf(self) }) {
			MvcResult alone = mvc.perform(post("/hazards/" + id + "/verification").with(as("putuo")).with(csrf())
				.param("secondOfficerId", second).param("note", "一人复查")
				.param("version", String.valueOf(hazard(id).version()))).andReturn();
			assertThat((String) alone.getFlashMap().get("refused")).contains("执法人员");
			assertThat(hazard(id).status()).isEqualTo(HazardStatus.SUBMITTED);
		}
		assertThat(page("putuo", "/hazards/" + id)).contains("id=\"second-officer\"")
			.doesNotContain("<option value=\"" + self + "\"");
		long second = TestOfficers.forHazard(jdbc, id);
		MvcResult verified = mvc.perform(post("/hazards/" + id + "/verification").with(as("putuo")).with(csrf())
			.param("secondOfficerId", String.valueOf(second)).param("note", "现场复查，光电保护有效")
			.param("version", String.valueOf(hazard(id).version()))).andReturn();

		assertThat(verified.getFlashMap().get("done")).isEqualTo("复查合格，隐患已销号");
		assertThat(hazard(id).status()).isEqualTo(HazardStatus.VERIFIED);
		assertThat(hazard(id).verifiedBy()).isEqualTo("putuo");
		assertThat(hazard(id).verifiedWith()).isEqualTo(second);
		assertThat(page("putuo", "/hazards/" + id)).contains("已销号", "现场复查，光电保护有效", "企业提交整改材料",
				"复查合格，销号", "（两人复查）").doesNotContain("action=\"/hazards/" + id + "/verification\"");
	}

	@Test
	void aTextFileNamedLikeAPhotoIsRefusedAndTheHazardStaysAsItWas() throws Exception {
		String uscc = enterprise("隐患伪造文件测试机械厂");
		String qiye = enterpriseUser(uscc);
		long id = rectifying(uscc, "危化品仓库通风不良", false);

		MvcResult refused = mvc.perform(multipart("/my/hazards/" + id + "/evidence")
			.file(new MockMultipartFile("files", "通风.png", "image/png", "这不是照片".getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("files", "真照片.png", "image/png", png(Color.RED)))
			.param("note", "已加装排风扇").with(as(qiye)).with(csrf())).andReturn();

		assertThat((String) refused.getFlashMap().get("refused")).isEqualTo("文件“通风.png”不是 JPEG、PNG 照片或 PDF 文件，请转换格式后再上传");
		assertThat((java.util.Map<String, String>) refused.getFlashMap().get("form")).as("what was typed comes back")
			.containsEntry("note", "已加装排风扇");
		// the flash attributes live in the (JDBC) session: the page after the refusal carries its cookie, as a browser does
		assertThat(mvc.perform(get("/my/hazards/" + id).cookie(refused.getResponse().getCookie("SESSION")).with(as(qiye)))
			.andReturn().getResponse().getContentAsString()).contains(">已加装排风扇</textarea>");
		assertThat(hazard(id).status()).isEqualTo(HazardStatus.RECTIFYING);
		assertThat(hazard(id).rectificationNote()).isNull();
		assertThat(evidenceFiles(id)).isZero();
		// nor is a report without any file taken
		MvcResult empty = mvc.perform(multipart("/my/hazards/" + id + "/evidence").param("note", "已加装排风扇")
			.with(as(qiye)).with(csrf())).andReturn();
		assertThat((String) empty.getFlashMap().get("refused")).contains("请上传整改后的照片或材料");
		assertThat(hazard(id).status()).isEqualTo(HazardStatus.RECTIFYING);
	}

	@Test
	void aJpegAndAPdfAreTakenByTheirBytesAndAFileOverTenMegabytesIsRefused() {
		long id = rectifying(enterprise("隐患材料类型测试机械厂"), "有限空间未设置警示标志", false);
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F' };
		byte[] pdf = "%PDF-1.4\n% 整改报告\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
		byte[] tooLarge = Arrays.copyOf(pdf, HazardEvidence.MAX_BYTES + 1);

		assertThatThrownBy(() -> asSystem(() -> evidence.submit(id, "已设置警示标志",
				List.of(new HazardEvidence.Upload("报告.pdf", pdf), new HazardEvidence.Upload("扫描件.pdf", tooLarge)), null,
				"test"))).hasMessage("文件“扫描件.pdf”超过 10 MB，请压缩后再上传");
		assertThat(hazard(id).status()).isEqualTo(HazardStatus.RECTIFYING);
		assertThat(evidenceFiles(id)).isZero();

		asSystem(() -> evidence.submit(id, "已设置警示标志", List.of(new HazardEvidence.Upload("警示标志.jpg", jpeg),
				new HazardEvidence.Upload("/tmp/报告.pdf", pdf)), null, "test"));

		assertThat(asSystem(() -> evidence.files(id))).extracting(HazardEvidence.EvidenceFile::fileName,
				HazardEvidence.EvidenceFile::contentType)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("警示标志.jpg", "image/jpeg"),
					org.assertj.core.groups.Tuple.tuple("报告.pdf", "application/pdf"));
		assertThat(hazard(id).status()).isEqualTo(HazardStatus.SUBMITTED);
	}

	@Test
	void theLedgerFiltersByStatusOverdueMajorAndEnterprise() throws Exception {
		String marker = "隐患筛选" + SEQUENCE.incrementAndGet();
		String uscc = enterprise(marker + "机械厂");
		String name = enterpriseName(uscc);
		long overdue = rectifying(uscc, marker + "：重大隐患已逾期", true);
		long open = found(uscc, marker + "：一般隐患待责令", false);
		long closed = submitted(uscc, marker + "：一般隐患已销号");
		asSystem(() -> rectification.verify(closed, "putuo", TestOfficers.forHazard(jdbc, closed), null, null));
		found(enterprise("隐患筛选他厂"), "他厂隐患" + marker, true);
		// the deadline ten days ahead has passed three days ago
		clock.advanceDays(13);
		try {
			String all = page("putuo", "/hazards?enterprise=" + name);
			assertThat(all).contains("共 3 项", marker + "：重大隐患已逾期", marker + "：一般隐患待责令", marker + "：一般隐患已销号",
					"逾期 3 天").doesNotContain("他厂隐患" + marker);
			assertThat(page("putuo", "/hazards?enterprise=" + uscc.toLowerCase())).contains("共 3 项");
			assertThat(page("putuo", "/hazards?status=FOUND&enterprise=" + name)).contains("共 1 项", marker + "：一般隐患待责令");
			assertThat(page("putuo", "/hazards?overdue=true&enterprise=" + name)).contains("共 1 项", marker + "：重大隐患已逾期");
			assertThat(page("putuo", "/hazards?major=true&enterprise=" + marker)).contains("共 1 项", marker + "：重大隐患已逾期")
				.doesNotContain(marker + "：一般隐患");
			assertThat(page("putuo", "/hazards?status=VERIFIED&enterprise=" + name)).contains("共 1 项", "/hazards/" + closed);
			assertThat(page("putuo", "/hazards?overdue=true&major=true&enterprise=" + marker)).contains("共 1 项",
					"/hazards/" + overdue).doesNotContain("/hazards/" + open + "\"");
			assertThat(mvc.perform(get("/hazards?status=LOST").with(as("putuo"))).andReturn().getResponse().getStatus())
				.isEqualTo(400);
			// another district's officer does not reach 普陀's hazards
			assertThat(page("pudong", "/hazards?enterprise=" + name)).contains("共 0 项").doesNotContain(marker + "：");
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void theFieldAppReadsTheLedgerAndReinspectsThroughTheApi() throws Exception {
		String marker = "隐患接口" + SEQUENCE.incrementAndGet();
		String uscc = enterprise(marker + "机械厂");
		long passing = submitted(uscc, marker + "：配电柜门未关闭");
		long failing = submitted(uscc, marker + "：灭火器过期");
		long rectifying = rectifying(uscc, marker + "：警示标志缺失", true);

		String ledger = mvc.perform(get("/api/hazards").param("enterprise", marker).param("status", "SUBMITTED")
			.with(as("putuo"))).andReturn().getResponse().getContentAsString();
		assertThat((Integer) JsonPath.read(ledger, "$.total")).isEqualTo(2);
		assertThat(JsonPath.<List<Integer>>read(ledger, "$.hazards[*].id"))
			.containsExactlyInAnyOrder((int) passing, (int) failing);
		String one = mvc.perform(get("/api/hazards/" + rectifying).with(as("putuo"))).andReturn().getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(one, "$.status")).isEqualTo("RECTIFYING");
		assertThat((Integer) JsonPath.read(one, "$.daysLeft")).isEqualTo(10);
		assertThat((Boolean) JsonPath.read(one, "$.major")).isTrue();

		MockHttpServletResponse stale = mvc.perform(post("/api/hazards/" + passing + "/verification").with(as("putuo"))
			.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"合格\",\"version\":0}"))
			.andReturn().getResponse();
		assertThat(stale.getStatus()).isEqualTo(409);
		MockHttpServletResponse refused = mvc.perform(post("/api/hazards/" + rectifying + "/verification")
			.with(as("putuo")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(refused.getContentAsString()).contains("隐患当前为“整改中”，不能复查销号");

		String verified = mvc.perform(post("/api/hazards/" + passing + "/verification").with(as("putuo")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"secondOfficerId\":" + TestOfficers.forHazard(jdbc, passing) + ",\"note\":\"配电柜已上锁\",\"version\":"
					+ hazard(passing).version() + "}"))
			.andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(verified, "$.status")).isEqualTo("VERIFIED");
		assertThat(hazard(passing).reinspectionNote()).isEqualTo("配电柜已上锁");

		MockHttpServletResponse noReason = mvc.perform(post("/api/hazards/" + failing + "/reinspection-failure")
			.with(as("putuo")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"deadline\":\"" + today().plusDays(7) + "\"}")).andReturn().getResponse();
		assertThat(noReason.getStatus()).isEqualTo(400);
		assertThat(noReason.getContentAsString()).contains("请说明复查不合格的原因");
		String failed = mvc.perform(post("/api/hazards/" + failing + "/reinspection-failure").with(as("putuo"))
			.with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"deadline\":\"" + today().plusDays(7) + "\",\"note\":\"仍有两具灭火器过期\"}"))
			.andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(failed, "$.status")).isEqualTo("RECTIFYING");
		assertThat((String) JsonPath.read(failed, "$.deadline")).isEqualTo(today().plusDays(7).toString());
		assertThat(hazard(failing).reinspectionNote()).isEqualTo("仍有两具灭火器过期");
		// another district's officer finds none of them
		assertThat(mvc.perform(get("/api/hazards/" + rectifying).with(as("pudong"))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}
}
