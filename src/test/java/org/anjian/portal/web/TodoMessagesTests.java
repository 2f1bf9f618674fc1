package org.anjian.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The to-dos name their words by key in the modules' Java code, where the bundles test (which reads the templates)
 * does not look: every {@code todo.…} key a module's code names is in the three bundles.
 */
class TodoMessagesTests {

	private static final Pattern KEY = Pattern.compile("\"(todo\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)+)\"");

	@Test
	void everyToDoKeyTheModulesNameIsInEveryBundle() throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/anjian"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher key = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (key.find()) {
					keys.add(key.group(1));
				}
			}
		}
		assertThat(keys).as("the keys the to-do sources name").hasSizeGreaterThan(20)
			.contains("todo.hazard.due", "todo.detail.dueIn", "todo.inspection.toRate");
		for (String bundle : List.of("i18n/messages.properties", "i18n/messages_zh_CN.properties",
				"i18n/messages_en.properties")) {
			Properties messages = new Properties();
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
				messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
			}
			assertThat(keys.stream().filter(k -> !messages.containsKey(k)).toList()).as("missing from " + bundle).isEmpty();
		}
	}
}
