package org.anjian;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.anjian.audit.AuditAction;
import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditedTable;
import org.anjian.identity.internal.SystemActors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing the audit trail records goes without words: every audited table (each table with the audit trigger, and each
 * entity the code appends a summary for) has a Chinese name kept by the module that owns the table; every action code
 * written anywhere in the code and the migrations has a label, as every constant of the modules' enums does; and every
 * reason the system acts under ({@code system:reason}, an actor the pages show) has words too.
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the other tests share
class EveryAuditedThingHasALabelTests {

	static final Path JAVA = Path.of("src/main/java");
	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
	private static final Pattern APPENDED = Pattern.compile("anjian_audit_append\\(\\s*'([a-z_]+)'\\s*,\\s*[^,]+,\\s*'([^']+)'");
	private static final Pattern APPENDED_ENTITY = Pattern.compile("anjian_audit_append\\(\\s*'([a-z_]+)'");
	private static final Pattern DESCRIBED = Pattern.compile("\\.describe\\(\\s*\"([^\"]+)\"\\s*\\)");
	private static final Pattern NAMED = Pattern.compile("set_config\\(\\s*'anjian\\.action'\\s*,\\s*'([^']+)'");
	private static final Pattern SYSTEM_SCOPE = Pattern.compile("SystemScope\\.(?:call|run)\\(\\s*\"([^\"]+)\"");
	/** An actor written out ('system:trigger'), not a pattern that matches them all ('system:%'). */
	private static final Pattern SYSTEM_ACTOR = Pattern.compile("[\"']system:([^\"'%]+)[\"']");

	@Autowired
	AuditLabels labels;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyAuditedTableHasAChineseNameKeptByTheModuleThatOwnsIt() {
		Set<String> audited = new TreeSet<>(asSystem(() -> jdbc.sql(
				"select distinct event_object_table from information_schema.triggers where trigger_name = 'audit'")
			.query(String.class).list()));
		audited.addAll(found(APPENDED_ENTITY, 1, JAVA, ".java"));
		assertThat(audited).as("audited tables").contains("hazard", "enterprise", "inspection_rating", "app_user");

		Map<String, String> missing = new LinkedHashMap<>();
		audited.forEach(table -> {
			if (labels.entity(table).isEmpty() || !CHINESE.matcher(labels.entityLabel(table)).find()) {
				missing.put(table, labels.entityLabel(table));
			}
		});
		assertThat(missing).as("audited tables without a Chinese name").isEmpty();

		Map<String, String> owners = TableOwnershipTests.schema().tableOwners();
		Map<String, String> keptElsewhere = new LinkedHashMap<>();
		declaringModules().forEach((table, module) -> {
			if (!module.equals(owners.get(table))) {
				keptElsewhere.put(table, module + " (owner: " + owners.get(table) + ")");
			}
		});
		assertThat(keptElsewhere).as("table names kept by a module that does not own the table").isEmpty();
	}

	@Test
	void everyActionCodeTheCodeAndTheMigrationsWriteHasALabel() {
		Set<String> written = new TreeSet<>();
		written.addAll(found(APPENDED, 2, JAVA, ".java"));
		written.addAll(found(DESCRIBED, 1, JAVA, ".java"));
		written.addAll(found(NAMED, 1, JAVA, ".java"));
		written.addAll(found(APPENDED, 2, MIGRATIONS, ".sql"));
		written.addAll(found(NAMED, 1, MIGRATIONS, ".sql"));
		written.removeIf(code -> code.startsWith(":")); // a bound parameter: the code comes from an enum

		assertThat(written).as("codes written literally").contains("checklist.revise", "hazard.place-at-enterprise");
		assertThat(written.stream().filter(code -> labels.of(code).isEmpty()).toList())
			.as("action codes written without a label").isEmpty();
	}

	@Test
	void everyActionOfTheModulesEnumsHasAChineseLabel() {
		Map<String, String> all = labels.all();
		assertThat(all).containsKeys("hazard.verify", "account.open", "plan.approve", "hazard.generate",
				"grading.generate-facts");
		assertThat(all.entrySet().stream().filter(e -> !CHINESE.matcher(e.getValue()).find()).toList())
			.as("actions labelled without Chinese").isEmpty();
	}

	@Test
	void everyReasonTheSystemActsUnderHasWords() {
		Set<String> reasons = new TreeSet<>();
		reasons.addAll(found(SYSTEM_SCOPE, 1, JAVA, ".java"));
		reasons.addAll(found(SYSTEM_ACTOR, 1, JAVA, ".java"));
		reasons.addAll(found(SYSTEM_ACTOR, 1, MIGRATIONS, ".sql"));
		assertThat(reasons).contains("generate hazards", "migration", "trigger");

		assertThat(reasons.stream().filter(reason -> SystemActors.label(reason) == null).toList())
			.as("reasons of the system without words").isEmpty();
		assertThat(SystemActors.label("job:hazard-deadlines")).isEqualTo("定时任务：隐患整改期限检查");
		assertThat(SystemActors.label("alarm-source:12")).isEqualTo("接收监测报警");
	}

	/** Each table a module's enum of {@link AuditedTable}s names, with the module of that enum. */
	private static Map<String, String> declaringModules() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(AuditedTable.class));
		Map<String, String> modules = new LinkedHashMap<>();
		scanner.findCandidateComponents("org.anjian").forEach(candidate -> {
			try {
				Class<?> type = Class.forName(candidate.getBeanClassName());
				String module = type.getName().substring("org.anjian.".length()).split("\\.")[0];
				for (Object constant : type.getEnumConstants()) {
					modules.put(((AuditedTable) constant).table(), module);
				}
			}
			catch (ClassNotFoundException e) {
				throw new IllegalStateException(e);
			}
		});
		assertThat(AuditAction.class).isInterface();
		return modules;
	}

	/** What the pattern's group matches in every file of the tree ending so. */
	private static List<String> found(Pattern pattern, int group, Path root, String ending) {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(ending)).toList()) {
				Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					found.add(m.group(group));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new ArrayList<>(new LinkedHashSet<>(found));
	}
}
