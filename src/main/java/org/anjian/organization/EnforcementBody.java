package org.anjian.organization;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.Versioned;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.JurisdictionScope;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An enforcement body (执法主体): the city corps, a district brigade, or a street or town body. Each acts in
 * exactly one jurisdiction, at that jurisdiction's level; one body per jurisdiction is created from the
 * reference data and only its name may change.
 */
@Table("enforcement_body")
public class EnforcementBody implements Versioned {

	private @Id Long id;
	private String name;
	private final JurisdictionLevel level;
	private final String jurisdictionCode;
	private final String districtCode;
	private final String streetCode;
	/**
	 * A wrapper, not an {@code int}: bodies are created by the reference-data migration with version 0, and
	 * Spring Data takes a primitive version of 0 to mean "never saved", which would turn a rename into an
	 * insert. With a wrapper only a null version means new.
	 */
	private @Version Integer version;

	@PersistenceCreator
	EnforcementBody(Long id, String name, JurisdictionLevel level, String jurisdictionCode, String districtCode,
			String streetCode, Integer version) {
		this.id = id;
		this.name = name;
		this.level = level;
		this.jurisdictionCode = jurisdictionCode;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.version = version;
	}

	public void rename(String newName) {
		if (newName == null || newName.isBlank()) {
			throw new InvalidInputException("name", "执法主体名称不能为空");
		}
		this.name = newName.trim();
	}

	public Long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public JurisdictionLevel level() {
		return level;
	}

	public String jurisdictionCode() {
		return jurisdictionCode;
	}

	public String districtCode() {
		return districtCode;
	}

	public String streetCode() {
		return streetCode;
	}

	@Override
	public Integer version() {
		return version == null ? 0 : version;
	}

	/** The part of the city this body acts in. */
	public JurisdictionScope scope() {
		return new JurisdictionScope(level, districtCode, streetCode);
	}
}
