package org.anjian.hazard.web;

import java.nio.charset.StandardCharsets;

import org.anjian.hazard.internal.HazardEvidence;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file of evidence as it is served, to officers and to its enterprise alike. */
final class EvidenceDownload {

	private EvidenceDownload() {
	}

	static ResponseEntity<byte[]> of(HazardEvidence.EvidenceData file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.file().contentType()))
			// shown inline (a photo in the browser) under the enterprise's name for it, never sniffed as a page
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(file.file().fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Cache-Control", "private, max-age=86400")
			.body(file.data());
	}
}
