package org.anjian.hazard.web;

import java.nio.charset.StandardCharsets;

import org.anjian.hazard.internal.RectificationDocuments;
import org.anjian.shared.web.PublicBaseUrl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The documents about an inspection's hazards as PDF, at the inspection's address beside its record, for the staff
 * within whose jurisdiction the task lies.
 */
@Controller
class RectificationDocumentPages {

	private final RectificationDocuments documents;
	private final PublicBaseUrl baseUrl;

	RectificationDocumentPages(RectificationDocuments documents, PublicBaseUrl baseUrl) {
		this.documents = documents;
		this.baseUrl = baseUrl;
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
