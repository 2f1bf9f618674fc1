package org.anjian.hazard;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * How long an enterprise is given to rectify a hazard an inspection found, as the rectification order (责令限期整改
 * 指令书) states it: 30 days from the day of the finding, 90 for a major hazard (重大事故隐患), whose rectification
 * usually needs works, a plan and a re-inspection by the body. An officer may set another deadline by hand.
 */
@Component
public class RectificationDeadlinePolicy {

	public static final int DAYS = 30;
	public static final int DAYS_FOR_MAJOR = 90;

	/** The days to rectify a hazard of this weight. */
	public int days(boolean major) {
		return major ? DAYS_FOR_MAJOR : DAYS;
	}

	/** The deadline of a hazard found on that day. */
	public LocalDate deadline(boolean major, LocalDate foundOn) {
		return foundOn.plusDays(days(major));
	}
}
