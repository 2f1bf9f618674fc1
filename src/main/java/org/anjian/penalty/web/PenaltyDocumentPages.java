package org.anjian.penalty.web;

import java.nio.charset.StandardCharsets;

import org.anjian.penalty.PenaltyDocument.Kind;
import org.anjian.penalty.PenaltyDocuments;
import org.anjian.shared.web.PublicBaseUrl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The documents of a penalty case as PDF, for the staff who handle, approve and review cases within whose
 * jurisdiction the case lies (another district's case is not found). A document asked for before its act has happened
 * is not found either, with what has not happened yet.
 */
@Controller
@PreAuthorize(PenaltyCaseApi.STAFF)
class PenaltyDocumentPages {

	private final PenaltyDocuments documents;
	private final PublicBaseUrl baseUrl;

	PenaltyDocumentPages(PenaltyDocuments documents, PublicBaseUrl baseUrl) {
		this.documents = documents;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/penalty-cases/{id}/documents/{kind}")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String kind) {
		Kind found = Kind.of(kind);
		return pdf(documents.pdf(id, found, baseUrl.get()), found.title() + "-" + id + ".pdf");
	}

	@GetMapping("/penalty-cases/{id}/documents/inquiry/{evidenceId}")
	ResponseEntity<byte[]> inquiry(@PathVariable long id, @PathVariable long evidenceId) {
		return pdf(documents.inquiry(id, evidenceId, baseUrl.get()), Kind.INQUIRY.title() + "-" + id + "-" + evidenceId + ".pdf");
	}

	static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}
}
