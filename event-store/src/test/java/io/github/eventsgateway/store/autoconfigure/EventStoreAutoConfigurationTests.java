package io.github.eventsgateway.store.autoconfigure;

import java.time.Duration;

import io.github.eventsgateway.store.EventReader;
import io.github.eventsgateway.store.EventStoreKeys;
import io.github.eventsgateway.store.EventWriter;
import io.github.eventsgateway.store.PollerLease;
import io.github.eventsgateway.store.PollerStatusStore;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, EventStoreAutoConfiguration.class));

	@Test
	void givesAServiceTheWholeStoreUnderTheDefaultNamespace() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(EventWriter.class)
				.hasSingleBean(EventReader.class)
				.hasSingleBean(PollerStatusStore.class)
				.hasSingleBean(PollerLease.class);
			assertThat(context.getBean(EventStoreKeys.class).prefix()).isEqualTo("ghe:{events}:");
		});
	}

	@Test
	void usesTheConfiguredNamespace() {
		this.contexts.withPropertyValues("gateway.store.namespace=staging")
			.run((context) -> assertThat(context.getBean(EventStoreKeys.class).prefix())
				.isEqualTo("staging:{events}:"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnBeans() {
		this.contexts.withBean(EventStoreKeys.class, () -> new EventStoreKeys("mine"))
			.run((context) -> assertThat(context.getBean(EventStoreKeys.class).prefix()).isEqualTo("mine:{events}:"));
	}

	@Test
	void makesTheRedisClientFailFast() {
		this.contexts.withPropertyValues("gateway.store.command-timeout=750ms").run((context) -> {
			LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
			assertThat(factory.getClientConfiguration().getCommandTimeout()).isEqualTo(Duration.ofMillis(750));
			assertThat(factory.getClientConfiguration().getClientOptions()).hasValueSatisfying((options) -> {
				assertThat(options.getDisconnectedBehavior()).isEqualTo(DisconnectedBehavior.REJECT_COMMANDS);
				assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(500));
			});
		});
	}

	@Test
	void takesTheRetentionInShortAndIsoForms() {
		this.contexts.withPropertyValues("gateway.store.retention=36h")
			.run((context) -> assertThat(context.getBean(EventStoreProperties.class).retention())
				.isEqualTo(Duration.ofHours(36)));
		this.contexts.withPropertyValues("gateway.store.retention=P7D")
			.run((context) -> assertThat(context.getBean(EventStoreProperties.class).retention())
				.isEqualTo(Duration.ofDays(7)));
	}

	@Test
	void refusesToStartWithAWrongSettingNamingItsVariable() {
		this.contexts.withPropertyValues("gateway.store.retention=30m")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("RETENTION must be at least 1h"));
		this.contexts.withPropertyValues("gateway.store.namespace=a:b")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("GATEWAY_STORE_NAMESPACE must be 1 to 32 letters, digits, '_', '.' or '-', was 'a:b'"));
	}

}
