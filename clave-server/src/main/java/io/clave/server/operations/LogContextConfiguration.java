package io.clave.server.operations;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled work (the outbox dispatcher, clean-up and reseal jobs) runs outside any request: each run gets an id of
 * its own in the log context ({@link RequestIds#withJobId}), whichever scheduler Boot builds (platform or virtual
 * threads).
 */
@Configuration(proxyBeanMethods = false)
class LogContextConfiguration {

	@Bean
	ThreadPoolTaskSchedulerCustomizer jobIdsOnScheduledWork() {
		return scheduler -> scheduler.setTaskDecorator(RequestIds::withJobId);
	}

	@Bean
	SimpleAsyncTaskSchedulerCustomizer jobIdsOnVirtualThreadScheduledWork() {
		return scheduler -> scheduler.setTaskDecorator(RequestIds::withJobId);
	}

}
