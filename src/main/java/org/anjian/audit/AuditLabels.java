package org.anjian.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.web.util.UriUtils;

/**
 * The Chinese label of every recorded action and of every audited table. Each module's enums of {@link AuditAction}s
 * and {@link AuditedTable}s are found on the class path once at start-up; writes that no business action named are
 * recorded as the database's insert, update or delete, labelled here.
 */
@Component
public class AuditLabels {

	/** Writes outside a named business action (a row written directly, e.g. by a migration or a bulk load). */
	static final Map<String, String> PLAIN_WRITES = Map.of("insert", "新增", "update", "修改", "delete", "删除",
			// the summary of a bulk generation, as the generators recorded it before each named its own action
			"generate", "批量生成");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

	/** An audited table as read: its Chinese name and the address of its page (null: none). */
	public record Entity(String table, String label, String page) {
	}

	private final Map<String, String> labels;
	private final Map<String, Entity> entities;

	AuditLabels() {
		this(scan("org.anjian"), scanTables("org.anjian"));
	}

	AuditLabels(Map<String, String> labels) {
		this(labels, Map.of());
	}

	AuditLabels(Map<String, String> labels, Map<String, Entity> entities) {
		Map<String, String> all = new LinkedHashMap<>(PLAIN_WRITES);
		all.putAll(labels);
		this.labels = Collections.unmodifiableMap(all);
		this.entities = Map.copyOf(entities);
	}

	/** The label of a recorded action code, if it has one. */
	public Optional<String> of(String code) {
		return Optional.ofNullable(code == null ? null : labels.get(code));
	}

	/** The label people read; an unknown code is shown as it was recorded. */
	public String label(String code) {
		return of(code).orElse(code);
	}

	/** Every known action code with its label. */
	public Map<String, String> all() {
		return labels;
	}

	/** The audited table of that name, if a module lists it. */
	public Optional<Entity> entity(String table) {
		return Optional.ofNullable(table == null ? null : entities.get(table));
	}

	/** The Chinese name of an audited table; an unknown table is shown as recorded. */
	public String entityLabel(String table) {
		return entity(table).map(Entity::label).orElse(table);
	}

	/** Every audited table a module lists, by name. */
	public Map<String, Entity> entities() {
		return entities;
	}

	/**
	 * The address of the page that shows a recorded row: the table's page with {@code {id}} replaced by the recorded
	 * id and {@code {column}} by that column of the recorded row ({@code column} looks it up); empty when the table
	 * has no page or a value is missing.
	 */
	public Optional<String> page(String table, String id, Function<String, String> column) {
		Entity entity = entities.get(table);
		if (entity == null || entity.page() == null) {
			return Optional.empty();
		}
		Matcher m = PLACEHOLDER.matcher(entity.page());
		StringBuilder address = new StringBuilder();
		while (m.find()) {
			String value = "id".equals(m.group(1)) ? id : column.apply(m.group(1));
			if (value == null || value.isBlank()) {
				return Optional.empty();
			}
			m.appendReplacement(address, Matcher.quoteReplacement(UriUtils.encodePathSegment(value, "UTF-8")));
		}
		m.appendTail(address);
		return Optional.of(address.toString());
	}

	static Map<String, String> scan(String basePackage) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (Object constant : constants(basePackage, AuditAction.class)) {
			AuditAction action = (AuditAction) constant;
			String earlier = labels.put(action.code(), action.label());
			if (earlier != null) {
				throw new IllegalStateException("audit action " + action.code() + " is listed twice");
			}
		}
		return labels;
	}

	static Map<String, Entity> scanTables(String basePackage) {
		Map<String, Entity> tables = new LinkedHashMap<>();
		for (Object constant : constants(basePackage, AuditedTable.class)) {
			AuditedTable table = (AuditedTable) constant;
			Entity earlier = tables.put(table.table(), table.entity());
			if (earlier != null) {
				throw new IllegalStateException("audited table " + table.table() + " is listed twice");
			}
		}
		return tables;
	}

	/** The constants of every enum under the package that implements the type. */
	private static List<Object> constants(String basePackage, Class<?> type) {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(type));
		List<Object> constants = new java.util.ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
			Class<?> found = ClassUtils.resolveClassName(candidate.getBeanClassName(), AuditLabels.class.getClassLoader());
			if (found.isEnum()) {
				constants.addAll(List.of(found.getEnumConstants()));
			}
		}
		return constants;
	}
}
