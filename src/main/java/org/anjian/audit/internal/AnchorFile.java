package org.anjian.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signed heads as JSON lines, one per head with its fingerprints: the file the application appends each new head
 * to, which an operator copies elsewhere (another machine, write-once storage), and reads back to verify the chain
 * against heads the database never held again ({@code audit-verify --anchors FILE}).
 */
public final class AnchorFile implements AnchorSource {

	private final List<SignedHead> heads;
	private final Map<SignedHead, byte[]> fingerprints;

	private AnchorFile(List<SignedHead> heads, Map<SignedHead, byte[]> fingerprints) {
		this.heads = heads;
		this.fingerprints = fingerprints;
	}

	/** The line of one head with its fingerprints. */
	public static String line(ObjectMapper json, SignedHead head, byte[] fingerprints) {
		ObjectNode line = json.createObjectNode();
		line.put("number", head.number());
		line.put("fromSeq", head.fromSeq());
		line.put("seq", head.seq());
		line.put("hash", head.hash());
		line.put("anchoredAt", head.anchoredAt().toString());
		line.put("fingerprintsSha256", head.fingerprintsSha256());
		line.put("keyId", head.keyId());
		line.put("signature", head.signature());
		line.put("fingerprints", Base64.getEncoder().encodeToString(fingerprints));
		return json.writeValueAsString(line);
	}

	/**
	 * Appends the head's line, creating the file (and its directory) at the first head; one line at a time in this JVM,
	 * so that a long line (many fingerprints) is never interleaved with another.
	 */
	public static synchronized void append(ObjectMapper json, Path file, SignedHead head, byte[] fingerprints) {
		try {
			Path directory = file.toAbsolutePath().getParent();
			if (directory != null) {
				Files.createDirectories(directory);
			}
			Files.writeString(file, line(json, head, fingerprints) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法把签名链头写入 " + file, e);
		}
	}

	/** Reads a file of signed heads (a repeated line once); a line that is not one is refused with its line number. */
	public static AnchorFile read(ObjectMapper json, Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取签名链头文件 " + file, e);
		}
		List<SignedHead> heads = new ArrayList<>();
		Map<SignedHead, byte[]> fingerprints = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			try {
				JsonNode line = json.readTree(lines.get(i));
				SignedHead head = new SignedHead(line.required("number").asLong(), line.required("fromSeq").asLong(),
						line.required("seq").asLong(), line.required("hash").asString(),
						Instant.parse(line.required("anchoredAt").asString()), line.required("fingerprintsSha256").asString(),
						line.required("keyId").asString(), line.required("signature").asString());
				if (fingerprints.put(head, Base64.getDecoder().decode(line.required("fingerprints").asString())) == null) {
					heads.add(head); // a line copied twice is one head
				}
			}
			catch (RuntimeException e) {
				throw new IllegalArgumentException("签名链头文件 " + file + " 第 " + (i + 1) + " 行不是签名链头：" + e.getMessage(), e);
			}
		}
		return new AnchorFile(List.copyOf(heads), fingerprints);
	}

	@Override
	public List<SignedHead> heads() {
		return heads;
	}

	@Override
	public byte[] fingerprints(SignedHead head) {
		return fingerprints.get(head);
	}
}
