package org.anjian.penalty;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.Acting;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.EnterpriseUsers;
import org.springframework.stereotype.Component;

/**
 * Penalty cases of 普陀 made as their users make them, through {@link PenaltyProcedure}'s acts (never by inserting
 * rows): filed by the district officer {@code putuo}, approved by {@code leader} with two investigators, investigated
 * with one piece of evidence and the discretion recorded, told to the enterprise, and decided by {@code leader} with
 * its four reasons. And the enterprise's own user, to act as with {@link Acting}.
 */
@Component
public class PenaltyFixtures {

	public static final String PUTUO = "310107";

	public static final FourReasons WHY = new FourReasons("检查发现未如实记录安全生产教育培训情况，有检查记录和询问笔录为证",
			"《安全生产法》第二十八条、第九十七条第（四）项", "无从重、从轻情节，在一般档内确定罚款3万元", "当事人陈述已认识到错误，但未提出新的事实和证据，不予采纳");

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	private final PenaltyProcedure procedure;
	private final EnterpriseRegistry registry;
	private final EnterpriseUsers users;
	private final PenaltyCatalogue catalogue;

	PenaltyFixtures(PenaltyProcedure procedure, EnterpriseRegistry registry, EnterpriseUsers users,
			PenaltyCatalogue catalogue) {
		this.procedure = procedure;
		this.catalogue = catalogue;
		this.registry = registry;
		this.users = users;
	}

	/** A new small workshop of 普陀's 长征镇; its credit code. */
	public String enterprise(String name) {
		return Acting.asSystem(() -> registry.register(TestEnterprises.smallWorkshop(PUTUO, "310107102",
				name + SEQUENCE.incrementAndGet())).uscc());
	}

	/** The enterprise's own user (password anjian2026), linked to it; the user name. */
	public String enterpriseUser(String uscc) {
		String username = "penalty-qiye-" + SEQUENCE.incrementAndGet();
		Acting.asSystem(() -> users.open(username, "企业安全员" + SEQUENCE.get() % 1000, uscc, "anjian2026"));
		return username;
	}

	/** Filed and approved: under investigation by {@code putuo} and 刘强. */
	public long investigating(String uscc, String facts) {
		long id = Acting.as("putuo", () -> procedure.file(uscc, Party.UNIT, "SL97-initial-unit", facts)).id();
		Acting.as("leader", () -> procedure.approveFiling(id, List.of("putuo", "刘强"), null));
		return id;
	}

	/**
	 * Investigated, its discretion recorded (no factor ticked), passed by the legal reviewer {@code legal} where the
	 * amount is a larger one (较大数额: the hearing right), and the fine told to the enterprise.
	 */
	public PenaltyCase notified(String uscc, String facts, long amount) {
		long id = investigating(uscc, facts);
		Acting.as("putuo", () -> procedure.recordEvidence(id, Evidence.Kind.INQUIRY, "问：是否记录培训情况？答：没有记录。", null));
		Acting.as("putuo", () -> procedure.assess(id, List.of(), amount, "按拟处罚款告知（测试）", null));
		Acting.as("putuo", () -> procedure.endInvestigation(id, null));
		if (amount >= catalogue.settings().hearingThreshold(Party.UNIT)) {
			Acting.as("putuo", () -> procedure.sendToLegalReview(id, null));
			Acting.as("legal", () -> procedure.passLegalReview(id, "事实清楚，证据确凿，适用依据正确，程序合法，同意", null));
		}
		return Acting.as("putuo", () -> procedure.notifyParty(id, amount, null));
	}

	/**
	 * Decided by {@code leader} at the amount told, with the four reasons, after the collective discussion a fine of
	 * 5万元 or more needs.
	 */
	public PenaltyCase decided(long id) {
		long amount = Acting.as("putuo", () -> procedure.penaltyCase(id).notifiedAmount());
		if (amount >= PenaltyCase.COLLECTIVE_DISCUSSION_YUAN) {
			Acting.as("leader", () -> procedure.recordDiscussion(id, "负责人集体讨论，同意按告知数额处罚", null));
		}
		return Acting.as("leader", () -> procedure.decide(id, amount, WHY, null));
	}

	/** The decision delivered today. */
	public PenaltyCase delivered(long id) {
		return Acting.as("putuo", () -> procedure.deliver(id, procedure.today(), null));
	}

	public PenaltyCase read(long id) {
		return Acting.as("putuo", () -> procedure.penaltyCase(id));
	}
}
