package org.anjian.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.anjian.shared.database.DatabaseProperties;
import org.anjian.shared.database.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs the audit chain's head, kept outside the database (ADR 0009): a PEM file in PKCS#8
 * configured by {@code anjian.audit.anchor.key} ({@code ANJIAN_AUDIT_ANCHOR_KEY}) with its public key beside it.
 * Without one, with the embedded database or in demo mode, a key is generated once into the data directory, readable
 * by its owner only; with an external database outside demo mode the application refuses to start, since then the
 * operator must decide where the key lives and who may read it.
 */
@Component
public class AnchorKey {

	static final String GENERATED = "audit-anchor-key.pem";

	private static final Logger log = LoggerFactory.getLogger(AnchorKey.class);
	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private final PrivateKey privateKey;
	private final AnchorVerifier verifier;
	private final Path location;

	@Autowired
	AnchorKey(AnchorProperties properties, DatabaseProperties database, DemoMode demo) {
		this(properties, DataDirectory.of(database), !database.external() || demo.enabled());
	}

	/**
	 * @param dataDirectory where a key is generated when none is configured
	 * @param mayGenerate whether one may be (the embedded database, or demo mode)
	 */
	AnchorKey(AnchorProperties properties, Path dataDirectory, boolean mayGenerate) {
		Path key;
		if (properties.key() != null) {
			key = Path.of(properties.key());
		}
		else if (mayGenerate) {
			key = dataDirectory.resolve(GENERATED);
			if (Files.notExists(key)) {
				generate(key, publicKeyPath(key, null));
			}
		}
		else {
			throw new IllegalStateException("未配置全过程记录签名私钥：使用外部数据库时请以 ANJIAN_AUDIT_ANCHOR_KEY"
					+ "（anjian.audit.anchor.key）指定 Ed25519 私钥文件（PEM，PKCS#8），例如 openssl genpkey -algorithm ed25519"
					+ " -out audit-anchor-key.pem，并以 openssl pkey -in audit-anchor-key.pem -pubout -out"
					+ " audit-anchor-key.pem.pub 写出公钥；私钥不得放在数据库服务器上（见 docs/adr/0009）");
		}
		this.location = key.toAbsolutePath().normalize();
		this.privateKey = readPrivateKey(key);
		this.verifier = AnchorVerifier.read(publicKeyPath(key, properties.publicKey()));
		byte[] probe = "anjian-audit-anchor/probe".getBytes(StandardCharsets.US_ASCII);
		if (!verifier.verifies(probe, sign(probe))) {
			throw new IllegalStateException("全过程记录签名私钥 " + key + " 与公钥 " + publicKeyPath(key, properties.publicKey())
					+ " 不是一对");
		}
		tightenPermissions(key);
		log.info("Audit chain heads are signed with the Ed25519 key {} (key id {})", location, verifier.keyId());
	}

	/** The Base64 Ed25519 signature over the bytes. */
	String sign(byte[] bytes) {
		try {
			Signature signature = Signature.getInstance(AnchorVerifier.ALGORITHM);
			signature.initSign(privateKey);
			signature.update(bytes);
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 is part of every Java runtime since 15", e);
		}
	}

	/** The head signed with this key. */
	SignedHead sign(SignedHead head) {
		return head.signed(sign(head.signedBytes()));
	}

	public AnchorVerifier verifier() {
		return verifier;
	}

	/** Where the private key is (for the log and the administrator's page; never its content). */
	public Path location() {
		return location;
	}

	/**
	 * Writes a new key pair: the private key readable by its owner only (created so, never readable by others even for
	 * a moment), the public key beside it.
	 */
	public static void generate(Path privateKeyFile, Path publicKeyFile) {
		try {
			KeyPair pair = KeyPairGenerator.getInstance(AnchorVerifier.ALGORITHM).generateKeyPair();
			Path directory = privateKeyFile.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			try {
				Files.createFile(privateKeyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			catch (UnsupportedOperationException e) {
				Files.createFile(privateKeyFile); // not a POSIX file system: its own access rules apply
			}
			Files.writeString(privateKeyFile, Pem.encode(pair.getPrivate().getEncoded(), "PRIVATE KEY"),
					StandardCharsets.US_ASCII);
			Files.writeString(publicKeyFile, Pem.encode(pair.getPublic().getEncoded(), "PUBLIC KEY"),
					StandardCharsets.US_ASCII);
			log.warn("Generated the Ed25519 key that signs the audit chain's head: {} (public key {}); keep a copy of both"
					+ " away from the database", privateKeyFile.toAbsolutePath(), publicKeyFile.toAbsolutePath());
		}
		catch (FileAlreadyExistsException e) {
			// another application context of this JVM made it first: use theirs
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法生成全过程记录签名密钥 " + privateKeyFile, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 is part of every Java runtime since 15", e);
		}
	}

	static Path publicKeyPath(Path key, String configured) {
		return configured != null ? Path.of(configured) : key.resolveSibling(key.getFileName() + ".pub");
	}

	private static PrivateKey readPrivateKey(Path pem) {
		try {
			byte[] der = Pem.decode(Files.readString(pem, StandardCharsets.US_ASCII), "PRIVATE KEY");
			return KeyFactory.getInstance(AnchorVerifier.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取全过程记录签名私钥 " + pem, e);
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			throw new IllegalStateException("全过程记录签名私钥 " + pem + " 不是 PEM 格式（PKCS#8）的 Ed25519 私钥："
					+ e.getMessage(), e);
		}
	}

	/** A private key others can read is made the owner's only, and said so. */
	private static void tightenPermissions(Path key) {
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(key);
			if (!OWNER_ONLY.containsAll(permissions)) {
				Files.setPosixFilePermissions(key, OWNER_ONLY);
				log.warn("The audit signing key {} was readable by others ({}); it is now its owner's only", key,
						PosixFilePermissions.toString(permissions));
			}
		}
		catch (UnsupportedOperationException e) {
			// not a POSIX file system
		}
		catch (IOException e) {
			log.warn("Could not check who may read the audit signing key {}", key, e);
		}
	}
}
