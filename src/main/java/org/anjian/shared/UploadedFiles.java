package org.anjian.shared;

import java.nio.charset.StandardCharsets;

/**
 * What an uploaded file is, read from its first bytes rather than from its name or the browser's word (PDF, JPEG,
 * PNG are what enterprises and officers send as evidence), and the name to keep it under.
 */
public final class UploadedFiles {

	private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private UploadedFiles() {
	}

	/** {@code application/pdf}, {@code image/jpeg} or {@code image/png} by the file's first bytes; null otherwise. */
	public static String contentType(byte[] data) {
		if (startsWith(data, PDF)) {
			return "application/pdf";
		}
		if (startsWith(data, JPEG)) {
			return "image/jpeg";
		}
		if (startsWith(data, PNG)) {
			return "image/png";
		}
		return null;
	}

	/** The name as given, without any folder a browser may send, control characters or quotes; may be empty. */
	public static String baseName(String given) {
		if (given == null) {
			return "";
		}
		String name = given.replace('\\', '/');
		return name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
	}

	/** The name to keep: the given one, or {@code fallback} with the type's extension; at most 255 characters. */
	public static String fileName(String given, String type, String fallback) {
		String name = baseName(given);
		if (name.isEmpty()) {
			name = fallback + ("application/pdf".equals(type) ? ".pdf" : "image/png".equals(type) ? ".png" : ".jpg");
		}
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		if (data == null || data.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
