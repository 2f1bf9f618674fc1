package org.anjian.inspection.web;

import java.nio.charset.StandardCharsets;

import org.anjian.inspection.EnforcementDocuments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An inspection's enforcement documents as PDF, for the staff within whose jurisdiction the task lies. */
@Controller
class InspectionDocumentPages {

	private final EnforcementDocuments documents;
	private final PublicBaseUrl baseUrl;

	InspectionDocumentPages(EnforcementDocuments documents, PublicBaseUrl baseUrl) {
		this.documents = documents;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/inspections/{id}/record.pdf")
	ResponseEntity<byte[]> record(@PathVariable long id) {
		return pdf(documents.record(id, baseUrl.get()), "现场检查记录-" + id + ".pdf");
	}

	@GetMapping("/inspections/{id}/rectification-order.pdf")
	ResponseEntity<byte[]> rectificationOrder(@PathVariable long id) {
		return pdf(documents.rectificationOrder(id, baseUrl.get()), "责令限期整改指令书-" + id + ".pdf");
	}

	@GetMapping("/inspections/{id}/on-site-measures.pdf")
	ResponseEntity<byte[]> onSiteMeasures(@PathVariable long id) {
		return pdf(documents.onSiteMeasures(id, baseUrl.get()), "现场处理措施决定书-" + id + ".pdf");
	}

	private static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}
}
