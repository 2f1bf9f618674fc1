package org.anjian.portal.internal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.anjian.enterprise.GeneratedCity;
import org.anjian.shared.Json;
import org.anjian.shared.command.ApplicationCommand;
import org.anjian.shared.command.CommandOptions;
import org.anjian.shared.command.GenerationStep;
import org.anjian.shared.database.DemoMode;
import org.anjian.shared.database.SystemScope;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.anjian.shared.command.Columns.left;
import static org.anjian.shared.command.Columns.pad;

/**
 * {@code bench web [--enterprises N] [--clients C] [--seconds S] [--warmup W] [--hazard-year Y] [--general-hazards G]}:
 * the application under load as its users meet it. It makes sure the city is generated (N enterprises, a year of
 * hazards), is run with the application's own web server on a free port of the loopback address, logs in through the
 * login form as the demo's district officer (普陀区) and city officer, each client with its own session, and drives C
 * concurrent clients for S seconds per page (after W seconds of warm-up that are not counted; in rounds that go
 * through the pages in turn) against the health
 * endpoint, the public page of a real inspection code, the enterprise list as the district officer and the hazard
 * list as the city's. It prints, per page, requests per second, p50, p99 and errors beside the health endpoint's in
 * the same run, and the targets with PASS or FAIL.
 */
@Component
class WebBench implements ApplicationCommand {

	static final long SEED = 2026;

	/** The targets: the public inspection-code page and the list pages against the health endpoint. */
	static final double CODE_PAGE_SHARE = 0.50;
	static final double CODE_PAGE_P99_MS = 100;
	static final double LIST_SHARE = 0.25;
	static final double LIST_P99_MS = 300;

	static final String DISTRICT_OFFICER = "putuo";
	static final String CITY_OFFICER = "city";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern CODE_URL = Pattern.compile("\"codeUrl\":\"(/p/ic/[A-Za-z0-9_-]+)\"");
	private static final Pattern USCC = Pattern.compile("\"uscc\":\"([0-9A-Z]{18})\"");

	private final GeneratedCity city;
	private final List<GenerationStep> steps;
	private final JdbcClient jdbc;
	private final Environment environment;
	private final DemoMode demo;
	private final Clock clock;

	WebBench(GeneratedCity city, List<GenerationStep> steps, JdbcClient jdbc, Environment environment, DemoMode demo,
			Clock clock) {
		this.city = city;
		this.steps = steps;
		this.jdbc = jdbc;
		this.environment = environment;
		this.demo = demo;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "bench web";
	}

	@Override
	public String description() {
		return "网页负载基准：在本机回环地址启动本应用，--clients 个并发客户端（默认 20）对健康检查、公开检查码页、"
				+ "区级企业列表、全市隐患列表各压测 --seconds 秒（默认 20，另预热 --warmup 秒，默认 5）；"
				+ "--enterprises 企业数（默认 1000000，不足时先生成） --hazard-year 隐患年度（默认今年） --general-hazards 一般隐患数";
	}

	/** A page under load: its label, its address, who opens it (null: the public). */
	record Target(String label, String path, String user) {
	}

	/** What C clients measured on a target in S seconds. */
	record Measured(Target target, long requests, long errors, double seconds, double p50, double p99, String firstError) {

		double perSecond() {
			return requests / seconds;
		}
	}

