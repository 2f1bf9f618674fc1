package org.anjian;

import java.util.TimeZone;

import org.anjian.shared.command.ApplicationCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Anjian (安监): the work-safety supervision and enforcement platform.
 *
 * <p>Without arguments it serves the web application; with a sub-command ({@code generate},
 * {@code bench}, {@code audit-verify}, ...) it runs that command without a web server and exits.
 */
@SpringBootApplication
@EnableScheduling
public class AnjianApplication {

	public static void main(String[] args) {
		// Deadlines, months and years of enforcement are those of Shanghai, wherever the server runs.
		TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
		if (ApplicationCommands.isCommand(args)) {
			System.exit(ApplicationCommands.run(AnjianApplication.class, args));
		}
		SpringApplication.run(AnjianApplication.class, args);
	}
}
