package org.anjian.audit.internal;

import java.util.Base64;

/** PEM text (RFC 7468) of one DER object: the label's BEGIN and END lines around its Base64. */
final class Pem {

	private Pem() {
	}

	static String encode(byte[] der, String label) {
		return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + label + "-----\n";
	}

	/** The DER bytes of the first object with that label. */
	static byte[] decode(String text, String label) {
		String begin = "-----BEGIN " + label + "-----";
		String end = "-----END " + label + "-----";
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		if (from < 0 || to < from) {
			throw new IllegalArgumentException("没有 " + begin + " … " + end + " 段");
		}
		return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
	}
}
