package io.github.eventsgateway.api.connections;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.ConnectionObserver;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Closes the connection of a client whose request body does not arrive in full within the
 * timeout. The idle timeout ({@code server.netty.idle-timeout}) closes a connection whose
 * headers do not arrive in time, trickled or not, since nothing is decoded meanwhile; but
 * every trickled piece of a body is activity. Reactor Netty's own {@code requestTimeout}
 * stops at the answer, and no endpoint here reads a body: the API answers at once (405,
 * 415) and Reactor Netty then reads the rest of the body to keep the connection, for as
 * long as the client cares to trickle it.
 */
final class RequestBodyTimeout implements NettyServerCustomizer {

	private static final String HANDLER_NAME = "gateway.requestBodyTimeout";

	private final Duration timeout;

	RequestBodyTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit(this::addHandler);
	}

	private void addHandler(ConnectionObserver observer, Channel channel, SocketAddress remoteAddress) {
		if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
			channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new Deadline(this.timeout.toMillis()));
		}
	}

	/** One per connection: the deadline of the body being received, if any. */
	private static final class Deadline extends ChannelInboundHandlerAdapter {

		private static final Logger logger = LoggerFactory.getLogger(RequestBodyTimeout.class);

		private final long timeoutMillis;

		private ScheduledFuture<?> pending;

		Deadline(long timeoutMillis) {
			this.timeoutMillis = timeoutMillis;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
			if (msg instanceof HttpRequest request && !(msg instanceof LastHttpContent) && hasBody(request)) {
				cancel();
				this.pending = ctx.executor().schedule(() -> close(ctx), this.timeoutMillis, TimeUnit.MILLISECONDS);
			}
			if (msg instanceof LastHttpContent) {
				cancel();
			}
			super.channelRead(ctx, msg);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) throws Exception {
			cancel();
			super.channelInactive(ctx);
		}

		@Override
		public void handlerRemoved(ChannelHandlerContext ctx) {
			cancel();
		}

		/**
		 * Whether a body follows. A request the decoder refused (a malformed
		 * Content-Length among others) is answered and closed without one.
		 */
		private static boolean hasBody(HttpRequest request) {
			if (!request.decoderResult().isSuccess()) {
				return false;
			}
			return HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
		}

		private void close(ChannelHandlerContext ctx) {
			logger.debug("Closing {}: its request body did not arrive within {} ms", ctx.channel().remoteAddress(),
					this.timeoutMillis);
			ctx.close();
		}

		private void cancel() {
			if (this.pending != null) {
				this.pending.cancel(false);
				this.pending = null;
			}
		}

	}

}
