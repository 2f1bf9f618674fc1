package org.anjian.audit.internal;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.anjian.audit.ChainVerification;
import org.anjian.shared.Zone;
import org.anjian.shared.command.ApplicationCommand;
import org.anjian.shared.command.CommandOptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code java -jar anjian.jar audit-verify [--anchors FILE] [--public-key FILE]}: checks the whole audit chain from the
 * command line, so that an operator or a scheduled job outside the application can prove the trail intact; the exit
 * code (0 intact, 1 broken, 2 bad arguments) is what a monitoring script reads. By default the records are checked
 * against the signed heads kept in the database; {@code --anchors} checks them against a file of signed heads kept
 * elsewhere instead (the database's could have been removed with the records), {@code --public-key} with a public key
 * kept elsewhere instead of the configured one.
 */
@Component
class AuditVerifyCommand implements ApplicationCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(Zone.SHANGHAI);

	private final ChainVerifier verifier;
	private final Anchors anchors;
	private final AnchorKey key;
	private final ObjectMapper json;

	AuditVerifyCommand(JdbcClient jdbc, java.time.Clock clock, Anchors anchors, AnchorKey key, ObjectMapper json) {
		this.verifier = new ChainVerifier(jdbc, clock, AuditRecords.BATCH_SIZE);
		this.anchors = anchors;
		this.key = key;
		this.json = json;
	}

	@Override
	public String name() {
		return "audit-verify";
	}

	@Override
	public String description() {
		return "逐条核验全过程记录的哈希链及签名链头（--anchors 文件、--public-key 公钥文件可选）：完整时退出码为 0，发现篡改或删除时为 1";
	}

	@Override
	public int run(List<String> arguments) {
		AnchorSource source;
		AnchorVerifier publicKey;
		try {
			CommandOptions options = CommandOptions.parse(arguments, "anchors", "public-key");
			source = options.has("anchors") ? AnchorFile.read(json, Path.of(options.value("anchors"))) : anchors;
			publicKey = options.has("public-key") ? AnchorVerifier.read(Path.of(options.value("public-key")))
					: key.verifier();
		}
		catch (RuntimeException e) {
			System.err.println("audit-verify：" + e.getMessage());
			return 2;
		}
		ChainVerification result = verifier.verify(source, publicKey);
		System.out.println(result.intact() ? "全过程记录哈希链完整" : "全过程记录哈希链已损坏");
		System.out.println("  已核验记录：" + result.rowsChecked() + " 条");
		System.out.println("  签名链头：" + result.anchorsChecked() + " 个"
				+ (result.anchoredSeq() == null ? "" : "，签名相符至第 " + result.anchoredSeq() + " 条记录"));
		if (result.firstBrokenSeq() != null) {
			System.out.println("  首个异常记录：第 " + result.firstBrokenSeq() + " 条");
		}
		System.out.println("  说明：" + result.reason());
		System.out.println("  核验时间：" + TIME.format(result.checkedAt()) + "（北京时间）");
		return result.intact() ? 0 : 1;
	}
}
