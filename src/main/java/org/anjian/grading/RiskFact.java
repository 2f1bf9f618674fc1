package org.anjian.grading;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.Uscc;

/**
 * One fact known of an enterprise that its grade takes into account: an accident with its level and casualties,
 * a penalty with its amount, a hazard (open until {@code resolvedOn}), a verified report, an alarm, or a positive
 * fact. {@code source} names where it came from (e.g. {@code hazard:1234}) so that the same fact is recorded once.
 */
public record RiskFact(Long id, String uscc, FactKind kind, LocalDate occurredOn, AccidentLevel accidentLevel,
		int deaths, int injuries, BigDecimal amount, LocalDate resolvedOn, String source) {

	public RiskFact {
		if (uscc == null || kind == null || occurredOn == null) {
			throw new InvalidInputException("事实须有统一社会信用代码、类型和发生日期");
		}
		uscc = Uscc.of(uscc).value();
		if (kind == FactKind.ACCIDENT && accidentLevel == null) {
			throw new InvalidInputException("accidentLevel", "生产安全事故须注明事故等级（一般、较大、重大、特别重大）");
		}
		if (kind != FactKind.ACCIDENT && (accidentLevel != null || deaths != 0 || injuries != 0)) {
			throw new InvalidInputException("accidentLevel", "只有生产安全事故才有事故等级和伤亡人数");
		}
		if (deaths < 0 || injuries < 0) {
			throw new InvalidInputException("deaths", "伤亡人数不能为负数");
		}
		if (kind == FactKind.PENALTY && (amount == null || amount.signum() < 0)) {
			throw new InvalidInputException("amount", "行政处罚须注明罚款金额（元，不能为负数；警告等不罚款的填 0）");
		}
		if (kind != FactKind.PENALTY && amount != null) {
			throw new InvalidInputException("amount", "只有行政处罚才有罚款金额");
		}
		if (resolvedOn != null && resolvedOn.isBefore(occurredOn)) {
			throw new InvalidInputException("resolvedOn", "整改完成日期不能早于发现日期");
		}
	}

	public static RiskFact accident(String uscc, LocalDate on, AccidentLevel level, int deaths, int injuries,
			String source) {
		return new RiskFact(null, uscc, FactKind.ACCIDENT, on, level, deaths, injuries, null, null, source);
	}

	public static RiskFact penalty(String uscc, LocalDate on, BigDecimal amount, String source) {
		return new RiskFact(null, uscc, FactKind.PENALTY, on, null, 0, 0, amount, null, source);
	}

	public static RiskFact of(String uscc, FactKind kind, LocalDate on, String source) {
		return new RiskFact(null, uscc, kind, on, null, 0, 0, null, null, source);
	}

	/** An unrectified hazard: it keeps counting against the enterprise until it is closed. */
	public boolean open() {
		return (kind == FactKind.MAJOR_HAZARD || kind == FactKind.OVERDUE_HAZARD) && resolvedOn == null;
	}

	/** A short Chinese description for the breakdown, e.g. {@code 较大事故 2026-03-02 死亡2人 受伤1人}. */
	public String describe() {
		StringBuilder text = new StringBuilder(kind == FactKind.ACCIDENT ? accidentLevel.label() : kind.label());
		text.append(' ').append(occurredOn);
		if (deaths > 0) {
			text.append(" 死亡").append(deaths).append('人');
		}
		if (injuries > 0) {
			text.append(" 受伤").append(injuries).append('人');
		}
		if (amount != null) {
			text.append(" 罚款").append(amount.stripTrailingZeros().toPlainString()).append('元');
		}
		if (open()) {
			text.append("（未整改）");
		}
		return text.toString();
	}

	/** The same fact as stored, under its id. */
	public RiskFact withId(Long newId) {
		return new RiskFact(newId, uscc, kind, occurredOn, accidentLevel, deaths, injuries, amount, resolvedOn, source);
	}
}
