package org.anjian.shared.web;

import java.util.Map;

/**
 * What the layout of every page needs from a module (the person, the navigation), also for the pages no controller
 * of that module builds: the error pages, whose model starts empty. A module that puts such attributes into every
 * page's model with a {@code @ModelAttribute} of a {@code @ControllerAdvice} gives them here too, so that a refused
 * or failed page keeps the navigation and the person's name.
 */
public interface LayoutModel {

	/** Adds the module's layout attributes for the request being answered. */
	void contribute(Map<String, Object> model);
}
