package org.anjian.hazard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.anjian.hazard.Hazard;
import org.anjian.hazard.TaskHazards;
import org.anjian.inspection.InspectionCodeImage;
import org.anjian.inspection.InspectionParticulars;
import org.anjian.inspection.Inspections;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.documents.OfficialDocument;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enforcement documents about the hazards an inspection found, as PDF after the national forms: the
 * rectification order (责令限期整改指令书), each hazard with its legal basis and the deadline it was ordered
 * rectified by, and the decision on on-site measures (现场处理措施决定书) that the major ones call for. They carry the
 * inspection's number and, on every page, the QR code of its inspection code ({@link OfficialDocument}). Read with
 * the caller's jurisdiction: a task outside it does not exist for them (404).
 */
@Service
public class RectificationDocuments {

	/** What the law says of a rectification order: the body orders it by Art. 65 (1) 3 of the Work Safety Law. */
	static final String ORDER_BASIS = "依据《中华人民共和国安全生产法》第六十五条第一款第三项的规定";

	private final Inspections inspections;
	private final TaskHazards hazards;
	private final Clock clock;

	RectificationDocuments(Inspections inspections, TaskHazards hazards, Clock clock) {
		this.inspections = inspections;
		this.hazards = hazards;
		this.clock = clock;
	}

	/** 责令限期整改指令书: the hazards found, each with its legal basis and deadline. */
	@Transactional(readOnly = true)
	public byte[] rectificationOrder(long taskId, String publicBaseUrl) {
		InspectionParticulars task = inspections.particulars(taskId);
		List<Hazard> found = hazards.of(taskId);
		if (found.isEmpty()) {
			throw new InvalidInputException("hazards", "本次检查未记录事故隐患，无需制作责令限期整改指令书");
		}
		return OfficialDocument.pdf(heading(task, "责令限期整改指令书", publicBaseUrl), document -> {
			document.paragraph(task.enterpriseName() + "：");
			document.indented("经查，你单位存在下列问题：");
			int n = 0;
			for (Hazard hazard : found) {
				document.indented(++n + ". " + (hazard.major() ? "【重大事故隐患】" : "") + hazard.description()
						+ "。依据：" + (hazard.legalBasis() == null ? "《中华人民共和国安全生产法》" : hazard.legalBasis())
						+ "。整改期限：" + (hazard.deadline() == null ? "立即整改"
								: OfficialDocument.DAY.format(hazard.deadline()) + "前整改完毕")
						+ "。");
			}
			document.indented(ORDER_BASIS + "，现责令你单位于上述期限内整改完毕，达到有关法律法规规章和标准规定的要求。"
					+ "由此造成事故的，依法追究有关人员的责任。");
			document.indented("整改期间，你单位应当采取措施，确保安全生产。对安全不能保障的，应当从危险区域内撤出作业人员，"
					+ "并疏散可能危及的其他人员，设置警戒标志，暂时停产停业或者停止使用相关设施、设备。");
			document.indented("如果不服本指令，可以依法在六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，"
					+ "但本指令不停止执行，法律另有规定的除外。");
			document.signatures("检查人员（签名）：" + task.officersWithBadges(), "被检查单位负责人（签名）：");
			document.closing(task.bodyName(), LocalDate.now(clock));
		});
	}

	/** 现场处理措施决定书: the on-site measures that the major hazards found call for. */
	@Transactional(readOnly = true)
	public byte[] onSiteMeasures(long taskId, String publicBaseUrl) {
		InspectionParticulars task = inspections.particulars(taskId);
		List<Hazard> major = hazards.of(taskId).stream().filter(Hazard::major).toList();
		if (major.isEmpty()) {
			throw new InvalidInputException("hazards", "本次检查未发现重大事故隐患，无需制作现场处理措施决定书");
		}
		return OfficialDocument.pdf(heading(task, "现场处理措施决定书", publicBaseUrl), document -> {
			document.paragraph(task.enterpriseName() + "：");
			document.indented("本机关于" + (task.day() == null ? "" : OfficialDocument.DAY.format(task.day()))
					+ "在对你单位进行现场检查时，发现你单位存在下列重大事故隐患：");
			int n = 0;
			for (Hazard hazard : major) {
				document.indented(++n + ". " + hazard.description()
						+ (hazard.legalBasis() == null ? "" : "（依据：" + hazard.legalBasis() + "）"));
			}
			document.indented(ORDER_BASIS + "，现作出如下现场处理决定：");
			n = 0;
			for (Hazard hazard : major) {
				document.indented(++n + ". 针对“" + hazard.description() + "”：责令从危险区域内撤出作业人员，"
						+ "暂时停产停业或者停止使用相关设施、设备；重大事故隐患排除后，经审查同意，方可恢复生产经营和使用。");
			}
			document.indented("如果不服本决定，可以依法在六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，"
					+ "但本决定不停止执行，法律另有规定的除外。");
			document.signatures("检查人员（签名）：" + task.officersWithBadges(), "被检查单位负责人（签名）：");
			document.closing(task.bodyName(), LocalDate.now(clock));
		});
	}

	private static OfficialDocument.Heading heading(InspectionParticulars task, String title, String publicBaseUrl) {
		return new OfficialDocument.Heading(task.bodyName(), title, task.number(),
				InspectionCodeImage.pageUrl(publicBaseUrl, task.codeToken()));
	}
}
