package org.anjian.shared.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code of a text, as pages and printed documents carry them. Error correction M survives a crease or a stain on
 * a printed document and keeps the symbol small enough for a phone; the quiet zone of four modules is the standard's
 * minimum, without which some scanners miss the symbol on a busy page.
 */
public final class QrCode {

	private QrCode() {
	}

	public static BitMatrix matrix(String text, int size) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8",
							EncodeHintType.MARGIN, 4));
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("text too long for a QR code: " + text.length() + " characters", e);
		}
	}

	/** A PNG of the QR code of the text, about size pixels square. */
	public static byte[] png(String text, int size) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			MatrixToImageWriter.writeToStream(matrix(text, size), "PNG", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
