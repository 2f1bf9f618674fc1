package org.anjian.shared.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --key value} (or {@code --key=value}) options of a sub-command; anything else is refused. */
public final class CommandOptions {

	private final Map<String, String> values = new HashMap<>();

	private CommandOptions() {
	}

	public static CommandOptions parse(List<String> arguments, String... allowed) {
		CommandOptions options = new CommandOptions();
		List<String> known = List.of(allowed);
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			if (!argument.startsWith("--")) {
				throw new IllegalArgumentException("无法识别的参数：" + argument + "（参数形如 --名称 值）");
			}
			String key = argument.substring(2);
			String value;
			int equals = key.indexOf('=');
			if (equals >= 0) {
				value = key.substring(equals + 1);
				key = key.substring(0, equals);
			}
			else if (i + 1 < arguments.size()) {
				value = arguments.get(++i);
			}
			else {
				throw new IllegalArgumentException("参数 --" + key + " 缺少取值");
			}
			if (!known.contains(key)) {
				throw new IllegalArgumentException("未知参数 --" + key + "，可用：--" + String.join("、--", known));
			}
			options.values.put(key, value);
		}
		return options;
	}

	public boolean has(String key) {
		return values.containsKey(key);
	}

	/** The value given, or null. */
	public String value(String key) {
		return values.get(key);
	}

	public long longValue(String key, long defaultValue) {
		String value = values.get(key);
		if (value == null) {
			return defaultValue;
		}
		try {
			return Long.parseLong(value.replace("_", "").replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("参数 --" + key + " 应为整数，收到：" + value);
		}
	}
}
