package org.anjian.organization;

import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.JurisdictionScope;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A place with its division code: Shanghai, a district, or a street or town (reference data). */
@Table("jurisdiction")
public record Jurisdiction(@Id String code, String name, JurisdictionLevel level, String parentCode, String kind,
		@Version int version) {

	public JurisdictionScope scope() {
		return switch (level) {
			case CITY -> JurisdictionScope.city();
			case DISTRICT -> JurisdictionScope.district(code);
			case STREET -> JurisdictionScope.street(code);
		};
	}
}
