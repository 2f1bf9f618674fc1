package org.anjian.inspection;

import org.anjian.shared.documents.QrCode;

/** Where an inspection code leads, and its QR image: the public page of the token, under the public base address. */
public final class InspectionCodeImage {

	private InspectionCodeImage() {
	}

	/** The absolute address of a token's public page, under the public base address (no trailing slash). */
	public static String pageUrl(String baseUrl, String token) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return base + "/p/ic/" + token;
	}

	/** A PNG of the QR code of the token's public page, about size pixels square. */
	public static byte[] png(String baseUrl, String token, int size) {
		return QrCode.png(pageUrl(baseUrl, token), size);
	}
}
