package org.anjian.inspection.internal;

import java.util.List;

import com.lowagie.text.pdf.PdfPTable;
import org.anjian.inspection.InspectionCodeImage;
import org.anjian.inspection.InspectionFinished;
import org.anjian.inspection.InspectionParticulars;
import org.anjian.inspection.Inspections;
import org.anjian.shared.documents.OfficialDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection's own enforcement document as PDF, after the national form: the on-site inspection record (现场检查
 * 记录), with the task's document number and, on every page, the QR code of its inspection code
 * ({@link OfficialDocument}). The documents about the hazards found (the rectification order, the on-site measures)
 * are the hazard module's. Read with the caller's jurisdiction: a task outside it does not exist for them (404).
 */
@Service
public class EnforcementDocuments {

	private final Inspections inspections;
	private final InspectionRecords records;
	private final JdbcClient jdbc;

	EnforcementDocuments(Inspections inspections, InspectionRecords records, JdbcClient jdbc) {
		this.inspections = inspections;
		this.records = records;
		this.jdbc = jdbc;
	}

	record Item(String text, String legalBasis, String clause, String outcome, String note) {
	}

	/** 现场检查记录: who was inspected, by whom, when, every planned item with its outcome and note, and the findings. */
	@Transactional(readOnly = true)
	public byte[] record(long taskId, String publicBaseUrl) {
		InspectionParticulars task = inspections.particulars(taskId);
		List<Item> items = items(taskId);
		List<InspectionFinished.Finding> findings = records.findings(taskId);
		return OfficialDocument.pdf(new OfficialDocument.Heading(task.bodyName(), "现场检查记录", task.number(),
				InspectionCodeImage.pageUrl(publicBaseUrl, task.codeToken())), document -> {
			PdfPTable head = document.table(1.3f, 3.7f);
			document.row(head, "被检查单位", task.enterpriseName());
			document.row(head, "统一社会信用代码", task.uscc());
			document.row(head, "地址", task.address());
			document.row(head, "检查机关", task.bodyName());
			document.row(head, "检查人员", task.officersWithBadges());
			document.row(head, "检查日期", task.day() == null ? "" : OfficialDocument.DAY.format(task.day()));
			document.row(head, "检查事项", String.join("、", task.matters()));
			document.add(head);
			document.heading("检查情况");
			if (items.isEmpty()) {
				document.paragraph("本次检查未列入检查项。");
			}
			else {
				PdfPTable table = document.table(0.5f, 3.4f, 2.1f, 0.8f, 1.8f);
				table.setHeaderRows(1);
				for (String title : List.of("序号", "检查内容", "依据", "结果", "说明")) {
					table.addCell(document.cell(title, document.bold()));
				}
				int n = 0;
				for (Item item : items) {
					table.addCell(document.cell(String.valueOf(++n), document.small()));
					table.addCell(document.cell(item.text(), document.small()));
					table.addCell(document.cell(item.legalBasis() + (item.clause() == null ? "" : " " + item.clause()),
							document.small()));
					table.addCell(document.cell(outcome(item.outcome()), document.small()));
					table.addCell(document.cell(item.note(), document.small()));
				}
				document.add(table);
			}
			document.heading("检查发现的问题");
			if (findings.isEmpty()) {
				document.paragraph("本次检查未发现事故隐患。");
			}
			int n = 0;
			for (InspectionFinished.Finding finding : findings) {
				document.paragraph(++n + ". " + (finding.major() ? "【重大事故隐患】" : "") + finding.description());
			}
			document.signatures("检查人员（签名）：", "被检查单位现场负责人（签名）：");
		});
	}

	private List<Item> items(long taskId) {
		return jdbc.sql("""
				select c.text, c.legal_basis, c.clause, r.outcome, r.note
				from inspection_plan_item p
				join checklist_item c on c.id = p.checklist_item_id
				left join inspection_result r on r.task_id = p.task_id and r.checklist_item_id = p.checklist_item_id
				where p.task_id = :id order by p.position, p.checklist_item_id""")
			.param("id", taskId)
			.query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	private static String outcome(String outcome) {
		if (outcome == null) {
			return "未检查";
		}
		switch (outcome) {
			case "PASS":
				return "符合";
			case "FAIL":
				return "不符合";
			default:
				return "不适用";
		}
	}
}
