package org.anjian.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What every enforcement document of an inspection states about it: its number, the inspection code its QR code
 * leads to, the body, the enterprise inspected (name, credit code, address), the two officers with their badges, the
 * matters and the day of the inspection (the day recording began, the planned day before that).
 */
public record InspectionParticulars(long taskId, String number, String codeToken, InspectionStatus status,
		String bodyName, String enterpriseName, String uscc, String address, Officer lead, Officer second,
		List<String> matters, LocalDate day) {

	/** An officer as documents name them: name and badge number (执法证号). */
	public record Officer(String name, String badge) {
	}

	/** The officers as the documents list them: 张三（执法证号 31010700001）、李四（执法证号 31010700002）. */
	public String officersWithBadges() {
		return java.util.stream.Stream.of(lead, second).filter(Objects::nonNull)
			.map(o -> o.name() + "（执法证号 " + o.badge() + "）").collect(Collectors.joining("、"));
	}
}
