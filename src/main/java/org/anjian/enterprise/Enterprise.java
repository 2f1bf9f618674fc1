package org.anjian.enterprise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.Uscc;
import org.anjian.shared.Versioned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An enterprise's file (一企一档). It checks what is said of it (a place in Shanghai, a sub-type that belongs to
 * its sector, a major hazard installation with its level, a key unit with its reason), keeps former names when
 * renamed, guards its operating status, and holds exactly one supervision level and body.
 */
@Table("enterprise")
public class Enterprise implements Versioned {

	/** Shanghai's extent in WGS-84, with a margin: coordinates outside it are a typing error. */
	static final BigDecimal MIN_LONGITUDE = new BigDecimal("120.85");
	static final BigDecimal MAX_LONGITUDE = new BigDecimal("122.20");
	static final BigDecimal MIN_LATITUDE = new BigDecimal("30.66");
	static final BigDecimal MAX_LATITUDE = new BigDecimal("31.88");

	private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

	private @Id final String uscc;
	private String name;
	private String[] formerNames;
	private String legalRepresentative;
	private String safetyManager;
	private String safetyManagerPhone;
	private String address;
	private String districtCode;
	private String streetCode;
	private BigDecimal longitude;
	private BigDecimal latitude;
	private String industryCode;
	private Sector sector;
	private SectorSubtype sectorSubtype;
	private RiskTag[] riskTags;
	private Integer majorHazardLevel;
	private Scale scale;
	private Integer employees;
	private boolean keyUnit;
	private String keyUnitReason;
	private String parentGroup;
	private JurisdictionLevel supervisionLevel;
	private Long supervisingBodyId;
	private String levelRule;
	private String levelOverrideReason;
	private StandardizationGrade standardizationGrade;
	private boolean liabilityInsurance;
	private OperatingStatus operatingStatus;
	private @Version Integer version;

	@PersistenceCreator
	Enterprise(String uscc, String name, String[] formerNames, String legalRepresentative, String safetyManager,
			String safetyManagerPhone, String address, String districtCode, String streetCode, BigDecimal longitude,
			BigDecimal latitude, String industryCode, Sector sector, SectorSubtype sectorSubtype, RiskTag[] riskTags,
			Integer majorHazardLevel, Scale scale, Integer employees, boolean keyUnit, String keyUnitReason,
			String parentGroup, JurisdictionLevel supervisionLevel, Long supervisingBodyId, String levelRule,
			String levelOverrideReason, StandardizationGrade standardizationGrade, boolean liabilityInsurance,
			OperatingStatus operatingStatus, Integer version) {
		this.uscc = uscc;
		this.name = name;
		this.formerNames = formerNames;
		this.legalRepresentative = legalRepresentative;
		this.safetyManager = safetyManager;
		this.safetyManagerPhone = safetyManagerPhone;
		this.address = address;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.longitude = longitude;
		this.latitude = latitude;
		this.industryCode = industryCode;
		this.sector = sector;
		this.sectorSubtype = sectorSubtype;
		this.riskTags = riskTags;
		this.majorHazardLevel = majorHazardLevel;
		this.scale = scale;
		this.employees = employees;
		this.keyUnit = keyUnit;
		this.keyUnitReason = keyUnitReason;
		this.parentGroup = parentGroup;
		this.supervisionLevel = supervisionLevel;
		this.supervisingBodyId = supervisingBodyId;
		this.levelRule = levelRule;
		this.levelOverrideReason = levelOverrideReason;
		this.standardizationGrade = standardizationGrade;
		this.liabilityInsurance = liabilityInsurance;
		this.operatingStatus = operatingStatus;
		this.version = version;
	}

	/** Opens a file for an enterprise; its supervision is then assigned by the rules. */
	public static Enterprise register(EnterpriseDetails details) {
		Enterprise enterprise = new Enterprise(Uscc.of(details.uscc()).value(), null, new String[0], null, null, null,
				null, null, null, null, null, null, null, null, new RiskTag[0], null, null, null, false, null, null, null,
				null, null, null, StandardizationGrade.NONE, false, OperatingStatus.OPERATING, null);
		enterprise.describe(details);
		return enterprise;
	}

