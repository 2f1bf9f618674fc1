package org.anjian.planning;

import java.math.BigDecimal;
import java.time.Instant;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.Versioned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One enforcement body's plan of inspections for one year (年度执法计划). It carries its settings as data and the
 * seed of its draws, recorded when the draft is opened and so before any draw. Its lifecycle ({@link PlanStatus}):
 *
 * <pre>
 *   DRAFT ──submit──▶ SUBMITTED ──approve (LEADER)──▶ APPROVED ──publish──▶ PUBLISHED
 *     ▲                  │
 *     └─returnToDraft────┘
 * </pre>
 *
 * Only a draft is composed; a published plan changes only by an amendment with a recorded reason.
 */
@Table("annual_plan")
public class AnnualPlan implements Versioned {

	/**
	 * The years a plan may be opened for: a check against a mistyped year (20277, 207), wide enough for the far years
	 * tests plan in (TestYears) so as not to meet each other's plans or the demo's.
	 */
	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2999;

	private @Id Long id;
	private final long bodyId;
	private final JurisdictionLevel bodyLevel;
	private final String districtCode;
	private final String streetCode;
	private final int year;
	private PlanStatus status;
	private BigDecimal reserveShare;
	private BigDecimal sampleRateB;
	private BigDecimal assistanceRateC;
	private BigDecimal generalDrawRate;
	private BigDecimal officerDaysPerMonth;
	private BigDecimal inspectionsPerOfficerDay;
	private final String seed;
	private final Instant seedRecordedAt;
	private final String createdBy;
	private String approvedBy;
	private Instant publishedAt;
	private @Version Integer version;

	@PersistenceCreator
	AnnualPlan(Long id, long bodyId, JurisdictionLevel bodyLevel, String districtCode, String streetCode, int year,
			PlanStatus status, BigDecimal reserveShare, BigDecimal sampleRateB, BigDecimal assistanceRateC,
			BigDecimal generalDrawRate, BigDecimal officerDaysPerMonth, BigDecimal inspectionsPerOfficerDay,
			String seed, Instant seedRecordedAt, String createdBy, String approvedBy, Instant publishedAt,
			Integer version) {
		this.id = id;
		this.bodyId = bodyId;
		this.bodyLevel = bodyLevel;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.year = year;
		this.status = status;
		this.reserveShare = reserveShare;
		this.sampleRateB = sampleRateB;
		this.assistanceRateC = assistanceRateC;
		this.generalDrawRate = generalDrawRate;
		this.officerDaysPerMonth = officerDaysPerMonth;
		this.inspectionsPerOfficerDay = inspectionsPerOfficerDay;
		this.seed = seed;
		this.seedRecordedAt = seedRecordedAt;
		this.createdBy = createdBy;
		this.approvedBy = approvedBy;
		this.publishedAt = publishedAt;
		this.version = version;
	}

	/** Opens a draft for a body and a year, with its settings and the seed of its draws. */
	static AnnualPlan draft(long bodyId, JurisdictionLevel level, String districtCode, String streetCode, int year,
			PlanSettings settings, String seed, Instant now, String by) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidInputException("year", "计划年度须为 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间的年份");
		}
		PlanSettings s = settings == null ? PlanSettings.defaults() : settings.completed();
		return new AnnualPlan(null, bodyId, level, districtCode, streetCode, year, PlanStatus.DRAFT, s.reserveShare(),
				s.sampleRateB(), s.assistanceRateC(), s.generalDrawRate(), s.officerDaysPerMonth(),
				s.inspectionsPerOfficerDay(), seed, now, by, null, null, null);
	}

	/** Changes the settings of a draft (a composed draft must then be composed again). */
	public void configure(PlanSettings settings) {
		requireDraft("修改计划参数");
		PlanSettings s = settings.completed();
		reserveShare = s.reserveShare();
		sampleRateB = s.sampleRateB();
		assistanceRateC = s.assistanceRateC();
		generalDrawRate = s.generalDrawRate();
		officerDaysPerMonth = s.officerDaysPerMonth();
		inspectionsPerOfficerDay = s.inspectionsPerOfficerDay();
	}

	/** 提交审批. */
	public void submit() {
		moveTo(PlanStatus.SUBMITTED, "提交审批");
	}

	/** 退回修改: a submitted plan goes back to its authors as a draft. */
	public void returnToDraft() {
		moveTo(PlanStatus.DRAFT, "退回修改");
	}

	/** 批准, by a leader. */
	public void approve(String leader) {
		moveTo(PlanStatus.APPROVED, "批准");
		approvedBy = leader;
	}

	/** 发布: the plan and its draws become public. */
	public void publish(Instant now) {
		moveTo(PlanStatus.PUBLISHED, "发布");
		publishedAt = now;
	}

	/** Composition and item changes without a reason are for drafts only. */
	public void requireDraft(String act) {
		if (status != PlanStatus.DRAFT) {
			throw new InvalidTransitionException(status.name(), act, "计划当前为“" + status.label() + "”，只有草稿可以" + act
					+ (status == PlanStatus.PUBLISHED ? "；已发布的计划只能写明理由后调整" : "；请先退回修改"));
		}
	}

	private void moveTo(PlanStatus target, String act) {
		if (!status.allows(target)) {
			throw new InvalidTransitionException(status.name(), target.name(),
					"计划当前为“" + status.label() + "”，不能" + act + "为“" + target.label() + "”");
		}
		status = target;
	}

	public PlanSettings settings() {
		return new PlanSettings(reserveShare, sampleRateB, assistanceRateC, generalDrawRate, officerDaysPerMonth,
				inspectionsPerOfficerDay);
	}

	public Long id() {
		return id;
	}

	public long bodyId() {
		return bodyId;
	}

	public JurisdictionLevel bodyLevel() {
		return bodyLevel;
	}

	public String districtCode() {
		return districtCode;
	}

	public String streetCode() {
		return streetCode;
	}

	public int year() {
		return year;
	}

	public PlanStatus status() {
		return status;
	}

	public String seed() {
		return seed;
	}

	public Instant seedRecordedAt() {
		return seedRecordedAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public String approvedBy() {
		return approvedBy;
	}

	public Instant publishedAt() {
		return publishedAt;
	}

	@Override
	public Integer version() {
		return version == null ? 0 : version;
	}
}
