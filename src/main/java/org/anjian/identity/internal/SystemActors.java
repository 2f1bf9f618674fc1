package org.anjian.identity.internal;

import java.util.Map;

/**
 * What the system was doing when it acted, in words: the reasons the modules give {@code SystemScope} (and the few
 * actors they record by hand, {@code system:trigger}), which the records keep as {@code system:reason}. A reason with
 * a variable part ({@code job:hazard-deadlines}, {@code alarm-source:12}) is labelled by its prefix.
 */
public final class SystemActors {

	/** The prefix of every system actor the records keep. */
	public static final String PREFIX = "system:";

	static final Map<String, String> REASONS = Map.ofEntries(
			Map.entry("migration", "数据库升级"),
			Map.entry("demo", "准备演示数据"),
			Map.entry("demo grades", "准备演示评级"),
			Map.entry("demo hazards", "准备演示隐患"),
			Map.entry("login", "登录核对"),
			Map.entry("bench", "性能测试"),
			Map.entry("generate", "批量生成演示数据"),
			Map.entry("generate facts", "生成风险事实"),
			Map.entry("generate hazards", "生成隐患"),
			Map.entry("import-check", "导入前核对"),
			Map.entry("public-plans", "公开下月执法对象"),
			Map.entry("public-annual-plans", "公开年度执法计划"),
			Map.entry("public-commitments", "公开随机种子承诺"),
			Map.entry("public-draw", "公开抽取结果"),
			Map.entry("public-inspection-code", "检查码公开页面"),
			Map.entry("public-inspection-rating", "企业通过检查码评价"),
			Map.entry("hazard:grade-facts", "隐患计入企业评级"),
			Map.entry("audit-verify", "核验全过程记录"),
			Map.entry("audit-anchor", "签名公布全过程记录链头"),
			Map.entry("trigger", "触发式监管"),
			Map.entry("trigger:hazard-overdue", "隐患逾期未整改触发检查"),
			Map.entry("trigger:reinspection-failed", "隐患复查不合格触发检查"),
			Map.entry("alarm-source-key", "核对监测源密钥"),
			Map.entry("regrade", "全市重新评级"),
			Map.entry("regrade changed files", "档案变更后重新评级"),
			Map.entry("preview scoring policy", "预览评分规则影响"),
			Map.entry("background-work:stop", "停机时结束未完成的后台任务"),
			Map.entry("inspections-to-rate", "统计待评价的检查"),
			Map.entry("penalty catalogue", "载入裁量目录"),
			Map.entry("case-file-draw", "抽取评查案卷"));

	/** Reasons with a variable part, by their prefix. */
	static final Map<String, String> PREFIXES = Map.of("job:", "定时任务", "alarm-source:", "接收监测报警");

	/** The scheduled jobs by name, for {@code job:<name>}. */
	static final Map<String, String> JOBS = Map.of("hazard-deadlines", "隐患整改期限检查", "audit-anchor",
			"签名公布全过程记录链头");

	private SystemActors() {
	}

	/** Whether the actor is the system acting by itself. */
	public static boolean isSystem(String actor) {
		return actor != null && actor.startsWith(PREFIX);
	}

	/** What the system was doing, in words, for a reason (without the {@code system:} prefix); null if unknown. */
	public static String label(String reason) {
		String known = REASONS.get(reason);
		if (known != null) {
			return known;
		}
		if (reason.startsWith("job:")) {
			String job = JOBS.get(reason.substring(4));
			return job == null ? PREFIXES.get("job:") : PREFIXES.get("job:") + "：" + job;
		}
		for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
			if (reason.startsWith(prefix.getKey())) {
				return prefix.getValue();
			}
		}
		return null;
	}
}
