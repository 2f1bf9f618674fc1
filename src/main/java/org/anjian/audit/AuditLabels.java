package org.anjian.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The Chinese label of every recorded action. Each module's enum of {@link AuditAction}s is found on the class path
 * once at start-up; writes that no business action named are recorded as the database's insert, update or delete,
 * labelled here.
 */
@Component
public class AuditLabels {

	/** Writes outside a named business action (a row written directly, e.g. by a migration or a bulk load). */
	static final Map<String, String> PLAIN_WRITES = Map.of("insert", "新增", "update", "修改", "delete", "删除");

	private final Map<String, String> labels;

	AuditLabels() {
		this(scan("org.anjian"));
	}

	AuditLabels(Map<String, String> labels) {
		Map<String, String> all = new LinkedHashMap<>(PLAIN_WRITES);
		all.putAll(labels);
		this.labels = Collections.unmodifiableMap(all);
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

	static Map<String, String> scan(String basePackage) {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(AuditAction.class));
		Map<String, String> labels = new LinkedHashMap<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), AuditLabels.class.getClassLoader());
			if (type.isEnum()) {
				for (Object constant : type.getEnumConstants()) {
					AuditAction action = (AuditAction) constant;
					String earlier = labels.put(action.code(), action.label());
					if (earlier != null) {
						throw new IllegalStateException("audit action " + action.code() + " is listed twice");
					}
				}
			}
		}
		return labels;
	}
}
