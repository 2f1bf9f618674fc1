package org.anjian.shared.command;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.anjian.shared.database.DataDirectoryCommands;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application for one sub-command instead of the web server. */
public final class ApplicationCommands {

	/**
	 * Commands that drive the application's own web server ({@code bench web}): for them the application starts it,
	 * on a free port of the loopback address only, and the command finds the port in {@code local.server.port}.
	 */
	static final Set<String> SERVING = Set.of("bench web");

	private ApplicationCommands() {
	}

	/** Whether the arguments name a sub-command rather than Spring options such as {@code --server.port=...}. */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-");
	}

	public static int run(Class<?> applicationClass, String[] args) {
		String name = args[0];
		List<String> arguments = Arrays.asList(args).subList(1, args.length);
		if (DataDirectoryCommands.handles(name)) {
			// these work on a stopped embedded database: starting the application would start its server
			return DataDirectoryCommands.run(name, arguments);
		}
		boolean serving = args.length > 1 && SERVING.contains(name + " " + args[1]);
		SpringApplication application = new SpringApplication(applicationClass);
		application.setWebApplicationType(serving ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// a command is no instance of the service: it takes no turn at the scheduled jobs
		String[] properties = serving
				? new String[] { "--anjian.command=" + name, "--anjian.jobs.enabled=false", "--server.port=0",
						"--server.address=127.0.0.1" }
				: new String[] { "--anjian.command=" + name, "--anjian.jobs.enabled=false" };
		try (ConfigurableApplicationContext context = application.run(properties)) {
			List<ApplicationCommand> commands = context.getBeansOfType(ApplicationCommand.class).values().stream()
				.sorted(Comparator.comparing(ApplicationCommand::name))
				.toList();
			// a two-word command ("bench registry") before a one-word one of its first word
			if (args.length > 1) {
				String twoWords = name + " " + args[1];
				for (ApplicationCommand command : commands) {
					if (command.name().equals(twoWords)) {
						return command.run(arguments.subList(1, arguments.size()));
					}
				}
			}
			for (ApplicationCommand command : commands) {
				if (command.name().equals(name)) {
					return command.run(arguments);
				}
			}
			if (!name.equals("help")) {
				System.err.println("未知命令：" + name);
			}
			System.out.println("用法：java -jar anjian.jar [命令 参数...]；不带命令时启动 Web 应用。可用命令：");
			commands.forEach(c -> System.out.printf("  %-20s %s%n", c.name(), c.description()));
			DataDirectoryCommands.DESCRIPTIONS.forEach((command, description) -> System.out.printf("  %-20s %s%n", command, description));
			return name.equals("help") ? 0 : 2;
		}
		catch (Exception e) {
			System.err.println("命令 " + name + " 失败：" + e.getMessage());
			return 1;
		}
	}
}
