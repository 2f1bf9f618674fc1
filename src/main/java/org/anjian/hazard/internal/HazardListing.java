package org.anjian.hazard.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.anjian.hazard.Hazard;
import org.anjian.shared.Allowance;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.Versioned;
import org.anjian.shared.Zone;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A major hazard listed for supervision (挂牌督办) by a level, with the person responsible for removing it, the day
 * by which it is to be removed (督办期限) and the reason; progress is reported while it is listed, and it is delisted
 * (摘牌) only once the hazard is verified closed ({@link DelistingPolicy}). Its lifecycle is {@link ListingStatus}.
 * Past the required day while still listed is derived, never stored.
 */
@Table("hazard_listing")
public class HazardListing implements Versioned {

	private @Id Long id;
	private final String districtCode;
	private final String streetCode;
	private final long hazardId;
	private final String uscc;
	private final ListingLevel level;
	private final String responsibleName;
	private final String responsiblePosition;
	private final String responsiblePhone;
	private final LocalDate dueOn;
	private final String reason;
	private ListingStatus status;
	private final String listedBy;
	private final Instant listedAt;
	private LocalDate latestProgressOn;
	private String delistedBy;
	private Instant delistedAt;
	private @Version Integer version;

	@PersistenceCreator
	HazardListing(Long id, String districtCode, String streetCode, long hazardId, String uscc, ListingLevel level,
			String responsibleName, String responsiblePosition, String responsiblePhone, LocalDate dueOn, String reason,
			ListingStatus status, String listedBy, Instant listedAt, LocalDate latestProgressOn, String delistedBy,
			Instant delistedAt, Integer version) {
		this.id = id;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.hazardId = hazardId;
		this.uscc = uscc;
		this.level = level;
		this.responsibleName = responsibleName;
		this.responsiblePosition = responsiblePosition;
		this.responsiblePhone = responsiblePhone;
		this.dueOn = dueOn;
		this.reason = reason;
		this.status = status;
		this.listedBy = listedBy;
		this.listedAt = listedAt;
		this.latestProgressOn = latestProgressOn;
		this.delistedBy = delistedBy;
		this.delistedAt = delistedAt;
		this.version = version;
	}

	/** The person answerable for removing the hazard (责任人). */
	public record Responsible(String name, String position, String phone) {
	}

	/** A progress report (整改进展), made while the hazard is listed; kept beside the listing, never changed. */
	public record ProgressReport(Long id, long listingId, LocalDate reportedOn, String text, String reportedBy,
			boolean byEnterprise, Instant recordedAt) {
	}

	/**
	 * 挂牌督办: the policy must have allowed it (a major hazard, not verified, not listed yet, at a level no higher
	 * than the lister's); the responsible person, the required day (after today) and the reason are all needed.
	 */
	static HazardListing list(Hazard hazard, Allowance allowance, ListingLevel level, Responsible responsible,
			LocalDate dueOn, String reason, String by, Instant at, LocalDate today) {
		if (!allowance.allowed()) {
			throw new InvalidInputException(level == null ? "level" : "hazard", allowance.reason());
		}
		if (responsible == null || blank(responsible.name())) {
			throw new InvalidInputException("responsibleName", "请填写责任人姓名");
		}
		if (blank(responsible.position())) {
			throw new InvalidInputException("responsiblePosition", "请填写责任人职务");
		}
		if (blank(responsible.phone()) || !responsible.phone().trim().matches("[0-9+\\- ]{7,20}")) {
			throw new InvalidInputException("responsiblePhone", "请填写责任人的联系电话（如 13900001111 或 021-66001234）");
		}
		if (dueOn == null || !dueOn.isAfter(today)) {
			throw new InvalidInputException("dueOn", "督办期限须晚于今天");
		}
		if (blank(reason)) {
			throw new InvalidInputException("reason", "请写明挂牌督办的理由");
		}
		return new HazardListing(null, hazard.districtCode(), hazard.streetCode(), hazard.id(), hazard.uscc(), level,
				responsible.name().trim(), responsible.position().trim(), responsible.phone().trim(), dueOn, reason.trim(),
				ListingStatus.LISTED, by, at, null, null, null, null);
	}

	/**
	 * 整改进展: what was done on a day, by an officer or by the enterprise; only while listed, for a day between the
	 * listing and today.
	 */
	public ProgressReport reportProgress(LocalDate on, String text, String by, boolean byEnterprise, LocalDate today,
			Instant at) {
		if (status != ListingStatus.LISTED) {
			throw new InvalidTransitionException(status.name(), "PROGRESS_REPORT",
					"挂牌督办当前为“" + status.label() + "”，不能再报告整改进展（只有督办中的隐患可以）");
		}
		if (blank(text)) {
			throw new InvalidInputException("text", "请填写整改进展");
		}
		if (on == null) {
			throw new InvalidInputException("reportedOn", "请填写进展日期");
		}
		if (on.isAfter(today)) {
			throw new InvalidInputException("reportedOn", "进展日期不能晚于今天");
		}
		if (on.isBefore(LocalDate.ofInstant(listedAt, Zone.SHANGHAI))) {
			throw new InvalidInputException("reportedOn", "进展日期不能早于挂牌督办之日");
		}
		if (latestProgressOn == null || on.isAfter(latestProgressOn)) {
			latestProgressOn = on;
		}
		return new ProgressReport(null, id, on, text.trim(), by, byEnterprise, at);
	}

	/** 摘牌: only while listed, and only once the policy allows it (the hazard verified closed). */
	public void delist(Allowance allowance, String by, Instant at) {
		if (!status.allows(ListingStatus.DELISTED)) {
			throw new InvalidTransitionException(status.name(), ListingStatus.DELISTED.name(),
					"挂牌督办当前为“" + status.label() + "”，不能摘牌");
		}
		if (!allowance.allowed()) {
			throw new InvalidTransitionException(status.name(), ListingStatus.DELISTED.name(), allowance.reason());
		}
		status = ListingStatus.DELISTED;
		delistedBy = by;
		delistedAt = at;
	}

	/** Still listed after the day by which the hazard was to be removed (督办逾期). */
	public boolean overdueOn(LocalDate day) {
		return status == ListingStatus.LISTED && day.isAfter(dueOn);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	public Long id() {
		return id;
	}

	public String districtCode() {
		return districtCode;
	}

	public String streetCode() {
		return streetCode;
	}

	public long hazardId() {
		return hazardId;
	}

	public String uscc() {
		return uscc;
	}

	public ListingLevel level() {
		return level;
	}

	public Responsible responsible() {
		return new Responsible(responsibleName, responsiblePosition, responsiblePhone);
	}

	public LocalDate dueOn() {
		return dueOn;
	}

	public String reason() {
		return reason;
	}

	public ListingStatus status() {
		return status;
	}

	public String listedBy() {
		return listedBy;
	}

	public Instant listedAt() {
		return listedAt;
	}

	public LocalDate latestProgressOn() {
		return latestProgressOn;
	}

	public String delistedBy() {
		return delistedBy;
	}

	public Instant delistedAt() {
		return delistedAt;
	}

	@Override
	public Integer version() {
		return version;
	}
}
