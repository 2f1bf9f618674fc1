package org.anjian.shared.web;

import org.anjian.inspection.InspectionCodeImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicBaseUrlTests {

	@Test
	void theConfiguredPublicAddressIsWhatEveryCodeCarries() {
		String base = new PublicBaseUrl(" https://anjian.yjglj.sh.gov.cn/ ").get();
		assertThat(InspectionCodeImage.pageUrl(base, "abc")).isEqualTo("https://anjian.yjglj.sh.gov.cn/p/ic/abc");
	}
}
