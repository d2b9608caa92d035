package io.github.eventsgateway.api.connections;

import java.time.Duration;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.reactor.netty.autoconfigure.NettyServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Bounds how long a client may take to send a request, so that slow or idle connections
 * (slowloris) cannot pile up: one knob, {@code server.netty.idle-timeout}
 * ({@code SERVER_NETTY_IDLE_TIMEOUT}, 20 s in {@code application.yml}), for the headers
 * and for a body alike. Behind nginx, links the API builds (the API description's
 * servers, redirects) carry the address the client used
 * ({@link ForwardedHeadersForLinks}).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionsConfiguration {

	@Bean
	NettyServerCustomizer requestBodyTimeout(NettyServerProperties netty) {
		Duration timeout = netty.getIdleTimeout();
		return (timeout != null) ? new RequestBodyTimeout(timeout) : (server) -> server;
	}

	@Bean(WebHttpHandlerBuilder.FORWARDED_HEADER_TRANSFORMER_BEAN_NAME)
	ForwardedHeaderTransformer forwardedHeaderTransformer() {
		return new ForwardedHeadersForLinks();
	}

}