	@Override
	public int run(List<String> arguments) throws Exception {
		CommandOptions options = CommandOptions.parse(arguments, "enterprises", "clients", "seconds", "warmup",
				"hazard-year", "general-hazards");
		long enterprises = options.longValue("enterprises", 1_000_000);
		int clients = (int) options.longValue("clients", 20);
		int seconds = (int) options.longValue("seconds", 20);
		int warmup = (int) options.longValue("warmup", Math.min(5, Math.max(1, seconds / 4)));
		if (enterprises < 1 || enterprises > 20_000_000 || clients < 1 || clients > 500 || seconds < 1 || seconds > 3_600
				|| warmup < 0 || warmup > 600) {
			throw new IllegalArgumentException("--enterprises 应在 1 至 20000000 之间，--clients 1 至 500，--seconds 1 至 3600，"
					+ "--warmup 0 至 600");
		}
		Integer port = environment.getProperty("local.server.port", Integer.class);
		if (port == null) {
			System.err.println("bench web 需要应用自己的 Web 服务器：请用 java -jar anjian.jar bench web 运行");
			return 2;
		}
		if (!demo.enabled()) {
			System.err.println("bench web 以演示账号（" + DISTRICT_OFFICER + "、" + CITY_OFFICER + "）登录，须在演示模式下运行"
					+ "（内置数据库默认即是，或 ANJIAN_DEMO=true）");
			return 2;
		}
		long present = registered();
		if (present < enterprises) {
			System.out.printf("企业库现有 %,d 家，生成至 %,d 家（种子 %d）…%n", present, enterprises, SEED);
			city.ensure((int) enterprises, SEED);
			present = registered();
		}
		generateHazards(options);

		URI base = URI.create("http://127.0.0.1:" + port);
		String code = inspectionCode(new Session(base, DISTRICT_OFFICER));
		List<Target> targets = List.of(new Target("健康检查", "/actuator/health", null),
				new Target("公开检查码页", code, null),
				new Target("企业列表（普陀区执法人员）", "/enterprises", DISTRICT_OFFICER),
				new Target("隐患列表（全市）", "/hazards", CITY_OFFICER));
		int rounds = Math.max(1, seconds / 5);
		System.out.printf("%n网页负载基准：%,d 家企业；%d 个并发客户端，每项计时 %d 秒（分 %d 轮与其他页面交替进行，另预热 %d 秒不计）；%s；%d 个处理器%n",
				present, clients, seconds, rounds, warmup, base, Runtime.getRuntime().availableProcessors());
		List<Measured> measured = drive(base, targets, clients, warmup, seconds, rounds);
		System.out.println();
		System.out.println(pad("页面", 28) + left("次/秒", 10) + left("p50 ms", 10) + left("p99 ms", 10) + left("错误", 8)
				+ left("占健康检查", 12) + "  地址");
		measured.forEach(m -> printRow(m, measured.get(0)));
		printVerdicts(measured);
		return 0;
	}

	private long registered() {
		return SystemScope.call("bench", () -> jdbc.sql("select count(*) from enterprise_register").query(Long.class).single());
	}

	/** A year of hazards (this year unless told), through the hazard module's generation step; once per year and seed. */
	private void generateHazards(CommandOptions options) throws Exception {
		List<String> hazardOptions = new ArrayList<>(List.of("--hazard-year",
				String.valueOf(options.longValue("hazard-year", LocalDate.now(clock).getYear()))));
		if (options.has("general-hazards")) {
			hazardOptions.addAll(List.of("--general-hazards", options.value("general-hazards")));
		}
		GenerationStep step = steps.stream().filter(s -> s.options().contains("hazard-year")).findFirst()
			.orElseThrow(() -> new IllegalStateException("没有生成隐患的步骤"));
		step.run(CommandOptions.parse(hazardOptions, step.options().toArray(String[]::new)), SEED);
	}

	/**
	 * The public address of a real inspection code in the district officer's reach: of a task already open, or of one
	 * the officer opens through the application's own API, as the field app does.
	 */
	private static String inspectionCode(Session officer) throws IOException, InterruptedException {
		Matcher existing = CODE_URL.matcher(officer.get("/api/inspections").body());
		if (existing.find()) {
			return existing.group(1);
		}
		Matcher uscc = USCC.matcher(officer.get("/api/enterprises?size=1").body());
		if (!uscc.find()) {
			throw new IllegalStateException("普陀区没有企业，无法开具检查任务");
		}
		HttpResponse<String> opened = officer.postJson("/api/inspections", Json.write(Map.of("uscc", uscc.group(1),
				"reason", "网页负载基准：公开检查码页", "matters", List.of("安全生产主体责任落实情况"))));
		Matcher created = CODE_URL.matcher(opened.body());
		if (opened.statusCode() != 201 || !created.find()) {
			throw new IllegalStateException("开具检查任务失败：HTTP " + opened.statusCode() + " " + opened.body());
		}
		return created.group(1);
	}