	/**
	 * Corrects the file. A new name keeps the old one among the former names. The place must be a street of the
	 * given district; whether both exist is checked by the registry against the reference data.
	 */
	public void describe(EnterpriseDetails d) {
		String newName = bounded(required(d.name(), "name", "企业名称"), "name", "企业名称", 200);
		if (d.formerNames() != null && !d.formerNames().isEmpty()) {
			formerNames = d.formerNames().stream().filter(n -> n != null && !n.isBlank()).map(String::trim)
				.map(n -> bounded(n, "formerNames", "曾用名", 200)).distinct().toArray(String[]::new);
			if (formerNames.length > 20) {
				throw new InvalidInputException("formerNames", "曾用名最多 20 个");
			}
		}
		// a rename keeps the old name even when former names are given too (an edited export still lists the old ones)
		if (name != null && !name.equals(newName)) {
			List<String> former = new ArrayList<>(List.of(formerNames));
			if (!former.contains(name)) {
				former.add(0, name);
			}
			formerNames = former.toArray(String[]::new);
		}
		name = newName;
		legalRepresentative = bounded(optional(d.legalRepresentative()), "legalRepresentative", "法定代表人", 200);
		safetyManager = bounded(optional(d.safetyManager()), "safetyManager", "安全管理负责人", 200);
		safetyManagerPhone = phone(d.safetyManagerPhone());
		address = bounded(optional(d.address()), "address", "地址", 500);
		place(d.districtCode(), d.streetCode());
		coordinates(d.longitude(), d.latitude());
		industryCode = optional(d.industryCode());
		classify(d.sector(), d.sectorSubtype());
		tags(d.riskTags(), d.majorHazardLevel());
		if (d.scale() == null) {
			throw new InvalidInputException("scale", "请选择企业规模（大、中、小、微）");
		}
		scale = d.scale();
		if (d.employees() != null && d.employees() < 0) {
			throw new InvalidInputException("employees", "从业人数不能为负数");
		}
		employees = d.employees();
		if (d.keyUnit() && (d.keyUnitReason() == null || d.keyUnitReason().isBlank())) {
			throw new InvalidInputException("keyUnitReason", "列为重点单位须写明理由");
		}
		keyUnit = d.keyUnit();
		keyUnitReason = d.keyUnit() ? d.keyUnitReason().trim() : null;
		parentGroup = bounded(optional(d.parentGroup()), "parentGroup", "所属集团", 200);
		standardizationGrade = d.standardizationGrade() == null ? StandardizationGrade.NONE : d.standardizationGrade();
		liabilityInsurance = d.liabilityInsurance();
	}

	/** What the enterprise's own safety manager may change: the contact. */
	public void updateContact(String newSafetyManager, String newPhone) {
		safetyManager = bounded(required(newSafetyManager, "safetyManager", "安全管理负责人"), "safetyManager", "安全管理负责人",
				200);
		safetyManagerPhone = phone(newPhone);
	}

	/** Supervision as the rules assign it: the level, the body of that level for this place, and the rule. */
	void superviseByRule(JurisdictionLevel level, long bodyId, String rule) {
		supervisionLevel = level;
		supervisingBodyId = bodyId;
		levelRule = rule;
		levelOverrideReason = null;
	}

