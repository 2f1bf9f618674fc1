package org.anjian.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.anjian.shared.Sha256;

/**
 * Checks signed heads with the public key alone: what anyone holding the published key can do, the application
 * included, and the command line with a key copied elsewhere ({@code audit-verify --public-key}). The key's id is the
 * SHA-256 of its encoded form, recorded with each signed head so that a head signed by another key is told apart from
 * a forged one.
 */
public final class AnchorVerifier {

	static final String ALGORITHM = "Ed25519";

	private final PublicKey key;
	private final String keyId;

	public AnchorVerifier(PublicKey key) {
		this.key = key;
		this.keyId = Sha256.hex(key.getEncoded());
	}

	/** Reads a public key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}, as {@code openssl pkey -pubout} writes). */
	public static AnchorVerifier read(Path pem) {
		try {
			return new AnchorVerifier(publicKey(Pem.decode(Files.readString(pem, StandardCharsets.US_ASCII), "PUBLIC KEY")));
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取全过程记录签名公钥 " + pem, e);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("全过程记录签名公钥 " + pem + " 不是 PEM 格式的 Ed25519 公钥：" + e.getMessage(), e);
		}
	}

	static PublicKey publicKey(byte[] der) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("不是 Ed25519 公钥（" + e.getMessage() + "）", e);
		}
	}

	/** Whether the signature (Base64) is this key's over exactly these bytes; a malformed signature is simply not. */
	public boolean verifies(byte[] signed, String signature) {
		try {
			Signature check = Signature.getInstance(ALGORITHM);
			check.initVerify(key);
			check.update(signed);
			return check.verify(Base64.getDecoder().decode(signature));
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			return false;
		}
	}

	/** Whether the signed head is this key's signature over what it says. */
	public boolean verifies(SignedHead head) {
		return keyId.equals(head.keyId()) && verifies(head.signedBytes(), head.signature());
	}

	public String keyId() {
		return keyId;
	}

	/** The public key as PEM text, to publish. */
	public String pem() {
		return Pem.encode(key.getEncoded(), "PUBLIC KEY");
	}
}
