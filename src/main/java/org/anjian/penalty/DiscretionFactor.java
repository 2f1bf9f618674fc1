package org.anjian.penalty;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The facts an officer ticks for the discretion benchmark. Seed 003 (十二): 「对违法行为从安全风险、违法情节和方式、危害后果和
 * 社会影响、过错程度、改正程度和配合执法态度等多维度，综合分析、判断、确定行政处罚种类、幅度的具体适用」 — six dimensions, each
 * lighter or more serious than usual (neither ticked: usual); the aggravating circumstances of the penalty measures
 * art. 55 and the mitigating ones of art. 56 (行政处罚法 art. 32); and the no-penalty grounds of 行政处罚法 art. 33 with
 * the city's 自查自报不罚, considered before any fine.
 */
public enum DiscretionFactor {

	SAFETY_RISK_LOW(Kind.LIGHTER, Dimension.SAFETY_RISK, "安全风险较低（非重点单位、作业危险性低、从业人员少）"),
	SAFETY_RISK_HIGH(Kind.SERIOUS, Dimension.SAFETY_RISK, "安全风险较高（重点单位、危险作业、涉及重大危险源或重大事故隐患）"),
	CIRCUMSTANCES_LIGHT(Kind.LIGHTER, Dimension.CIRCUMSTANCES, "违法情节较轻、方式简单、持续时间短"),
	CIRCUMSTANCES_SERIOUS(Kind.SERIOUS, Dimension.CIRCUMSTANCES, "违法情节较重、手段恶劣或持续时间长"),
	HARM_NONE(Kind.LIGHTER, Dimension.HARM, "未造成危害后果和社会影响"),
	HARM_SERIOUS(Kind.SERIOUS, Dimension.HARM, "危害后果或社会影响较大"),
	FAULT_SLIGHT(Kind.LIGHTER, Dimension.FAULT, "过错程度较轻（过失）"),
	FAULT_INTENTIONAL(Kind.SERIOUS, Dimension.FAULT, "明知故犯（故意）"),
	CORRECTED_PROMPTLY(Kind.LIGHTER, Dimension.CORRECTION, "已及时、全部改正"),
	NOT_CORRECTED(Kind.SERIOUS, Dimension.CORRECTION, "未改正或改正不到位"),
	COOPERATIVE(Kind.LIGHTER, Dimension.ATTITUDE, "积极配合调查，如实陈述"),
	UNCOOPERATIVE(Kind.SERIOUS, Dimension.ATTITUDE, "不配合调查，隐瞒或拖延"),

	AGG_OVERDUE_ENDANGERING(Kind.AGGRAVATING, null,
			"危及公共安全或其他单位安全，经责令限期改正逾期未改正（《安全生产违法行为行政处罚办法》第55条第1项）"),
	AGG_REPEATED_IN_YEAR(Kind.AGGRAVATING, null, "一年内因同一违法行为受到两次以上行政处罚（办法第55条第2项）"),
	AGG_CONTINUING(Kind.AGGRAVATING, null, "拒不整改或整改不力，违法行为呈持续状态（办法第55条第3项）"),
	AGG_OBSTRUCTING(Kind.AGGRAVATING, null, "拒绝、阻碍或以暴力威胁行政执法人员（办法第55条第4项）"),

	MIT_REMOVED_HARM(Kind.MITIGATING, null, "主动消除或减轻违法行为危害后果（办法第56条、行政处罚法第32条）"),
	MIT_COERCED(Kind.MITIGATING, null, "受他人胁迫或诱骗实施违法行为（办法第56条、行政处罚法第32条）"),
	MIT_MERITORIOUS(Kind.MITIGATING, null, "配合查处违法行为有立功表现（办法第56条、行政处罚法第32条）"),
	MIT_CONFESSED(Kind.MITIGATING, null, "主动投案、如实交待或主动供述尚未掌握的违法行为（办法第56条、行政处罚法第32条）"),

	NO_PENALTY_MINOR(Kind.NO_PENALTY, null, "违法行为轻微并及时改正，没有造成危害后果：不予行政处罚（行政处罚法第33条第1款）"),
	NO_PENALTY_FIRST(Kind.NO_PENALTY, null, "初次违法且危害后果轻微并及时改正：可以不予行政处罚（首违不罚，行政处罚法第33条第1款）"),
	NO_PENALTY_NO_FAULT(Kind.NO_PENALTY, null, "有证据足以证明没有主观过错：不予行政处罚（行政处罚法第33条第2款）"),
	NO_PENALTY_SELF_REPORTED(Kind.NO_PENALTY, null, "企业自查发现并如实报告、及时整改的隐患：自查自报不罚（本市免罚清单）");

	/** What a factor does to the proposal. */
	public enum Kind {
		/** one dimension lighter than usual: the amount moves down inside the band */
		LIGHTER,
		/** one dimension more serious than usual: the amount moves up inside the band */
		SERIOUS,
		/** 从重 */
		AGGRAVATING,
		/** 从轻、减轻 */
		MITIGATING,
		/** 不予处罚 */
		NO_PENALTY
	}

	/** The six dimensions of seed 003 (十二). */
	public enum Dimension {
		SAFETY_RISK("安全风险"), CIRCUMSTANCES("违法情节和方式"), HARM("危害后果和社会影响"), FAULT("过错程度"),
		CORRECTION("改正程度"), ATTITUDE("配合执法态度");

		private final String label;

		Dimension(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private final Kind kind;
	private final Dimension dimension;
	private final String label;

	DiscretionFactor(Kind kind, Dimension dimension, String label) {
		this.kind = kind;
		this.dimension = dimension;
		this.label = label;
	}

	public Kind kind() {
		return kind;
	}

	/** The dimension a lighter or more serious fact speaks of; null for the circumstances and grounds. */
	public Dimension dimension() {
		return dimension;
	}

	public String label() {
		return label;
	}

	/** The factor with this code, or empty. */
	public static Optional<DiscretionFactor> of(String code) {
		return Arrays.stream(values()).filter(f -> f.name().equals(code)).findFirst();
	}

	public static List<DiscretionFactor> of(Kind kind) {
		return Arrays.stream(values()).filter(f -> f.kind == kind).toList();
	}
}
