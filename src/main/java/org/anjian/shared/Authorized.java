package org.anjian.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that performs an act of the {@link Act table}: it runs only for a logged-in account holding one of
 * the act's roles, or for the system (start-up seeding, nightly jobs, command-line tools) when no one is logged in;
 * anyone else is refused with {@link ActRefusedException} before the method starts. Put on the service method that
 * does the act (so that every page, API and job reaching it is held to the same table), and on the page that offers
 * its form.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Authorized {

	Act value();
}
