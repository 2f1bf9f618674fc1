package org.anjian.audit.internal;

import java.util.List;

import org.anjian.shared.command.ApplicationCommand;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar anjian.jar audit-anchor}: signs and publishes the audit chain's head at once, as the job does on its
 * schedule (before a backup, say); exit code 0 when signed, 1 when the records since the last signed head are broken.
 */
@Component
class AuditAnchorCommand implements ApplicationCommand {

	private final Anchoring anchoring;

	AuditAnchorCommand(Anchoring anchoring) {
		this.anchoring = anchoring;
	}

	@Override
	public String name() {
		return "audit-anchor";
	}

	@Override
	public String description() {
		return "立即签名并公布全过程记录的链头（写入 audit_anchor 表和签名链头文件）";
	}

	@Override
	public int run(List<String> arguments) {
		if (!arguments.isEmpty()) {
			System.err.println("audit-anchor 不接受参数，收到：" + String.join(" ", arguments));
			return 2;
		}
		try {
			SignedHead head = anchoring.anchor("command");
			System.out.println("已签名第 " + head.number() + " 号链头：第 " + (head.fromSeq() + 1) + " 条至第 " + head.seq()
					+ " 条记录，哈希 " + head.hash());
			System.out.println("  已追加到 " + anchoring.file().toAbsolutePath());
			return 0;
		}
		catch (IllegalStateException e) {
			System.err.println(e.getMessage());
			return 1;
		}
	}
}
