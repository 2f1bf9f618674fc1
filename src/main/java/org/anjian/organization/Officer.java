package org.anjian.organization;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.Versioned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An enforcement officer (执法人员) with a law-enforcement badge (执法证号), serving in one body. Officers
 * leave service by being deactivated, never deleted: inspections and decisions keep naming them.
 */
@Table("officer")
public class Officer implements Versioned {

	private static final Pattern BADGE = Pattern.compile("[0-9A-Z]{6,20}");
	private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

	private @Id Long id;
	private String name;
	private final String badgeNumber;
	private Long bodyId;
	private String districtCode;
	private String streetCode;
	private String phone;
	private boolean active;
	private Certification[] certifications;
	private @Version int version;

	@PersistenceCreator
	Officer(Long id, String name, String badgeNumber, Long bodyId, String districtCode, String streetCode,
			String phone, boolean active, Certification[] certifications, int version) {
		this.id = id;
		this.name = name;
		this.badgeNumber = badgeNumber;
		this.bodyId = bodyId;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.phone = phone;
		this.active = active;
		this.certifications = certifications;
		this.version = version;
	}

	/** Appoints an officer to a body. */
	public static Officer appoint(String name, String badgeNumber, EnforcementBody body, String phone,
			Set<Certification> certifications) {
		String badge = badgeNumber == null ? null : badgeNumber.trim().toUpperCase();
		if (badge == null || !BADGE.matcher(badge).matches()) {
			throw new InvalidInputException("badgeNumber", "执法证号应为6到20位数字或大写字母，收到：" + badgeNumber);
		}
		Officer officer = new Officer(null, null, badge, null, null, null, null, true, new Certification[0], 0);
		officer.describe(name, phone, certifications);
		officer.transferTo(body);
		return officer;
	}

	/** Corrects the officer's name, phone and certifications. */
	public void describe(String newName, String newPhone, Set<Certification> newCertifications) {
		if (newName == null || newName.isBlank()) {
			throw new InvalidInputException("name", "姓名不能为空");
		}
		String p = newPhone == null || newPhone.isBlank() ? null : newPhone.trim();
		if (p != null && !PHONE.matcher(p).matches()) {
			throw new InvalidInputException("phone", "电话应为11位手机号或带区号的固定电话，收到：" + newPhone);
		}
		this.name = newName.trim();
		this.phone = p;
		this.certifications = (newCertifications == null ? Set.<Certification>of() : newCertifications)
			.toArray(Certification[]::new);
	}

	/** Moves the officer to another body; they then act in that body's jurisdiction. */
	public void transferTo(EnforcementBody body) {
		this.bodyId = body.id();
		this.districtCode = body.districtCode();
		this.streetCode = body.streetCode();
	}

	public void deactivate() {
		this.active = false;
	}

	public void reactivate() {
		this.active = true;
	}

	public boolean isLeadInspector() {
		return active && certifications().contains(Certification.LEAD_INSPECTOR);
	}

	public Long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String badgeNumber() {
		return badgeNumber;
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

	public String phone() {
		return phone;
	}

	public boolean active() {
		return active;
	}

	public Set<Certification> certifications() {
		return certifications.length == 0 ? EnumSet.noneOf(Certification.class) : EnumSet.copyOf(Set.of(certifications));
	}

	@Override
	public Integer version() {
		return version;
	}
}
