package org.anjian.audit.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.audit.internal.AnchorKey;
import org.anjian.audit.internal.AnchorProperties;
import org.anjian.audit.internal.Anchors;
import org.anjian.audit.internal.SignedHead;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.Pager;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed heads of the audit chain in public, without login (ADR 0009): a page of them, newest first, and the public
 * key that checks their signatures. Whoever keeps a copy of a head can later prove that the records up to it were not
 * rewritten. The page shows hashes, times and signatures only: nothing about anyone, and not who asked for the head.
 */
@Controller
class PublicAnchorPages {

	private final Anchors anchors;
	private final AnchorKey key;
	private final int pageSize;

	PublicAnchorPages(Anchors anchors, AnchorKey key, AnchorProperties properties) {
		this.anchors = anchors;
		this.key = key;
		this.pageSize = properties.pageSize();
	}

	@GetMapping("/p/audit/anchors")
	String anchors(@RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
		ResultPage<SignedHead> heads = anchors.page(ResultPage.number(page), pageSize);
		model.addAttribute("heads", heads);
		model.addAttribute("pager", Pager.of(heads, request));
		model.addAttribute("keyId", key.verifier().keyId());
		return "audit/anchors";
	}

	@GetMapping("/p/audit/public-key")
	ResponseEntity<String> publicKey() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "plain", StandardCharsets.US_ASCII))
			.header("Content-Disposition", "inline; filename=\"anjian-audit-anchor.pub.pem\"")
			.cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic())
			.body(key.verifier().pem());
	}
}