	/**
	 * C clients, each with its own connection and (for a page behind login) its own session, send requests one
	 * after another: first W seconds per page not counted, then the counted seconds in rounds, page after page in
	 * each, so that whatever else the machine does at a moment weighs on every page alike.
	 */
	private static List<Measured> drive(URI base, List<Target> targets, int clients, int warmup, int seconds, int rounds)
			throws Exception {
		Map<Target, List<Session>> sessions = new LinkedHashMap<>();
		Map<Target, Tally> tallies = new LinkedHashMap<>();
		for (Target target : targets) {
			List<Session> logged = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				logged.add(new Session(base, target.user()));
			}
			sessions.put(target, logged);
			tallies.put(target, new Tally());
		}
		// one client for the load, each request with its session's cookies: one client's threads, not a set per
		// session, so that the bench's own threads do not crowd the server's on the same processors
		HttpClient shared = Session.client();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			for (Target target : targets) {
				slice(pool, shared, target, sessions.get(target), Duration.ofSeconds(warmup).toNanos(), null);
			}
			long sliceNanos = Duration.ofSeconds(seconds).toNanos() / rounds;
			for (int round = 0; round < rounds; round++) {
				for (Target target : targets) {
					slice(pool, shared, target, sessions.get(target), sliceNanos, tallies.get(target));
				}
			}
		}
		finally {
			// Java 17's HttpClient has no close(): the connections end with the clients
			pool.shutdownNow();
		}
		List<Measured> measured = new ArrayList<>();
		tallies.forEach((target, tally) -> {
			long[] latencies = tally.latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
			measured.add(new Measured(target, latencies.length, tally.errors, seconds, percentile(latencies, 0.50),
					percentile(latencies, 0.99), tally.firstError));
		});
		return measured;
	}

	/** Every session loads the page for so long; what they measured goes to the tally (none: the warm-up). */
	private static void slice(ExecutorService pool, HttpClient shared, Target target, List<Session> sessions, long nanos,
			Tally tally) throws Exception {
		long end = System.nanoTime() + nanos;
		List<Future<Client>> running = new ArrayList<>();
		for (Session session : sessions) {
			running.add(pool.submit(() -> session.load(shared, target.path(), end)));
		}
		for (Future<Client> f : running) {
			Client c = f.get();
			if (tally != null) {
				tally.latencies.add(Arrays.copyOf(c.latencies, c.count));
				tally.errors += c.errors;
				tally.firstError = tally.firstError == null ? c.firstError : tally.firstError;
			}
		}
	}

	/** A page's counted requests so far. */
	static final class Tally {

		final List<long[]> latencies = new ArrayList<>();
		long errors;
		String firstError;
	}

	/** The nearest-rank percentile, in milliseconds. */
	static double percentile(long[] sortedNanos, double p) {
		if (sortedNanos.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p * sortedNanos.length);
		return sortedNanos[Math.max(0, rank - 1)] / 1e6;
	}

	private static void printRow(Measured m, Measured health) {
		System.out.println(pad(m.target().label(), 28) + left(String.format("%.1f", m.perSecond()), 10)
				+ left(String.format("%.1f", m.p50()), 10) + left(String.format("%.1f", m.p99()), 10)
				+ left(String.valueOf(m.errors()), 8) + left(String.format("%.0f%%", share(m, health) * 100), 12) + "  "
				+ (m.target().path().startsWith("/p/ic/") ? "/p/ic/{token}" : m.target().path()));
		if (m.firstError() != null) {
			System.out.println("    首个错误：" + m.firstError());
		}
	}

	private static void printVerdicts(List<Measured> measured) {
		Measured health = measured.get(0);
		System.out.println();
		System.out.println("目标（议题 21）：");
		verdict("健康检查：0 错误", health.errors() == 0, String.format("%d 错误", health.errors()));
		Measured code = measured.get(1);
		verdict(code, String.format("公开检查码页：吞吐 ≥ 健康检查的 %.0f%%，p99 < %.0f ms，0 错误", CODE_PAGE_SHARE * 100,
				CODE_PAGE_P99_MS), health, CODE_PAGE_SHARE, CODE_PAGE_P99_MS);
		for (Measured list : measured.subList(2, measured.size())) {
			verdict(list, String.format("%s：吞吐 ≥ 健康检查的 %.0f%%，p99 < %.0f ms，0 错误", list.target().label(),
					LIST_SHARE * 100, LIST_P99_MS), health, LIST_SHARE, LIST_P99_MS);
		}
	}

	private static void verdict(Measured m, String target, Measured health, double share, double p99) {
		verdict(target, share(m, health) >= share && m.p99() < p99 && m.errors() == 0,
				String.format("%.0f%%，p99 %.1f ms，%d 错误", share(m, health) * 100, m.p99(), m.errors()));
	}

	private static void verdict(String target, boolean met, String figures) {
		System.out.println("  " + (met ? "PASS" : "FAIL") + "  " + target + "（实测 " + figures + "）");
	}

	private static double share(Measured m, Measured health) {
		return health.perSecond() == 0 ? 0 : m.perSecond() / health.perSecond();
	}


	/** One client's count, errors and latencies (nanoseconds) of the requests it started after the warm-up. */
	static final class Client {

		long[] latencies = new long[1024];
		int count;
		long errors;
		String firstError;

		void add(long nanos) {
			if (count == latencies.length) {
				latencies = Arrays.copyOf(latencies, count * 2);
			}
			latencies[count++] = nanos;
		}

		void error(String what) {
			errors++;
			if (firstError == null) {
				firstError = what;
			}
		}
	}

	/** A browser-like client: its own connection and cookies, logged in through the login form if it has a user. */
	static final class Session {

		private final URI base;
		private final HttpClient http;

		Session(URI base, String user) throws IOException, InterruptedException {
			this.base = base;
			this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
				.connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
			if (user != null) {
				logIn(user);
			}
		}

		/** A client without cookies of its own, for the load: each request carries its session's cookies. */
		static HttpClient client() {
			return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
				.followRedirects(HttpClient.Redirect.NEVER).build();
		}

		/** As a browser does: the login page's form with its CSRF token, then the form posted. */
		private void logIn(String user) throws IOException, InterruptedException {
			Matcher token = CSRF.matcher(get("/login").body());
			if (!token.find()) {
				throw new IllegalStateException("登录页没有 CSRF 令牌");
			}
			String form = "username=" + encode(user) + "&password=" + encode(DemoMode.PASSWORD) + "&_csrf="
					+ encode(token.group(1));
			HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
			String location = answer.headers().firstValue("Location").orElse("");
			if (answer.statusCode() != 302 || location.contains("/login")) {
				throw new IllegalStateException("以 " + user + " 登录失败：HTTP " + answer.statusCode() + " " + location);
			}
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(base.resolve(path)).GET());
		}

		HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
			String token = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN")).map(c -> c.getValue()).findFirst().orElse("");
			return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		/** Requests one after another until {@code end}; counts those started from {@code counted} on. */
		/** This session's cookies as a browser sends them. */
		private String cookies() {
			return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
				.map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
		}

		/** Requests one after another, each started before {@code end}; each one's latency and whether it failed. */
		Client load(HttpClient shared, String path, long end) {
			Client client = new Client();
			HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
			String cookies = cookies();
			if (!cookies.isEmpty()) {
				builder.header("Cookie", cookies);
			}
			HttpRequest request = builder.build();
			for (long started = System.nanoTime(); started < end; started = System.nanoTime()) {
				String error = null;
				try {
					HttpResponse<byte[]> answer = shared.send(request, HttpResponse.BodyHandlers.ofByteArray());
					if (answer.statusCode() != 200) {
						error = "HTTP " + answer.statusCode() + " " + answer.headers().firstValue("Location").orElse("");
					}
				}
				catch (IOException e) {
					error = e.toString();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				}
				client.add(System.nanoTime() - started);
				if (error != null) {
					client.error(error);
				}
			}
			return client;
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}
	}
}
