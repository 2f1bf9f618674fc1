package org.anjian.organization;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.Versioned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A third-party expert (第三方专家) on a body's list. Kept apart from officers: an expert may assist an
 * inspection and give advisory or mandatory opinions, but never inspects alone and holds no badge.
 */
@Table("expert")
public class Expert implements Versioned {

	private @Id Long id;
	private String name;
	private String field;
	private String organisation;
	private String qualification;
	private String phone;
	private final Long bodyId;
	private final String districtCode;
	private final String streetCode;
	private boolean active;
	private @Version int version;

	@PersistenceCreator
	Expert(Long id, String name, String field, String organisation, String qualification, String phone, Long bodyId,
			String districtCode, String streetCode, boolean active, int version) {
		this.id = id;
		this.name = name;
		this.field = field;
		this.organisation = organisation;
		this.qualification = qualification;
		this.phone = phone;
		this.bodyId = bodyId;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.active = active;
		this.version = version;
	}

	/** Puts an expert on a body's list. */
	public static Expert register(String name, String field, String organisation, String qualification, String phone,
			EnforcementBody body) {
		Expert expert = new Expert(null, null, null, null, null, null, body.id(), body.districtCode(),
				body.streetCode(), true, 0);
		expert.describe(name, field, organisation, qualification, phone);
		return expert;
	}

	public void describe(String newName, String newField, String newOrganisation, String newQualification,
			String newPhone) {
		this.name = required(newName, "name", "姓名");
		this.field = required(newField, "field", "专业领域");
		this.organisation = required(newOrganisation, "organisation", "所在单位");
		this.qualification = required(newQualification, "qualification", "资格（职称或注册资格）");
		this.phone = newPhone == null || newPhone.isBlank() ? null : newPhone.trim();
	}

	public void deactivate() {
		this.active = false;
	}

	public void reactivate() {
		this.active = true;
	}

	private static String required(String value, String field, String label) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, label + "不能为空");
		}
		return value.trim();
	}

	public Long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String field() {
		return field;
	}

	public String organisation() {
		return organisation;
	}

	public String qualification() {
		return qualification;
	}

	public String phone() {
		return phone;
	}

	public Long bodyId() {
		return bodyId;
	}

	public String districtCode() {
		return districtCode;
	}

	public String streetCode() {
		return streetCode;
	}

	public boolean active() {
		return active;
	}

	@Override
	public Integer version() {
		return version;
	}
}
