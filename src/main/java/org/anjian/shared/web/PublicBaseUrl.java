package org.anjian.shared.web;

import java.net.URI;

import org.anjian.shared.database.DemoMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address the public reaches the portal at, for the QR codes printed on documents and shown on pages. Behind a
 * proxy the request's own address may be an internal one, its Host header is whatever the sender wrote, and a printed
 * code must outlive any of them: {@code anjian.public-base-url} (env {@code ANJIAN_PUBLIC_BASE_URL}) fixes it.
 * Outside demo mode the application does not start without it (issue 21, build item 6); in demo mode, on one machine,
 * the request's own address serves.
 */
@Component
public class PublicBaseUrl {

	private final String configured;

	@Autowired
	PublicBaseUrl(@Value("${anjian.public-base-url:}") String configured, DemoMode demo) {
		this(configured, demo.enabled());
	}

	/** The configured address; {@code requestAddressAllowed} lets the request's own address stand in when none is. */
	public PublicBaseUrl(String configured, boolean requestAddressAllowed) {
		this.configured = configured == null ? "" : configured.trim();
		if (this.configured.isEmpty() && !requestAddressAllowed) {
			throw new IllegalStateException("未设置公众访问地址 anjian.public-base-url（环境变量 ANJIAN_PUBLIC_BASE_URL，"
					+ "如 https://anjian.yjglj.sh.gov.cn）：检查码和企业码的二维码须指向固定的地址，不能取自请求");
		}
		if (!this.configured.isEmpty()) {
			URI uri = URI.create(this.configured);
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalStateException("公众访问地址 anjian.public-base-url 须为 http(s):// 开头的完整地址，收到："
						+ this.configured);
			}
		}
	}

	public String get() {
		return configured.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : configured;
	}
}
