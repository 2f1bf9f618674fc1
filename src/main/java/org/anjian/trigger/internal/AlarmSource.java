package org.anjian.trigger.internal;

import java.time.Instant;

import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.Versioned;

/**
 * A monitoring system that reports alarms: a district's, or the city's when it has no district. Active until an
 * administrator deactivates it, once; its key is refused from then on.
 */
public final class AlarmSource implements Versioned {

	private final long id;
	private final String name;
	private final String districtCode;
	private boolean active;
	private final String registeredBy;
	private final Instant registeredAt;
	private Instant deactivatedAt;
	private final Integer version;

	AlarmSource(long id, String name, String districtCode, boolean active, String registeredBy, Instant registeredAt,
			Instant deactivatedAt, Integer version) {
		this.id = id;
		this.name = name;
		this.districtCode = districtCode;
		this.active = active;
		this.registeredBy = registeredBy;
		this.registeredAt = registeredAt;
		this.deactivatedAt = deactivatedAt;
		this.version = version;
	}

	/** Whether an enterprise of this district lies within the source's jurisdiction. */
	public boolean covers(String enterpriseDistrict) {
		return districtCode == null || districtCode.equals(enterpriseDistrict);
	}

	/** 停用: only an active source. */
	void deactivate(Instant at) {
		if (!active) {
			throw new InvalidTransitionException("ACTIVE", "INACTIVE", "监测源“" + name + "”已停用");
		}
		active = false;
		deactivatedAt = at;
	}

	public long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String districtCode() {
		return districtCode;
	}

	public boolean active() {
		return active;
	}

	public String registeredBy() {
		return registeredBy;
	}

	public Instant registeredAt() {
		return registeredAt;
	}

	public Instant deactivatedAt() {
		return deactivatedAt;
	}

	@Override
	public Integer version() {
		return version;
	}
}
