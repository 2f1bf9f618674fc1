package org.anjian.inspection.web;

import java.nio.charset.StandardCharsets;

import org.anjian.inspection.internal.EnforcementDocuments;
import org.anjian.shared.web.PublicBaseUrl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An inspection's own enforcement document (the on-site inspection record) as PDF, for the staff within whose
 * jurisdiction the task lies. The documents about its hazards are the hazard module's.
 */
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

	private static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}
}
