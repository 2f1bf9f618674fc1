package org.anjian.grading;

/**
 * The kinds of fact a grade is computed from. Most raise the risk score; self-reported and rectified hazards
 * and a group's reported internal supervision lower it. Standardization grade and liability insurance are
 * read from the enterprise file itself.
 */
public enum FactKind {

	/** 生产安全事故 (level, deaths, injuries) */
	ACCIDENT("生产安全事故"),
	/** 行政处罚 (amount) */
	PENALTY("行政处罚"),
	/** 一般事故隐患 found by an inspection */
	GENERAL_HAZARD("一般事故隐患"),
	/** 重大事故隐患 found by an inspection; open until rectified */
	MAJOR_HAZARD("重大事故隐患"),
	/** 逾期未整改隐患; open until rectified */
	OVERDUE_HAZARD("逾期未整改隐患"),
	/** 查实的举报 */
	VERIFIED_REPORT("查实举报"),
	/** 监测预警 from a monitoring system */
	ALARM("监测报警"),
	/** 自查自报并整改的隐患 */
	SELF_REPORTED_HAZARD("自查自报并整改隐患"),
	/** 集团内部监督报告 */
	GROUP_SUPERVISION("集团自查自纠报告");

	private final String label;

	FactKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
