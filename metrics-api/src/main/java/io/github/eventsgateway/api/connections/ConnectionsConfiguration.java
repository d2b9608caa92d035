package io.github.eventsgateway.api.connections;

import java.time.Duration;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.reactor.netty.autoconfigure.NettyServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds how long a client may take to send a request, so that slow or idle connections
 * (slowloris) cannot pile up: one knob, {@code server.netty.idle-timeout}
 * ({@code SERVER_NETTY_IDLE_TIMEOUT}, 20 s in {@code application.yml}), for the headers
 * and for a body alike.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionsConfiguration {

	@Bean
	NettyServerCustomizer requestBodyTimeout(NettyServerProperties netty) {
		Duration timeout = netty.getIdleTimeout();
		return (timeout != null) ? new RequestBodyTimeout(timeout) : (server) -> server;
	}

}
