package org.anjian.inspection.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Photos of a visit and the experts who assisted it. */
@SpringBootTest
class InspectionEvidenceTests {

	@Autowired
	Inspections inspections;

	@Autowired
	OnSitePlans plans;

	@Autowired
	InspectionEvidence evidence;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	InspectionTask task(String name, boolean approved) {
		long putuo = asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = '310107'")
			.query(Long.class).single());
		asSystem(() -> jdbc.sql("""
				insert into checklist_item (code, module, text, legal_basis) values ('EVIDENCE-GEN-1', 'GENERAL',
				'安全警示标志设置', '《中华人民共和国安全生产法》第三十五条') on conflict (code) do nothing""").update());
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", name))).uscc();
		InspectionTask task = asSystem(() -> inspections.open(putuo, uscc, "证据测试", List.of("隐患排查治理"), LocalDate.now(),
				"putuo"));
		if (approved) {
			long lead = asSystem(() -> jdbc.sql("select id from officer where name = '刘洋' and body_id = :b").param("b", putuo)
				.query(Long.class).single());
			long second = asSystem(() -> jdbc.sql("select id from officer where name = '孙丽' and body_id = :b")
				.param("b", putuo).query(Long.class).single());
			asSystem(() -> inspections.assign(task.id(), lead, second, null));
			asSystem(() -> plans.assemble(task.id()));
			asSystem(() -> inspections.submitPlan(task.id(), null));
			asSystem(() -> inspections.approvePlan(task.id(), "leader", null));
		}
		return task;
	}

	static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void aPhotoIsAJpegOrPngByItsBytesAndTheSamePhotoSentTwiceIsKeptOnce() throws Exception {
		InspectionTask task = task("照片测试机械厂", true);
		byte[] png = png();
		long first = asSystem(() -> evidence.addPhoto(task.id(), null, png, "putuo"));
		long again = asSystem(() -> evidence.addPhoto(task.id(), null, png, "putuo"));
		assertThat(again).isEqualTo(first);
		assertThat(asSystem(() -> evidence.photos(task.id()))).hasSize(1).first()
			.satisfies(p -> assertThat(p.contentType()).isEqualTo("image/png"));
		assertThatThrownBy(() -> asSystem(() -> evidence.addPhoto(task.id(), null, "不是图片".getBytes(), "putuo")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("JPEG 或 PNG");
		assertThatThrownBy(() -> asSystem(() -> evidence.addPhoto(task.id(), null,
				new byte[InspectionEvidence.MAX_PHOTO_BYTES + 1], "putuo")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("10 MB");
		InspectionTask open = task("未批准照片测试厂", false);
		assertThatThrownBy(() -> asSystem(() -> evidence.addPhoto(open.id(), null, png, "putuo")))
			.isInstanceOf(InvalidTransitionException.class);
	}

	@Test
	void anExpertsMandatoryOpinionNeedsItsLegalBasisAndBindsOnlyOnceAnOfficerConfirmsIt() {
		InspectionTask task = task("专家意见测试机械厂", true);
		long expert = asSystem(() -> jdbc.sql("select min(id) from expert where active").query(Long.class).single());
		long participant = asSystem(() -> evidence.addExpert(task.id(), expert));
		assertThatThrownBy(() -> asSystem(() -> {
			evidence.giveOpinion(task.id(), participant, "立即停止有限空间作业", "MANDATORY", " ");
			return null;
		})).isInstanceOf(InvalidInputException.class).hasMessageContaining("法律依据");
		asSystem(() -> {
			evidence.giveOpinion(task.id(), participant, "立即停止有限空间作业", "MANDATORY", "《工贸企业有限空间作业安全规定》第十九条");
			return null;
		});
		assertThat(asSystem(() -> evidence.experts(task.id()))).singleElement()
			.satisfies(e -> assertThat(e.binding()).isFalse());
		asSystem(() -> {
			evidence.confirmOpinion(task.id(), participant, "putuo");
			return null;
		});
		assertThat(asSystem(() -> evidence.experts(task.id()))).singleElement()
			.satisfies(e -> assertThat(e.binding()).isTrue());
	}
}
