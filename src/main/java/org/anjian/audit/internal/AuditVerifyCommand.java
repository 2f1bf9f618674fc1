package org.anjian.audit.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.ChainVerification;
import org.anjian.shared.Zone;
import org.anjian.shared.command.ApplicationCommand;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar anjian.jar audit-verify}: checks the whole audit chain from the command line, so that an
 * operator or a scheduled job outside the application can prove the trail intact; the exit code (0 intact,
 * 1 broken) is what a monitoring script reads.
 */
@Component
class AuditVerifyCommand implements ApplicationCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(Zone.SHANGHAI);

	private final AuditTrail trail;

	AuditVerifyCommand(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public String name() {
		return "audit-verify";
	}

	@Override
	public String description() {
		return "逐条核验全过程记录的哈希链：完整时退出码为 0，发现篡改或删除时为 1";
	}

	@Override
	public int run(List<String> arguments) {
		if (!arguments.isEmpty()) {
			System.err.println("audit-verify 不接受参数，收到：" + String.join(" ", arguments));
			return 2;
		}
		ChainVerification result = trail.verify();
		System.out.println(result.intact() ? "全过程记录哈希链完整" : "全过程记录哈希链已损坏");
		System.out.println("  已核验记录：" + result.rowsChecked() + " 条");
		if (result.firstBrokenSeq() != null) {
			System.out.println("  首个异常记录：第 " + result.firstBrokenSeq() + " 条");
		}
		System.out.println("  说明：" + result.reason());
		System.out.println("  核验时间：" + TIME.format(result.checkedAt()) + "（北京时间）");
		return result.intact() ? 0 : 1;
	}
}
