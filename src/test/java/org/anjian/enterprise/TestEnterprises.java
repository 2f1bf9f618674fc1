package org.anjian.enterprise;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.anjian.shared.Uscc;

/** Valid, unique enterprise details for tests. */
public final class TestEnterprises {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final Random RANDOM = new Random();

	private TestEnterprises() {
	}

	/** A fresh valid credit code registered in the given district. */
	public static String code(String district) {
		StringBuilder code = new StringBuilder("91").append(district);
		for (int i = 0; i < 9; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.append(Uscc.checkCharacter(code.toString())).toString();
	}

	/** A small machinery workshop in a street of a district. */
	public static EnterpriseDetails smallWorkshop(String district, String street, String name) {
		return new EnterpriseDetails(code(district), name, List.of(), "张三", "李四", "13900001111", "上海市某路1号",
				district, street, new BigDecimal("121.400000"), new BigDecimal("31.250000"), "34", Sector.INDUSTRY_TRADE,
				SectorSubtype.MACHINERY, Set.of(RiskTag.CONFINED_SPACE), null, Scale.SMALL, 35, false, null, null,
				StandardizationGrade.NONE, true, null);
	}

	/** A hazardous-chemicals storage company with a level-3 major hazard installation. */
	public static EnterpriseDetails chemicalStore(String district, String street, String name) {
		return new EnterpriseDetails(code(district), name, List.of(), "王五", "赵六", "021-66001234", "上海市某工业区2号",
				district, street, new BigDecimal("121.500000"), new BigDecimal("31.100000"), "26", Sector.HAZCHEM,
				SectorSubtype.STORAGE, Set.of(RiskTag.MAJOR_HAZARD_INSTALLATION), 3, Scale.MEDIUM, 120, false, null,
				null, StandardizationGrade.LEVEL_2, true, null);
	}
}
