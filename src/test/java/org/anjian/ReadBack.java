package org.anjian;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents and codes read back as their readers would: a PDF's text by poppler's {@code pdftotext}, a QR code by
 * zbar's {@code zbarimg}, a page of a PDF rendered by {@code pdftoppm}. The tools are required: a machine without
 * them fails the tests that use them rather than skipping them (.ci/run installs them).
 */
public final class ReadBack {

	private ReadBack() {
	}

	/** The text of a PDF answered by the application. */
	public static String pdfText(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		return pdfText(response.getContentAsByteArray());
	}

	/** The text of a PDF's bytes, as {@code pdftotext} reads it. */
	public static String pdfText(byte[] pdf) throws Exception {
		Path file = Files.createTempFile("document", ".pdf");
		Files.write(file, pdf);
		try {
			return run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
		}
		finally {
			Files.delete(file);
		}
	}

	/** What the QR code of a PNG says. */
	public static String qr(byte[] png) throws Exception {
		Path file = Files.createTempFile("code", ".png");
		Files.write(file, png);
		try {
			return run("zbarimg", "--raw", "-q", file.toString()).trim();
		}
		finally {
			Files.delete(file);
		}
	}

	/** What the QR code on the first page of a PDF says: the page rendered by pdftoppm, read by zbarimg. */
	public static String qrOfFirstPage(MockHttpServletResponse response) throws Exception {
		Path dir = Files.createTempDirectory("document");
		Path pdf = dir.resolve("document.pdf");
		Files.write(pdf, response.getContentAsByteArray());
		run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf.toString(), dir.resolve("page").toString());
		String text = run("zbarimg", "--raw", "-q", dir.resolve("page.png").toString()).trim();
		try (var files = Files.list(dir)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(dir);
		return text;
	}

	/** Text read back from a PDF breaks lines wherever the layout did: compare without whitespace. */
	public static String squeezed(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process;
		try {
			// zbarimg talks to D-Bus on stderr where there is none: only standard output is the answer
			process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		}
		catch (IOException e) {
			throw new AssertionError(command[0] + " is required for this test (Debian: zbar-tools, poppler-utils)", e);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
		return output;
	}
}
