package org.anjian.enterprise;

/** Risks that put an enterprise under particular scrutiny. */
public enum RiskTag {
	/** 粉尘涉爆 */
	DUST_EXPLOSION,
	/** 涉氨制冷 */
	AMMONIA_REFRIGERATION,
	/** 有限空间 */
	CONFINED_SPACE,
	/** 高温熔融 */
	MOLTEN_METAL,
	/** 重大危险源 (with its level 一级 to 四级) */
	MAJOR_HAZARD_INSTALLATION,
	/** 危险化工工艺 */
	HAZARDOUS_PROCESS
}
