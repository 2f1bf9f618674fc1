package org.anjian.audit.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.anjian.audit.AuditEntry;
import org.anjian.audit.AuditTrail;
import org.anjian.audit.ChainVerification;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over HTTP, for administrators (the security configuration restricts {@code /api/audit/**}). */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "全过程记录", description = "哈希链核验与实体变更历史")
class AuditApi {

	private final AuditTrail trail;

	AuditApi(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/verify")
	@Authorized(Act.VERIFY_AUDIT)
	@Operation(summary = "核验全过程记录哈希链", description = "逐条重算哈希并检查链接，指出第一条被篡改或缺失的记录")
	ChainVerification verify() {
		return trail.verify();
	}

	@GetMapping
	@Operation(summary = "实体变更历史", description = "按写入顺序列出某个实体（表名 + 编号）的全部记录，仅含调用者管辖范围内的记录")
	List<AuditEntry> history(@RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId) {
		return trail.history(entityType, entityId);
	}
}
