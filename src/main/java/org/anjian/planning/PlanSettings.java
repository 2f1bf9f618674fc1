package org.anjian.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.anjian.shared.InvalidInputException;

/**
 * A plan's settings, kept as data on the plan: the share of capacity reserved for temporary tasks (default 15%),
 * the treatment by grade (A all inspected; B a sample; C assistance visits; D nothing beyond the general draw),
 * the share of the remaining enterprises drawn for general checks, and the capacity: each officer's available
 * days per month and inspections per officer-day. An inspection takes two officers.
 */
public record PlanSettings(BigDecimal reserveShare, BigDecimal sampleRateB, BigDecimal assistanceRateC,
		BigDecimal generalDrawRate, BigDecimal officerDaysPerMonth, BigDecimal inspectionsPerOfficerDay) {

	/** Officers per inspection (at least two, 两人以上执法). */
	public static final int OFFICERS_PER_INSPECTION = 2;

	public static PlanSettings defaults() {
		return new PlanSettings(new BigDecimal("0.15"), new BigDecimal("0.30"), new BigDecimal("0.10"),
				new BigDecimal("0.05"), new BigDecimal("15"), new BigDecimal("2"));
	}

	/** The defaults where a value is missing; refuses values out of range. */
	public PlanSettings completed() {
		PlanSettings d = defaults();
		PlanSettings s = new PlanSettings(or(reserveShare, d.reserveShare), or(sampleRateB, d.sampleRateB),
				or(assistanceRateC, d.assistanceRateC), or(generalDrawRate, d.generalDrawRate),
				or(officerDaysPerMonth, d.officerDaysPerMonth), or(inspectionsPerOfficerDay, d.inspectionsPerOfficerDay));
		if (s.reserveShare.signum() < 0 || s.reserveShare.compareTo(BigDecimal.ONE) >= 0) {
			throw new InvalidInputException("reserveShare", "预留比例须在 0 到 1 之间（例如 0.15 表示 15%）");
		}
		share(s.sampleRateB, "sampleRateB", "B级重点抽查比例");
		share(s.assistanceRateC, "assistanceRateC", "C级主动帮扶比例");
		share(s.generalDrawRate, "generalDrawRate", "一般检查抽取比例");
		if (s.officerDaysPerMonth.signum() < 0 || s.officerDaysPerMonth.compareTo(BigDecimal.valueOf(31)) > 0) {
			throw new InvalidInputException("officerDaysPerMonth", "每名执法人员每月可用天数须在 0 到 31 之间");
		}
		if (s.inspectionsPerOfficerDay.signum() <= 0 || s.inspectionsPerOfficerDay.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidInputException("inspectionsPerOfficerDay", "每人每天检查户数须大于 0");
		}
		return s;
	}

	/**
	 * Inspections the body can plan in the year with this many officers: officer-days a year times inspections
	 * per officer-day, divided by the officers each inspection takes, less the reserve.
	 */
	public int capacity(int officers) {
		return BigDecimal.valueOf(officers)
			.multiply(officerDaysPerMonth)
			.multiply(BigDecimal.valueOf(12))
			.multiply(inspectionsPerOfficerDay)
			.divide(BigDecimal.valueOf(OFFICERS_PER_INSPECTION), 6, RoundingMode.DOWN)
			.multiply(BigDecimal.ONE.subtract(reserveShare))
			.setScale(0, RoundingMode.DOWN)
			.intValueExact();
	}

	private static void share(BigDecimal value, String field, String name) {
		if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
			throw new InvalidInputException(field, name + "须在 0 到 1 之间（例如 0.3 表示 30%）");
		}
	}

	private static BigDecimal or(BigDecimal value, BigDecimal fallback) {
		return value == null ? fallback : value;
	}
}
