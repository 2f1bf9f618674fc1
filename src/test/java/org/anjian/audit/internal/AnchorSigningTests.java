package org.anjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.anjian.shared.database.DatabaseProperties;
import org.anjian.shared.database.DemoMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key and the signature of a head, on their own: what holds, what is refused. */
class AnchorSigningTests {

	@TempDir
	Path directory;

	private static final SignedHead HEAD = new SignedHead(null, 10, 25, "a".repeat(64),
			Instant.parse("2026-12-07T16:10:00.123456Z"), "b".repeat(64), null, null);

	@Test
	void aHeadSignedWithTheKeyVerifiesWithItsPublicKey() {
		AnchorKey key = key(directory);
		SignedHead signed = key.sign(withKeyId(HEAD, key));

		assertThat(key.verifier().verifies(signed)).isTrue();
		assertThat(AnchorVerifier.read(directory.resolve("audit-anchor-key.pem.pub")).verifies(signed)).isTrue();
	}

	@Test
	void changingAnySignedFieldBreaksTheSignature() {
		AnchorKey key = key(directory);
		SignedHead s = key.sign(withKeyId(HEAD, key));

		for (SignedHead changed : new SignedHead[] {
				new SignedHead(s.number(), 9, s.seq(), s.hash(), s.anchoredAt(), s.fingerprintsSha256(), s.keyId(), s.signature()),
				new SignedHead(s.number(), s.fromSeq(), 26, s.hash(), s.anchoredAt(), s.fingerprintsSha256(), s.keyId(), s.signature()),
				new SignedHead(s.number(), s.fromSeq(), s.seq(), "c".repeat(64), s.anchoredAt(), s.fingerprintsSha256(), s.keyId(), s.signature()),
				new SignedHead(s.number(), s.fromSeq(), s.seq(), s.hash(), s.anchoredAt().plusNanos(1_000), s.fingerprintsSha256(), s.keyId(), s.signature()),
				new SignedHead(s.number(), s.fromSeq(), s.seq(), s.hash(), s.anchoredAt(), "d".repeat(64), s.keyId(), s.signature()),
				new SignedHead(s.number(), s.fromSeq(), s.seq(), s.hash(), s.anchoredAt(), s.fingerprintsSha256(), s.keyId(), "AAAA"),
				new SignedHead(s.number(), s.fromSeq(), s.seq(), s.hash(), s.anchoredAt(), s.fingerprintsSha256(), s.keyId(), "not base64!") }) {
			assertThat(key.verifier().verifies(changed)).as(changed.toString()).isFalse();
		}
	}

	@Test
	void aHeadSignedWithAnotherKeyDoesNotVerify() {
		AnchorKey ours = key(directory.resolve("ours"));
		AnchorKey theirs = key(directory.resolve("theirs"));

		SignedHead forged = theirs.sign(withKeyId(HEAD, ours)); // claims our key id

		assertThat(ours.verifier().verifies(forged)).isFalse();
	}

	@Test
	void theGeneratedPrivateKeyIsReadableByItsOwnerOnlyAndReusedOnTheNextStart() throws Exception {
		AnchorKey first = key(directory);
		Path file = directory.resolve("audit-anchor-key.pem");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(key(directory).verifier().keyId()).isEqualTo(first.verifier().keyId());
	}

	@Test
	void aConfiguredKeyReadableByOthersIsMadeTheOwnersOnly() throws Exception {
		Path file = directory.resolve("city.pem");
		AnchorKey.generate(file, directory.resolve("city.pem.pub"));
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		new AnchorKey(new AnchorProperties(file.toString(), null, null, null, 0), directory, false);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void withAnExternalDatabaseOutsideDemoModeAKeyMustBeConfigured() {
		assertThatThrownBy(() -> new AnchorKey(new AnchorProperties(null, null, null, null, 0),
				new DatabaseProperties("jdbc:postgresql://db.example/anjian", "u", "p", null, 0), demo(false)))
			.hasMessageContaining("ANJIAN_AUDIT_ANCHOR_KEY");
	}

	@Test
	void aPrivateKeyWithAnotherKeysPublicKeyIsRefused() {
		AnchorKey.generate(directory.resolve("a.pem"), directory.resolve("a.pem.pub"));
		AnchorKey.generate(directory.resolve("b.pem"), directory.resolve("b.pem.pub"));

		assertThatThrownBy(() -> new AnchorKey(new AnchorProperties(directory.resolve("a.pem").toString(),
				directory.resolve("b.pem.pub").toString(), null, null, 0), directory, false))
			.hasMessageContaining("不是一对");
	}

	@Test
	void aLineOfTheFileReadsBackAsTheSameHead() throws Exception {
		AnchorKey key = key(directory);
		SignedHead signed = key.sign(withKeyId(HEAD, key)).numbered(3);
		byte[] fingerprints = new byte[8 * 15];
		fingerprints[9] = 42;
		Path file = directory.resolve("anchors.jsonl");
		var json = tools.jackson.databind.json.JsonMapper.builder().build();

		AnchorFile.append(json, file, signed, fingerprints);
		AnchorFile read = AnchorFile.read(json, file);

		assertThat(read.heads()).containsExactly(signed);
		assertThat(read.fingerprints(signed)).isEqualTo(fingerprints);
		assertThat(key.verifier().verifies(read.heads().get(0))).isTrue();
	}

	/** A key generated in the directory, as with the embedded database. */
	static AnchorKey key(Path directory) {
		return new AnchorKey(new AnchorProperties(null, null, null, null, 0), directory, true);
	}

	static SignedHead withKeyId(SignedHead head, AnchorKey key) {
		return new SignedHead(head.number(), head.fromSeq(), head.seq(), head.hash(), head.anchoredAt(),
				head.fingerprintsSha256(), key.verifier().keyId(), null);
	}

	private static DemoMode demo(boolean enabled) {
		DemoMode demo = org.mockito.Mockito.mock(DemoMode.class);
		org.mockito.Mockito.when(demo.enabled()).thenReturn(enabled);
		return demo;
	}
}
