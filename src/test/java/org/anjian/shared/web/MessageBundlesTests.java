package org.anjian.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three message bundles say the same things: every key in each of them, none empty, the Chinese locale's bundle
 * the same as the default one, no Chinese in the English one, and every key a template asks for present in all.
 */
class MessageBundlesTests {

	static final String DEFAULT = "i18n/messages.properties";
	static final String CHINESE = "i18n/messages_zh_CN.properties";
	static final String ENGLISH = "i18n/messages_en.properties";

	/** The language switch names the other language in that language, as switches do; the one Chinese word there. */
	static final Set<String> AUTONYMS = Set.of("nav.language");

	/** Han characters and Chinese punctuation (CJK symbols, full-width forms). */
	static final Pattern CHINESE_TEXT = Pattern.compile("[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]");

	/** {@code #{key}}, {@code #{key(…)}} or {@code #messages.msg('key' …)}, also a computed key's literal prefix. */
	static final Pattern KEY_USE = Pattern.compile("#\\{\\s*([^}(]+)|#messages\\.msg\\w*\\(\\s*('[^']+'\\s*\\+?)");

	static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");

	@Test
	void everyBundleHasEveryKeyOfTheOthers() throws IOException {
		Map<String, String> standard = bundle(DEFAULT);
		Map<String, String> chinese = bundle(CHINESE);
		Map<String, String> english = bundle(ENGLISH);
		for (Map<String, String> other : List.of(chinese, english)) {
			String name = other == chinese ? CHINESE : ENGLISH;
			assertThat(missing(standard.keySet(), other.keySet())).as("keys of " + DEFAULT + " missing from " + name).isEmpty();
			assertThat(missing(other.keySet(), standard.keySet())).as("keys of " + name + " missing from " + DEFAULT).isEmpty();
		}
	}

	@Test
	void theChineseBundleSaysWhatTheDefaultSays() throws IOException {
		// the default bundle answers any locale without its own bundle; zh_CN must not drift from it
		Map<String, String> standard = bundle(DEFAULT);
		Map<String, String> differing = new LinkedHashMap<>();
		bundle(CHINESE).forEach((key, value) -> {
			if (standard.containsKey(key) && !value.equals(standard.get(key))) {
				differing.put(key, value + " ≠ " + standard.get(key));
			}
		});
		assertThat(differing).as(CHINESE + " saying otherwise than " + DEFAULT).isEmpty();
	}

	@Test
	void noMessageIsEmptyOrDefinedTwice() throws IOException {
		for (String name : List.of(DEFAULT, CHINESE, ENGLISH)) {
			assertThat(bundle(name)).as(name).allSatisfy((key, value) -> assertThat(value).as(key).isNotBlank());
			assertThat(duplicates(name)).as("keys defined twice in " + name).isEmpty();
		}
	}

	@Test
	void theEnglishBundleHasNoChinese() throws IOException {
		Map<String, String> chinese = new LinkedHashMap<>();
		bundle(ENGLISH).forEach((key, value) -> {
			if (!AUTONYMS.contains(key) && CHINESE_TEXT.matcher(value).find()) {
				chinese.put(key, value);
			}
		});
		assertThat(chinese).as("English messages containing Chinese").isEmpty();
	}

	/**
	 * A message with arguments goes through {@code MessageFormat}, where a lone apostrophe starts a quote and swallows
	 * the text after it; one without arguments is shown as written, where a doubled apostrophe stays doubled.
	 */
	@Test
	void apostrophesAreWrittenAsMessageFormatReadsThem() throws IOException {
		for (String name : List.of(DEFAULT, ENGLISH)) {
			Map<String, String> wrong = new LinkedHashMap<>();
			bundle(name).forEach((key, value) -> {
				boolean formatted = value.matches("(?s).*\\{\\d[^}]*}.*");
				String withoutPairs = value.replace("''", "");
				if (formatted ? withoutPairs.contains("'") : value.contains("''")) {
					wrong.put(key, value);
				}
			});
			assertThat(wrong).as("messages with a misquoted apostrophe in " + name).isEmpty();
		}
	}

	/** A message with arguments must be a pattern {@code MessageFormat} accepts (plural choices, number formats). */
	@Test
	void everyMessageWithArgumentsIsAValidPattern() throws IOException {
		for (String name : List.of(DEFAULT, ENGLISH)) {
			Locale locale = name.equals(ENGLISH) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
			Map<String, String> invalid = new LinkedHashMap<>();
			bundle(name).forEach((key, value) -> {
				if (value.matches("(?s).*\\{\\d.*")) {
					try {
						new MessageFormat(value, locale);
					}
					catch (IllegalArgumentException e) {
						invalid.put(key, e.getMessage());
					}
				}
			});
			assertThat(invalid).as("messages MessageFormat cannot read in " + name).isEmpty();
		}
	}

	@Test
	void everyKeyATemplateUsesIsInEveryBundle() throws IOException {
		Set<String> used = new TreeSet<>();
		Set<String> prefixes = new TreeSet<>();
		for (Resource template : templates()) {
			Matcher use = KEY_USE.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			while (use.find()) {
				String expression = use.group(1) != null ? use.group(1).strip() : use.group(2).strip();
				Matcher key = KEY.matcher(expression);
				if (KEY.matcher(expression).matches()) {
					used.add(expression);
				}
				else if (expression.matches("'[^']+'")) {
					used.add(expression.substring(1, expression.length() - 1));
				}
				else if (key.find()) {
					// a computed key ('status.' + ${s}): at least the family must exist
					prefixes.add(key.group());
				}
			}
		}
		assertThat(used).as("keys the templates use").hasSizeGreaterThan(100);
		for (String name : List.of(DEFAULT, CHINESE, ENGLISH)) {
			Set<String> keys = bundle(name).keySet();
			assertThat(missing(used, keys)).as("keys the templates use missing from " + name).isEmpty();
			assertThat(prefixes.stream().filter(prefix -> keys.stream().noneMatch(k -> k.startsWith(prefix))))
				.as("computed key families the templates use missing from " + name).isEmpty();
		}
	}

	static Set<String> missing(Set<String> wanted, Set<String> present) {
		Set<String> missing = new TreeSet<>(wanted);
		missing.removeAll(present);
		return missing;
	}

	static Map<String, String> bundle(String name) throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(text(name)));
		Map<String, String> messages = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach(key -> messages.put(key, properties.getProperty(key)));
		return messages;
	}

	/** Keys written twice: {@link Properties} keeps the last one silently. */
	static List<String> duplicates(String name) throws IOException {
		List<String> twice = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		boolean continued = false;
		for (String line : text(name).split("\n")) {
			String trimmed = line.strip();
			boolean startsEntry = !continued && !trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!");
			if (startsEntry) {
				String key = trimmed.split("\\s*[=:]", 2)[0];
				if (!seen.add(key)) {
					twice.add(key);
				}
			}
			continued = trimmed.endsWith("\\") && !trimmed.endsWith("\\\\");
		}
		return twice;
	}

	static String text(String name) throws IOException {
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static Resource[] templates() throws IOException {
		return new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
	}
}