	/** An officer's decision that another level supervises this enterprise; the reason is kept and audited. */
	void overrideSupervision(JurisdictionLevel level, long bodyId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "调整监管层级须写明理由");
		}
		supervisionLevel = level;
		supervisingBodyId = bodyId;
		levelRule = null;
		levelOverrideReason = reason.trim();
	}

	public boolean supervisionOverridden() {
		return levelOverrideReason != null;
	}

	public void suspend() {
		moveTo(OperatingStatus.SUSPENDED, "停业");
	}

	public void resume() {
		moveTo(OperatingStatus.OPERATING, "恢复营业");
	}

	public void deregister() {
		moveTo(OperatingStatus.DEREGISTERED, "注销");
	}

	private void moveTo(OperatingStatus target, String act) {
		if (!operatingStatus.allows(target)) {
			throw new InvalidTransitionException(operatingStatus.name(), target.name(),
					"企业当前状态为" + statusName(operatingStatus) + "，不能" + act);
		}
		operatingStatus = target;
	}

	private void place(String district, String street) {
		if (district == null || !district.matches("\\d{6}") || district.endsWith("0000")) {
			throw new InvalidInputException("districtCode", "请选择企业所在的区（6位区划代码），收到：" + district);
		}
		String s = optional(street);
		if (s != null && !(s.matches("\\d{9}") && s.startsWith(district))) {
			throw new InvalidInputException("streetCode", "街镇代码 " + s + " 不属于所选的区 " + district);
		}
		districtCode = district;
		streetCode = s;
	}

	private void coordinates(BigDecimal lon, BigDecimal lat) {
		if ((lon == null) != (lat == null)) {
			throw new InvalidInputException(lon == null ? "longitude" : "latitude", "经度和纬度须同时填写");
		}
		if (lon != null && (lon.compareTo(MIN_LONGITUDE) < 0 || lon.compareTo(MAX_LONGITUDE) > 0)) {
			throw new InvalidInputException("longitude", "经度 " + lon.toPlainString() + " 不在上海市范围内（约 120.85 至 122.20）");
		}
		if (lat != null && (lat.compareTo(MIN_LATITUDE) < 0 || lat.compareTo(MAX_LATITUDE) > 0)) {
			throw new InvalidInputException("latitude", "纬度 " + lat.toPlainString() + " 不在上海市范围内（约 30.66 至 31.88）");
		}
		longitude = lon;
		latitude = lat;
	}

	private void classify(Sector newSector, SectorSubtype subtype) {
		if (newSector == null) {
			throw new InvalidInputException("sector", "请选择监管行业：危险化学品或工贸");
		}
		if (subtype == null || subtype.sector() != newSector) {
			throw new InvalidInputException("sectorSubtype", newSector == Sector.HAZCHEM
					? "危险化学品企业须选择生产、经营、使用或储存" : "工贸企业须选择冶金、有色、建材、机械、轻工、纺织、烟草或商贸");
		}
		sector = newSector;
		sectorSubtype = subtype;
	}

	private void tags(Set<RiskTag> tags, Integer level) {
		Set<RiskTag> set = tags == null || tags.isEmpty() ? EnumSet.noneOf(RiskTag.class) : EnumSet.copyOf(tags);
		boolean major = set.contains(RiskTag.MAJOR_HAZARD_INSTALLATION);
		if (major && (level == null || level < 1 || level > 4)) {
			throw new InvalidInputException("majorHazardLevel", "重大危险源须注明级别（一级至四级）");
		}
		if (!major && level != null) {
			throw new InvalidInputException("majorHazardLevel", "未标注重大危险源时不能填写重大危险源级别");
		}
		riskTags = set.toArray(RiskTag[]::new);
		majorHazardLevel = major ? level : null;
	}

	private static String phone(String value) {
		String p = optional(value);
		if (p != null && !PHONE.matcher(p).matches()) {
			throw new InvalidInputException("safetyManagerPhone", "联系电话应为11位手机号或带区号的固定电话，收到："
					+ (p.length() > 40 ? p.substring(0, 40) + "…" : p));
		}
		return p;
	}

	private static String required(String value, String field, String label) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, label + "不能为空");
		}
		return value.trim();
	}

	/** The value, if it is no longer than the field's bound (the database's too: enterprise_*_length). */
	private static String bounded(String value, String field, String label, int max) {
		if (value != null && value.length() > max) {
			throw new InvalidInputException(field, label + "最多 " + max + " 个字符，请精简后重试");
		}
		return value;
	}

	private static String optional(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	static String statusName(OperatingStatus status) {
		return switch (status) {
			case OPERATING -> "在业";
			case SUSPENDED -> "停业";
			case DEREGISTERED -> "注销";
		};
	}

	/**
	 * Everything the file says, but its version: equal before and after a correction when the correction changed
	 * nothing (an import of an unchanged row then writes nothing, and the history records nothing).
	 */
	List<Object> state() {
		return java.util.Arrays.asList(name, List.of(formerNames), legalRepresentative, safetyManager,
				safetyManagerPhone, address, districtCode, streetCode, longitude == null ? null : longitude.stripTrailingZeros(),
				latitude == null ? null : latitude.stripTrailingZeros(), industryCode, sector, sectorSubtype,
				riskTags(), majorHazardLevel, scale, employees, keyUnit, keyUnitReason, parentGroup, supervisionLevel,
				supervisingBodyId, levelRule, levelOverrideReason, standardizationGrade, liabilityInsurance,
				operatingStatus);
	}

	public String uscc() { return uscc; }
	public String name() { return name; }
	public List<String> formerNames() { return List.of(formerNames); }
	public String legalRepresentative() { return legalRepresentative; }
	public String safetyManager() { return safetyManager; }
	public String safetyManagerPhone() { return safetyManagerPhone; }
	public String address() { return address; }
	public String districtCode() { return districtCode; }
	public String streetCode() { return streetCode; }
	public BigDecimal longitude() { return longitude; }
	public BigDecimal latitude() { return latitude; }
	public String industryCode() { return industryCode; }
	public Sector sector() { return sector; }
	public SectorSubtype sectorSubtype() { return sectorSubtype; }
	public Set<RiskTag> riskTags() { return riskTags.length == 0 ? EnumSet.noneOf(RiskTag.class) : EnumSet.copyOf(Set.of(riskTags)); }
	public Integer majorHazardLevel() { return majorHazardLevel; }
	public Scale scale() { return scale; }
	public Integer employees() { return employees; }
	public boolean keyUnit() { return keyUnit; }
	public String keyUnitReason() { return keyUnitReason; }
	public String parentGroup() { return parentGroup; }
	public JurisdictionLevel supervisionLevel() { return supervisionLevel; }
	public Long supervisingBodyId() { return supervisingBodyId; }
	public String levelRule() { return levelRule; }
	public String levelOverrideReason() { return levelOverrideReason; }
	public StandardizationGrade standardizationGrade() { return standardizationGrade; }
	public boolean liabilityInsurance() { return liabilityInsurance; }
	public OperatingStatus operatingStatus() { return operatingStatus; }
	@Override
	public Integer version() { return version; }
}
