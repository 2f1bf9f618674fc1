package org.anjian.penalty.web;

import org.anjian.penalty.PenaltyDocument.Kind;
import org.anjian.penalty.PenaltyDocuments;
import org.anjian.shared.web.PublicBaseUrl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The documents served on the party (告知书, 听证告知书, 决定书, 送达回证, 催缴通知书), for the enterprise's own user, of its
 * own cases: row security lets it reach no other enterprise's case, and the internal documents are not served.
 */
@Controller
@PreAuthorize("hasRole('ENTERPRISE')")
class MyPenaltyDocumentPages {

	private final PenaltyDocuments documents;
	private final PublicBaseUrl baseUrl;

	MyPenaltyDocumentPages(PenaltyDocuments documents, PublicBaseUrl baseUrl) {
		this.documents = documents;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/my/penalty-cases/{id}/documents/{kind}")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String kind) {
		Kind found = Kind.of(kind);
		return PenaltyDocumentPages.pdf(documents.served(id, found, baseUrl.get()), found.title() + "-" + id + ".pdf");
	}
}
