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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns the tables its migrations create (its folder under {@code db/migration}); another module's SQL
 * reads only the views the owner publishes in its own migrations (ADR 0001). Every other reference to a base table of
 * another module must be on the allow-list {@code architecture/cross-module-sql.txt} with its reason, and an entry
 * no code needs any more fails too, so the list only shrinks.
 */
class TableOwnershipTests {

	static final Path JAVA = Path.of("src/main/java/org/anjian");
	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
	static final Path OWNERS = Path.of("src/test/resources/architecture/table-owners.txt");
	static final Path ALLOWED = Path.of("src/test/resources/architecture/cross-module-sql.txt");

	private static final Pattern CREATE_TABLE = Pattern.compile(
			"create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
	private static final Pattern CREATE_VIEW = Pattern.compile(
			"create\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
	private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
	private static final Pattern SQL = Pattern.compile("\\b(select|insert|update|delete|from|join)\\b",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern IDENTIFIER = Pattern.compile("(?<![.:\\w])([a-z_][a-z0-9_]*)(?![\\w(])");
	private static final Pattern QUOTED = Pattern.compile("'[^']*'");

	/** The owner of every table and view, from the folder of the migration that creates it. */
	record Schema(Map<String, String> tableOwners, Map<String, String> viewOwners) {
	}

	/** One reference of a module's SQL to another module's base table. */
	record Reference(String module, String table, String owner, String where) {

		String pair() {
			return module + " " + table;
		}
	}

	@Test
	void noModuleReadsAnotherModulesBaseTablesExceptWhereTheAllowListSaysWhy() {
		Schema schema = schema();
		Map<String, String> allowed = allowList();
		List<Reference> references = crossModuleReferences(schema, JAVA);

		List<String> unexplained = references.stream().filter(r -> !allowed.containsKey(r.pair()))
			.map(r -> r.where() + ": module " + r.module() + " reads " + r.owner() + "'s table " + r.table()
					+ " (read a view " + r.owner() + " publishes, or call its Java API)")
			.distinct().toList();
		assertThat(unexplained).as("SQL naming another module's base table").isEmpty();

		Set<String> used = new LinkedHashSet<>();
		references.forEach(r -> used.add(r.pair()));
		assertThat(allowed.keySet()).as("allow-list entries no code needs any more: remove them").isSubsetOf(used);
	}

	@Test
	void everyAllowListEntryNamesABaseTableOfAnotherModuleAndItsReason() {
		Schema schema = schema();
		allowList().forEach((pair, reason) -> {
			String[] parts = pair.split(" ");
			assertThat(schema.tableOwners()).as("table of " + pair).containsKey(parts[1]);
			assertThat(schema.tableOwners().get(parts[1])).as("owner of " + pair).isNotEqualTo(parts[0]);
			assertThat(reason).as("reason of " + pair).isNotBlank();
		});
	}

	@Test
	void everyTableHasOneOwningModuleWithCode() {
		Schema schema = schema();
		assertThat(schema.tableOwners()).isNotEmpty();
		Set<String> modules = modules(JAVA);
		schema.tableOwners().forEach((table, owner) -> assertThat(modules).as("owner of " + table).contains(owner));
		schema.viewOwners().forEach((view, owner) -> assertThat(modules).as("owner of view " + view).contains(owner));
	}

	@Test
	void theScanFindsAnotherModulesTableInATextBlockAndInAStringButNotAViewOrAColumn(@org.junit.jupiter.api.io.TempDir Path root)
			throws IOException {
		Schema schema = new Schema(Map.of("hazard", "hazard", "enterprise", "enterprise", "inspection_task", "inspection"),
				Map.of("enterprise_names", "enterprise"));
		Path inspection = Files.createDirectories(root.resolve("inspection"));
		Files.writeString(inspection.resolve("Reads.java"), """
				class Reads {
					String a = \"""
							select count(*) from inspection_task t join hazard h on h.task_id = t.id
							where t.status = 'hazard' and t.hazard_count > 0\""";
					String b = "select name from enterprise_names where uscc = :enterprise";
					String c = "update " + "enterprise set name = :name";
				}
				""".replace("\\\"", "\""));
		Files.createDirectories(root.resolve("hazard"));
		Files.createDirectories(root.resolve("enterprise"));

		assertThat(crossModuleReferences(schema, root)).extracting(Reference::pair)
			.containsExactly("inspection hazard", "inspection enterprise");
	}

	// ---- the scan

	static Schema schema() {
		Map<String, String> tables = new TreeMap<>();
		Map<String, String> views = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
				String module = MIGRATIONS.relativize(file).getName(0).toString();
				String sql = withoutComments(read(file));
				CREATE_TABLE.matcher(sql).results().forEach(m -> tables.put(m.group(1).toLowerCase(), module));
				CREATE_VIEW.matcher(sql).results().forEach(m -> views.put(m.group(1).toLowerCase(), module));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		// tables created in another module's migration before their owner existed, with the reason
		lines(OWNERS).forEach(l -> {
			assertThat(tables).as("table-owners.txt names a table no migration creates: " + l[0]).containsKey(l[0]);
			assertThat(l[2]).as("table-owners.txt: the reason " + l[0] + " belongs to " + l[1]).isNotBlank();
			tables.put(l[0], l[1]);
		});
		return new Schema(tables, views);
	}

	static List<Reference> crossModuleReferences(Schema schema, Path root) {
		List<Reference> references = new ArrayList<>();
		for (String module : modules(root)) {
			try (Stream<Path> files = Files.walk(root.resolve(module))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
					String source = read(file);
					for (java.util.regex.MatchResult literal : literals(source)) {
						String text = literal.group(1);
						if (!SQL.matcher(statement(source, literal.start(), literal.end())).find()) {
							continue;
						}
						Matcher id = IDENTIFIER.matcher(QUOTED.matcher(text).replaceAll("''"));
						while (id.find()) {
							if (text.substring(0, id.start()).matches("(?s).*\\bas\\s+$")) {
								continue; // a column's alias
							}
							String owner = schema.tableOwners().get(id.group(1));
							if (owner != null && !owner.equals(module)) {
								int line = (int) source.substring(0, literal.start()).chars().filter(c -> c == '\n').count() + 1;
								references.add(new Reference(module, id.group(1), owner, root.relativize(file) + ":" + line));
							}
						}
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return references;
	}

	private static List<java.util.regex.MatchResult> literals(String source) {
		List<java.util.regex.MatchResult> found = new ArrayList<>();
		Matcher blocks = TEXT_BLOCK.matcher(source);
		StringBuilder rest = new StringBuilder(source);
		while (blocks.find()) {
			found.add(blocks.toMatchResult());
			for (int i = blocks.start(); i < blocks.end(); i++) {
				if (rest.charAt(i) != '\n') {
					rest.setCharAt(i, ' ');
				}
			}
		}
		Matcher strings = STRING.matcher(rest);
		while (strings.find()) {
			found.add(strings.toMatchResult());
		}
		return found;
	}

	/**
	 * The statement a string literal belongs to (from the previous ; or brace to the next ;): a literal is SQL when
	 * any part of its statement reads as SQL, so "select " + COLUMNS + " from enterprise" is SQL in every part.
	 */
	private static String statement(String source, int start, int end) {
		int from = Math.max(Math.max(source.lastIndexOf(';', start), source.lastIndexOf('{', start)),
				source.lastIndexOf('}', start)) + 1;
		int to = source.indexOf(';', end);
		return source.substring(from, to < 0 ? source.length() : to);
	}

	static Set<String> modules(Path root) {
		try (Stream<Path> dirs = Files.list(root)) {
			return new java.util.TreeSet<>(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** "module table" → the reason it may read that table. */
	static Map<String, String> allowList() {
		Map<String, String> allowed = new LinkedHashMap<>();
		lines(ALLOWED).forEach(l -> {
			String previous = allowed.put(l[0] + " " + l[1], l[2]);
			assertThat(previous).as("cross-module-sql.txt names " + l[0] + " " + l[1] + " twice").isNull();
		});
		return allowed;
	}

	/** Lines of "first second # reason" (or "first second reason"), comments and blank lines left out. */
	private static List<String[]> lines(Path file) {
		List<String[]> lines = new ArrayList<>();
		for (String line : read(file).split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			String[] parts = trimmed.split("\\s+", 3);
			assertThat(parts).as(file + ": " + line).hasSizeGreaterThanOrEqualTo(2);
			String reason = parts.length > 2 ? parts[2].replaceFirst("^#\\s*", "").strip() : "";
			lines.add(new String[] { parts[0], parts[1], reason });
		}
		return lines;
	}

	private static String withoutComments(String sql) {
		return sql.replaceAll("--[^\n]*", "");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
