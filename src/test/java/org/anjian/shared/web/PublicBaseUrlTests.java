package org.anjian.shared.web;

import org.anjian.inspection.InspectionCodeImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicBaseUrlTests {

	@Test
	void theConfiguredPublicAddressIsWhatEveryCodeCarries() {
		String base = new PublicBaseUrl(" https://anjian.yjglj.sh.gov.cn/ ", false).get();
		assertThat(InspectionCodeImage.pageUrl(base, "abc")).isEqualTo("https://anjian.yjglj.sh.gov.cn/p/ic/abc");
	}

	@Test
	void outsideDemoModeThereIsNoPublicAddressWithoutTheConfiguredOne() {
		// issue 21, finding 9: the QR code's address followed the request's Host header
		assertThatThrownBy(() -> new PublicBaseUrl("", false)).hasMessageContaining("ANJIAN_PUBLIC_BASE_URL");
		assertThatThrownBy(() -> new PublicBaseUrl("anjian.example.gov.cn", false)).hasMessageContaining("http(s)://");
	}
}
