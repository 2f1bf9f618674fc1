package org.anjian.shared.scheduling;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the modules' recurring jobs (their {@link RecurringTask} beans) with db-scheduler: every instance of the
 * application polls the {@code scheduled_tasks} table, and an execution is taken by one instance only, by an
 * update on the execution's row version in PostgreSQL. So a job runs once per due time however many instances
 * serve the city. Off with {@code anjian.jobs.enabled=false} (the tests, but the cluster test).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobScheduling.JobProperties.class)
@ConditionalOnProperty(name = "anjian.jobs.enabled", havingValue = "true", matchIfMissing = true)
class JobScheduling {

	/**
	 * @param pollingInterval how often an instance looks for due executions
	 * @param instanceName the name an instance records on the executions it takes (default host and process)
	 */
	@ConfigurationProperties("anjian.jobs")
	record JobProperties(Duration pollingInterval, String instanceName) {

		JobProperties {
			pollingInterval = pollingInterval == null ? Duration.ofSeconds(10) : pollingInterval;
		}
	}

	@Bean
	JobScheduler jobScheduler(DataSource dataSource, List<RecurringTask<?>> jobs, JobProperties properties) {
		Scheduler scheduler = Scheduler.create(dataSource)
			.startTasks(jobs)
			.threads(2)
			.pollingInterval(properties.pollingInterval())
			.heartbeatInterval(Duration.ofSeconds(30))
			.schedulerName(new SchedulerName.Fixed(instanceName(properties)))
			.build();
		return new JobScheduler(scheduler);
	}

	static String instanceName(JobProperties properties) {
		if (properties.instanceName() != null && !properties.instanceName().isBlank()) {
			return properties.instanceName();
		}
		try {
			return InetAddress.getLocalHost().getHostName() + "#" + ManagementFactory.getRuntimeMXBean().getPid();
		}
		catch (Exception e) {
			return "anjian#" + ManagementFactory.getRuntimeMXBean().getPid();
		}
	}

	/** Starts the scheduler once the application is up, and stops it first on shutdown. */
	static final class JobScheduler implements SmartLifecycle {

		private final Scheduler scheduler;
		private volatile boolean running;

		JobScheduler(Scheduler scheduler) {
			this.scheduler = scheduler;
		}

		@Override
		public void start() {
			scheduler.start();
			running = true;
		}

		@Override
		public void stop() {
			scheduler.stop();
			running = false;
		}

		@Override
		public boolean isRunning() {
			return running;
		}
	}
}
