package org.anjian.hazard;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The hazards an inspection task found, as the pages and documents about that inspection read them (the officer's
 * task page, the rectification order, the public inspection-code page), each in its current state. Within the
 * caller's jurisdiction, like every read.
 */
@Service
public class TaskHazards {

	private final Hazards hazards;

	TaskHazards(Hazards hazards) {
		this.hazards = hazards;
	}

	/** The hazards of the task in the order they were found. */
	public List<Hazard> of(long taskId) {
		return hazards.findByTask(taskId);
	}
}
