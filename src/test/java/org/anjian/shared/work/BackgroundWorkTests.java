package org.anjian.shared.work;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidRowsException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.as;
import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest
class BackgroundWorkTests {

	static final String PUTUO = "310107";

	@Autowired
	BackgroundWork works;

	@Autowired
	CurrentActor actors;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRunningWorkShowsItsProgressAndCannotBeStartedTwiceUntilItEnds() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Work first = as("putuo", () -> works.start("test.long", "subject-1", "排期测试", PUTUO, null, progress -> {
			progress.step(3, 10);
			waitFor(release);
			return "已排期 10 项";
		}));
		assertThat(first.running()).isTrue();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(as("putuo", () -> works.find(first.id())))
			.satisfies(w -> assertThat(w.percent()).isEqualTo(30)));
		assertThatThrownBy(() -> as("putuo", () -> works.start("test.long", "subject-1", "排期测试", PUTUO, null,
				progress -> "不应运行")))
			.isInstanceOf(InvalidTransitionException.class).hasMessageContaining("正在进行中");
		// another subject is another work
		Work other = as("putuo", () -> works.start("test.long", "subject-2", "排期测试", PUTUO, null, progress -> "好"));

		release.countDown();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(as("putuo", () -> works.find(first.id())))
			.satisfies(w -> {
				assertThat(w.status()).isEqualTo(WorkStatus.DONE);
				assertThat(w.message()).isEqualTo("已排期 10 项");
				assertThat(w.percent()).isEqualTo(100);
			}));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> as("putuo", () -> works.find(other.id())).status() == WorkStatus.DONE);
		// once ended, it may start again
		Work again = as("putuo", () -> works.start("test.long", "subject-1", "排期测试", PUTUO, null, progress -> "再次完成"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> as("putuo", () -> works.find(again.id())).status() == WorkStatus.DONE);
	}

	@Test
	void aRefusalInsideTheWorkIsItsOutcomeInChinese() {
		Work work = as("putuo", () -> works.start("test.refused", "subject-1", "编制测试", PUTUO, null, progress -> {
			throw new InvalidInputException("items", "计划还没有检查事项");
		}));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(as("putuo", () -> works.find(work.id())))
			.satisfies(w -> {
				assertThat(w.status()).isEqualTo(WorkStatus.FAILED);
				assertThat(w.message()).isEqualTo("计划还没有检查事项");
			}));
	}

	@Test
	void theWorkRunsAsThePersonWhoStartedItAndOtherDistrictsDoNotSeeIt() {
		AtomicReference<String> who = new AtomicReference<>();
		Work work = as("putuo", () -> works.start("test.who", "subject-1", "导入测试", PUTUO, null, progress -> {
			who.set(actors.current().orElseThrow().username());
			return "完成";
		}));
		await().atMost(Duration.ofSeconds(10)).until(() -> "putuo".equals(who.get()));
		assertThatThrownBy(() -> as("pudong", () -> works.find(work.id()))).isInstanceOf(NotFoundException.class);
	}

	@Test
	void aRunWhoseInstanceDiedIsClosedAsInterruptedByTheNextStart() {
		// what a killed instance leaves behind: a run still marked running that stopped beating minutes ago
		long dead = asSystem(() -> jdbc.sql("""
				insert into background_work (kind, subject, label, status, district_code, started_by, started_at, beat_at)
				values ('test.crash', 'subject-1', '导出测试', 'RUNNING', :district, 'putuo',
				        now() - interval '10 minutes', now() - interval '10 minutes') returning id""")
			.param("district", PUTUO).query(Long.class).single());

		Work next = as("putuo", () -> works.start("test.crash", "subject-1", "导出测试", PUTUO, null, progress -> "完成"));

		assertThat(as("putuo", () -> works.find(dead))).satisfies(w -> {
			assertThat(w.status()).isEqualTo(WorkStatus.FAILED);
			assertThat(w.message()).contains("运行中断");
		});
		await().atMost(Duration.ofSeconds(10))
			.until(() -> as("putuo", () -> works.find(next.id())).status() == WorkStatus.DONE);
	}

	@Test
	void aRunShowsItsStageAndKeepsWhatItProduced() {
		CountDownLatch release = new CountDownLatch(1);
		Work work = as("putuo", () -> works.start("test.kept", "subject-1", "导入测试", PUTUO, null, progress -> {
			progress.step(2, 4, "写入第 2 / 4 户");
			waitFor(release);
			progress.keep(java.util.Map.of("created", 4));
			return "已导入 4 户";
		}));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(as("putuo", () -> works.find(work.id())))
			.satisfies(w -> {
				assertThat(w.stage()).isEqualTo("写入第 2 / 4 户");
				assertThat(w.percent()).isEqualTo(50);
			}));
		release.countDown();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> as("putuo", () -> works.find(work.id())).status() == WorkStatus.DONE);
		Work done = as("putuo", () -> works.find(work.id()));
		assertThat(done.stage()).as("an ended run has no stage").isNull();
		assertThat(done.hasResult()).isTrue();
		assertThat(as("putuo", () -> works.result(work.id()))).hasValueSatisfying(json -> assertThat(json)
			.contains("\"created\"", "4"));
	}

	@Test
	void aRefusedImportKeepsEveryBadRowAsItsResult() {
		Work work = as("putuo", () -> works.start("test.rows", "subject-1", "导入测试", PUTUO, null, progress -> {
			throw new InvalidRowsException(java.util.List.of(new InvalidRowsException.RowProblem(3, "区", "浦东新区不在您的管辖范围"),
					new InvalidRowsException.RowProblem(7, "规模", "“巨型”不是规模")));
		}));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> as("putuo", () -> works.find(work.id())).status() == WorkStatus.FAILED);
		assertThat(as("putuo", () -> works.find(work.id())).message()).contains("2 行有误", "未导入任何数据");
		assertThat(as("putuo", () -> works.result(work.id()))).hasValueSatisfying(json -> assertThat(json)
			.contains("\"badRowCount\": 2", "\"line\": 3", "\"column\": \"区\"", "“巨型”不是规模"));
	}

	@Test
	void workDoneWhileTheCallerWaitsIsClaimedAndRecordedLikeABackgroundRun() {
		CountDownLatch release = new CountDownLatch(1);
		Work background = as("putuo", () -> works.start("test.sync", "subject-1", "排期测试", PUTUO, null, progress -> {
			waitFor(release);
			return "后台完成";
		}));
		assertThatThrownBy(() -> as("putuo", () -> works.run("test.sync", "subject-1", "排期测试", PUTUO, null,
				progress -> "不应运行", answer -> answer)))
			.isInstanceOf(InvalidTransitionException.class)
			.hasMessageContaining("“排期测试”正在进行中").hasMessageContaining("开始）");
		release.countDown();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> as("putuo", () -> works.find(background.id())).status() == WorkStatus.DONE);

		Integer answer = as("putuo", () -> works.run("test.sync", "subject-1", "排期测试", PUTUO, null, progress -> 42,
				n -> "已完成 " + n + " 项"));
		assertThat(answer).isEqualTo(42);
		assertThat(as("putuo", () -> works.latest("test.sync", "subject-1"))).hasValueSatisfying(w -> {
			assertThat(w.status()).isEqualTo(WorkStatus.DONE);
			assertThat(w.message()).isEqualTo("已完成 42 项");
		});
		assertThatThrownBy(() -> as("putuo", () -> works.run("test.sync", "subject-1", "排期测试", PUTUO, null,
				progress -> {
					throw new InvalidInputException("items", "计划还没有检查事项");
				}, n -> "不应完成"))).hasMessage("计划还没有检查事项");
		assertThat(as("putuo", () -> works.latest("test.sync", "subject-1"))).hasValueSatisfying(w -> {
			assertThat(w.status()).isEqualTo(WorkStatus.FAILED);
			assertThat(w.message()).isEqualTo("计划还没有检查事项");
		});
	}

	@Test
	void aRunWhoseInstanceDiedIsShownInterruptedToThePageThatPollsIt() {
		long dead = asSystem(() -> jdbc.sql("""
				insert into background_work (kind, subject, label, status, district_code, started_by, started_at, beat_at)
				values ('test.silent', 'subject-1', '导出测试', 'RUNNING', :district, 'putuo',
				        now() - interval '10 minutes', now() - interval '10 minutes') returning id""")
			.param("district", PUTUO).query(Long.class).single());

		assertThat(as("putuo", () -> works.find(dead))).satisfies(w -> {
			assertThat(w.status()).isEqualTo(WorkStatus.FAILED);
			assertThat(w.message()).contains("运行中断");
		});
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
