package org.anjian.shared.web;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages name a state or a kind by its message key ({@code #{'hazard.status.' + ${h.status}}}), so that the English
 * page says it in English; documents, audit rows and messages built in Java still use the enum's Chinese label. The
 * Chinese bundle must say exactly what the label says, for every constant, or a page and a document would disagree.
 */
class EnumLabelsTests {

	/**
	 * Key family → the enum it names and the method giving the Chinese text ({@code label} unless {@code #method} says
	 * otherwise); the enums are found by name so that a moved one fails here rather than the build.
	 */
	static final Map<String, String> FAMILIES = families();

	@Test
	void everyConstantHasAKeyTheChineseBundleSaysAsItsLabelDoes() throws Exception {
		Map<String, String> standard = MessageBundlesTests.bundle(MessageBundlesTests.DEFAULT);
		Map<String, String> english = MessageBundlesTests.bundle(MessageBundlesTests.ENGLISH);
		Map<String, String> wrong = new LinkedHashMap<>();
		for (Map.Entry<String, String> family : FAMILIES.entrySet()) {
			String[] source = (family.getValue() + "#label").split("#");
			Class<?> type = Class.forName(source[0]);
			assertThat(type.isEnum()).as(source[0]).isTrue();
			Method label = type.getMethod(source[1]);
			for (Object constant : type.getEnumConstants()) {
				String name = ((Enum<?>) constant).name();
				// the templates build the key from the constant as a string: toString must be the name
				assertThat(constant.toString()).as(family.getValue() + "." + name).isEqualTo(name);
				String key = family.getKey() + name;
				if (!label.invoke(constant).equals(standard.get(key)) || !english.containsKey(key)) {
					wrong.put(key, label.invoke(constant) + " / " + standard.get(key) + " / " + english.get(key));
				}
			}
		}
		assertThat(wrong).as("key: label / Chinese bundle / English bundle").isEmpty();
	}

	@Test
	void aFamilyNamesNoKeyItsEnumLacks() throws IOException, ClassNotFoundException {
		Map<String, String> standard = MessageBundlesTests.bundle(MessageBundlesTests.DEFAULT);
		for (Map.Entry<String, String> family : FAMILIES.entrySet()) {
			Object[] constants = Class.forName(family.getValue().split("#")[0]).getEnumConstants();
			long keys = standard.keySet().stream()
				.filter(k -> k.startsWith(family.getKey()) && k.indexOf('.', family.getKey().length()) < 0)
				.count();
			assertThat(keys).as("keys of " + family.getKey()).isEqualTo(constants.length);
		}
	}

	private static Map<String, String> families() {
		Map<String, String> families = new LinkedHashMap<>();
		families.put("plans.status.", "org.anjian.planning.PlanStatus");
		families.put("plans.kind.", "org.anjian.planning.ItemKind");
		families.put("plans.category.", "org.anjian.planning.ItemCategory");
		families.put("inspection.status.", "org.anjian.inspection.InspectionStatus");
		families.put("inspection.originKind.", "org.anjian.inspection.InspectionOrigin");
		families.put("inspection.outcome.", "org.anjian.inspection.internal.InspectionRecords$Outcome");
		families.put("hazard.status.", "org.anjian.hazard.HazardStatus");
		families.put("hazard.noticeStatus.", "org.anjian.hazard.internal.NoticeStatus");
		families.put("hazard.listingStatus.", "org.anjian.hazard.internal.ListingStatus");
		families.put("hazard.department.", "org.anjian.hazard.internal.Department");
		families.put("level.", "org.anjian.hazard.internal.ListingLevel");
		families.put("trigger.alarmKind.", "org.anjian.trigger.internal.AlarmKind");
		families.put("trigger.outcome.", "org.anjian.trigger.internal.TriggerOutcome");
		families.put("riskGrade.", "org.anjian.grading.Grade");
		families.put("gradeTreatment.", "org.anjian.grading.Grade#treatment");
		return families;
	}
}
