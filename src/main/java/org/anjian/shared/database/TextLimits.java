package org.anjian.shared.database;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anjian.shared.InvalidInputException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The database's bounds on text, read back as a Chinese refusal (issue 21). Every text column carries a check named
 * {@code <table>_<column>_length} ({@code char_length(column) <= n}) and every list one named
 * {@code <table>_<column>_size} ({@code cardinality(column) <= n}), created by each module's migrations; when a write
 * breaks one, whichever path it came by, the person is told which field is too long and by how much it may be, and
 * nothing is stored (the act's transaction has rolled back). A NUL character, which PostgreSQL cannot store in text,
 * is refused the same way instead of failing as a server error.
 */
public final class TextLimits {

	/** What a person is told when what they sent holds a control character (NUL and the like). */
	public static final String CONTROL_CHARACTERS = "输入含有不可见的控制字符（如 NUL），请删除后重试";

	private static final Pattern BOUND = Pattern.compile("(?:char_length|cardinality)\\(\\(?(\\w+)[^<]*<= (\\d+)");

	/** The columns' usual Chinese names; a column not listed is "输入的内容". */
	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("name", "名称"), Map.entry("address", "地址"),
			Map.entry("note", "说明"), Map.entry("description", "描述"), Map.entry("reason", "理由"),
			Map.entry("comment", "评价意见"), Map.entry("text", "内容"), Map.entry("message", "内容"),
			Map.entry("reply", "回复内容"), Map.entry("request", "抄告内容"), Map.entry("opinion", "意见"),
			Map.entry("opinion_basis", "意见依据"), Map.entry("purpose", "事由"), Map.entry("change", "变更内容"),
			Map.entry("legal_basis", "法律依据"), Map.entry("clause", "条款"), Map.entry("criterion", "判定标准"),
			Map.entry("badge_number", "执法证号"), Map.entry("qualification", "资质"), Map.entry("organisation", "工作单位"),
			Map.entry("field", "专业领域"), Map.entry("safety_manager", "安全管理负责人"),
			Map.entry("safety_manager_phone", "联系电话"), Map.entry("legal_representative", "法定代表人"),
			Map.entry("responsible_name", "责任人"), Map.entry("responsible_position", "责任人职务"),
			Map.entry("responsible_phone", "责任人电话"), Map.entry("phone", "电话"), Map.entry("department_name", "部门名称"),
			Map.entry("file_name", "文件名"), Map.entry("former_names", "曾用名"), Map.entry("risk_tags", "风险标签"),
			Map.entry("matters", "检查事项"), Map.entry("certifications", "证书"), Map.entry("username", "用户名"),
			Map.entry("parent_group", "所属集团"), Map.entry("rectification_note", "整改说明"),
			Map.entry("reinspection_note", "复查意见"), Map.entry("cancel_reason", "取消理由"),
			Map.entry("repeat_reason", "重复检查理由"), Map.entry("key_unit_reason", "重点单位理由"),
			Map.entry("level_override_reason", "监管层级调整理由"), Map.entry("removal_reason", "移出理由"),
			Map.entry("added_reason", "加入理由"), Map.entry("second_reason", "第二次检查理由"),
			Map.entry("sector_subtype", "行业子类"), Map.entry("code", "编号"), Map.entry("source", "来源"),
			Map.entry("matter", "检查事项"), Map.entry("industry_prefixes", "行业代码"), Map.entry("sectors", "行业领域"),
			Map.entry("street_codes", "街镇"), Map.entry("reasons", "理由"));

	private static final Map<String, Integer> BOUNDS = new ConcurrentHashMap<>();

	private static volatile Supplier<Map<String, String>> catalog = Map::of;

	private TextLimits() {
	}

	/** Where the bounds are read from: the constraints' names and definitions (set once the database is there). */
	static void readFrom(Supplier<Map<String, String>> constraints) {
		catalog = constraints;
		BOUNDS.clear();
	}

	/**
	 * The refusal a failed write deserves when it broke a bound on text or carried a NUL character; empty for any
	 * other failure, which stays what it was.
	 */
	public static Optional<InvalidInputException> refusal(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof PSQLException sql) {
				if ("22021".equals(sql.getSQLState())) {
					return Optional.of(new InvalidInputException(CONTROL_CHARACTERS));
				}
				ServerErrorMessage server = sql.getServerErrorMessage();
				String constraint = server == null ? null : server.getConstraint();
				if ("23514".equals(sql.getSQLState()) && constraint != null
						&& (constraint.endsWith("_length") || constraint.endsWith("_size"))) {
					return Optional.ofNullable(refusal(constraint, server.getTable()));
				}
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static InvalidInputException refusal(String constraint, String table) {
		if (BOUNDS.isEmpty()) {
			try {
				catalog.get().forEach((name, definition) -> {
					Matcher m = BOUND.matcher(definition);
					if (m.find()) {
						BOUNDS.put(name, Integer.valueOf(m.group(2)));
					}
				});
			}
			catch (RuntimeException unreadable) {
				// the refusal stands without its number (the connection may still be in the failed transaction)
			}
		}
		Integer bound = BOUNDS.get(constraint);
		boolean list = constraint.endsWith("_size");
		String column = constraint.substring(table == null ? 0 : table.length() + 1,
				constraint.length() - (list ? "_size" : "_length").length());
		String label = LABELS.getOrDefault(column, "输入的内容");
		String message = bound == null ? label + "过长，请精简后重试"
				: list ? label + "最多 " + bound + " 项，请删减后重试" : label + "最多 " + bound + " 个字符，请精简后重试";
		return new InvalidInputException(camel(column), message);
	}

	/** The form field a column is typed in: {@code safety_manager_phone} → {@code safetyManagerPhone}. */
	static String camel(String column) {
		StringBuilder field = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				field.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return field.toString();
	}
}
