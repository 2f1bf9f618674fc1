package org.anjian.portal.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench web} run for real on a small city: against the test context's own web server, it logs in through the
 * login form, loads the four pages with two clients for a second each and prints each page's line and the issue's
 * four targets, each PASS or FAIL (which, on a test machine busy with other work, is not what this test checks).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebBenchTests {

	/** A year of hazards of this test's own (the generator stops at 2100), removed afterwards. */
	static final int HAZARD_YEAR = 2094;

	@Autowired
	WebBench bench;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void runsEndToEndAndPrintsEveryPageAndEveryTarget() throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream out = System.out;
		int exit;
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		try {
			exit = bench.run(List.of("--enterprises", "2000", "--seconds", "1", "--clients", "2", "--warmup", "0",
					"--hazard-year", String.valueOf(HAZARD_YEAR), "--general-hazards", "100"));
		}
		finally {
			System.setOut(out);
		}
		String report = printed.toString(StandardCharsets.UTF_8);
		out.println(report);
		assertThat(exit).isZero();
		assertThat(report).contains("2 个并发客户端，每项计时 1 秒");
		for (String page : List.of("/actuator/health", "/p/ic/{token}", "/enterprises", "/hazards")) {
			assertThat(report).as(page).containsPattern("(?m)^\\S.*\\s\\d+\\.\\d\\s.*\\s" + java.util.regex.Pattern.quote(page) + "$");
		}
		assertThat(report).containsPattern("(?m)^  (PASS|FAIL)  健康检查：0 错误");
		assertThat(report).containsPattern("(?m)^  (PASS|FAIL)  公开检查码页：吞吐 ≥ 健康检查的 50%，p99 < 100 ms，0 错误");
		assertThat(report).containsPattern("(?m)^  (PASS|FAIL)  企业列表（普陀区执法人员）：吞吐 ≥ 健康检查的 25%，p99 < 300 ms，0 错误");
		assertThat(report).containsPattern("(?m)^  (PASS|FAIL)  隐患列表（全市）：吞吐 ≥ 健康检查的 25%，p99 < 300 ms，0 错误");
		assertThat(report).as("every request answered 200").doesNotContain("首个错误");
	}

	@AfterAll
	void removeTheYear() {
		asSystem(() -> transactions.executeWithoutResult(status -> {
			jdbc.sql("select set_config('anjian.bulk', 'on', true)").query((rs, n) -> 1).list();
			jdbc.sql("delete from hazard where found_at >= make_timestamptz(:y, 1, 1, 0, 0, 0, 'Asia/Shanghai')"
					+ " and found_at < make_timestamptz(:y + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')")
				.param("y", HAZARD_YEAR).update();
			jdbc.sql("delete from hazard_generation where year = :y").param("y", HAZARD_YEAR).update();
		}));
	}
}
