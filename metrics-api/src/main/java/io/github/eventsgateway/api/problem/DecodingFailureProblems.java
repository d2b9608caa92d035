package io.github.eventsgateway.api.problem;

import java.net.SocketAddress;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.netty.ConnectionObserver;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Gives a problem+json body to the answers that Reactor Netty's HTTP decoder sends by
 * itself, before any of Spring runs: 431 for headers over the limit, 414 for a request
 * line over it, and 400 for a request that is not HTTP/1.1 (a control character in the
 * request line or in a header, a header without a colon). Reactor Netty answers those
 * with an empty body and closes the connection; a handler right after the HTTP codec
 * fills the body in on the way out. Such a request has no trustworthy path, so the
 * problem has no {@code instance}.
 */
final class DecodingFailureProblems implements NettyServerCustomizer {

	private static final String HANDLER_NAME = "gateway.decodingFailureProblems";

	private final ProblemBodies handler;

	DecodingFailureProblems(JsonMapper json) {
		this.handler = new ProblemBodies(json);
	}

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit(this::addHandler);
	}

	private void addHandler(ConnectionObserver observer, Channel channel, SocketAddress remoteAddress) {
		if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
			channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, this.handler);
		}
	}

	/**
	 * Replaces the empty body of an error answer that has no content type, which only the
	 * decoder sends (Spring's answers all have a type; see {@link EmptyErrorBodies}).
	 */
	@ChannelHandler.Sharable
	private static final class ProblemBodies extends ChannelOutboundHandlerAdapter {

		private static final Map<HttpStatus, String> DETAILS = Map.of(HttpStatus.BAD_REQUEST,
				"The request is not valid HTTP/1.1: check the request line and every header for control"
						+ " characters, spaces in a header name or a missing colon.",
				HttpStatus.URI_TOO_LONG,
				"The request line (method, path and query) is longer than this server accepts; send a shorter"
						+ " query.",
				HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
				"The request headers are larger than this server accepts; send fewer or shorter headers.");

		private final JsonMapper json;

		ProblemBodies(JsonMapper json) {
			this.json = json;
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (msg instanceof FullHttpResponse response && isBareError(response)) {
				byte[] body = body(response.status());
				FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
				response.release();
				withBody.headers()
					.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
					.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
				super.write(ctx, withBody, promise);
				return;
			}
			super.write(ctx, msg, promise);
		}

		private static boolean isBareError(FullHttpResponse response) {
			return response.status().code() >= 400 && !response.content().isReadable()
					&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
		}

		private byte[] body(HttpResponseStatus status) {
			HttpStatusCode code = HttpStatusCode.valueOf(status.code());
			HttpStatus known = HttpStatus.resolve(status.code());
			String detail = (known != null && DETAILS.containsKey(known)) ? DETAILS.get(known)
					: FrameworkDetails.forStatus(code);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(code, detail);
			problem.setType(ProblemExceptionHandler.ABOUT_BLANK);
			return this.json.writeValueAsBytes(problem);
		}

	}

}
