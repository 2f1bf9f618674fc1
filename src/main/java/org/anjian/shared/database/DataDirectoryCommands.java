package org.anjian.shared.database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar anjian.jar backup FILE} and {@code restore FILE [--replace]}: the sub-commands that work on the
 * embedded database's data directory while no server runs on it, so they start no application (which would
 * start that server): they read only the database settings ({@code anjian.db.*}, from the same configuration
 * files, environment and system properties as the application) and act. {@code --data-directory DIR} names
 * another data directory than the configured one.
 */
public final class DataDirectoryCommands {

	/** Command names and their one-line descriptions, for {@code help}. */
	public static final Map<String, String> DESCRIPTIONS = Map.of(
			"backup", "备份嵌入式数据库：backup 文件 [--data-directory 目录]（需先停止应用；外部数据库用 pg_dump，见 README）",
			"restore", "从备份恢复嵌入式数据库：restore 文件 [--replace] [--data-directory 目录]（需先停止应用）");

	private DataDirectoryCommands() {
	}

	public static boolean handles(String name) {
		return DESCRIPTIONS.containsKey(name);
	}

	/** Runs the command; returns the exit code: 0 done, 1 failed, 2 refused or misused. */
	public static int run(String name, List<String> arguments) {
		Path file = null;
		boolean replace = false;
		String dataDirectory = null;
		List<String> rest = new ArrayList<>(arguments);
		while (!rest.isEmpty()) {
			String argument = rest.remove(0);
			if (argument.equals("--replace") && name.equals("restore")) {
				replace = true;
			}
			else if (argument.equals("--data-directory") && !rest.isEmpty()) {
				dataDirectory = rest.remove(0);
			}
			else if (!argument.startsWith("--") && file == null) {
				file = Path.of(argument);
			}
			else {
				System.err.println("无法识别的参数：" + argument);
				file = null;
				break;
			}
		}
		if (file == null) {
			System.err.println("用法：" + name + " " + DESCRIPTIONS.get(name).substring(DESCRIPTIONS.get(name).indexOf('：') + 1));
			return 2;
		}
		DatabaseProperties settings = settings();
		if (settings.external()) {
			System.err.println("已配置外部数据库（ANJIAN_DB_URL）：请用 PostgreSQL 的 pg_dump -Fc / pg_restore 备份和恢复，见 README。");
			return 2;
		}
		Path directory = Path.of(dataDirectory != null ? dataDirectory : settings.embedded().dataDirectory());
		EmbeddedBackup backup = new EmbeddedBackup(directory, settings.embedded().startupWait());
		try {
			EmbeddedBackup.Outcome outcome = name.equals("backup") ? backup.backup(file) : backup.restore(file, replace);
			outcome.lines().forEach(System.out::println);
			return 0;
		}
		catch (EmbeddedBackup.RestoreRefused | IllegalArgumentException e) {
			System.err.println(e.getMessage());
			return 2;
		}
		catch (RuntimeException e) {
			System.err.println(name + " 失败：" + e.getMessage());
			return 1;
		}
	}

	/** The database settings alone, bound as the application binds them. */
	private static DatabaseProperties settings() {
		SpringApplication application = new SpringApplication(SettingsOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		try (ConfigurableApplicationContext context = application.run()) {
			return context.getBean(DatabaseProperties.class);
		}
	}

	@EnableConfigurationProperties(DatabaseProperties.class)
	static class SettingsOnly {
	}
}
