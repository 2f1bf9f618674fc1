package org.anjian.enterprise.web;

import org.anjian.shared.Act;
import org.anjian.shared.security.ActGuard;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the enterprise list whether its viewer keeps the registry in bulk, to offer the import page and the export. */
@ControllerAdvice(assignableTypes = EnterprisePages.class)
class EnterpriseListActions {

	@ModelAttribute("canImport")
	boolean canImport() {
		return ActGuard.allows(Act.IMPORT_ENTERPRISES);
	}
}
