package io.github.eventsgateway.firehose;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * {@code POST /app/installations/{installationId}/access_tokens} as GitHub answers it:
 * 401 for a JWT that is missing or wrong, 404 for another installation, else 201 with a
 * fresh installation token. Requests are logged under the App's name, never the JWT or
 * the token.
 */
final class AppTokenEndpoint {

	private static final String JSON = "application/json; charset=utf-8";

	private static final String DOCS = "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app";

	private final Clock clock;

	private final GitHubApp app;

	private final RequestLog requests;

	/**
	 * @param clock the clock of the request log
	 * @param app the App, or {@code null} if the stand-in has none (every request is a
	 * 404)
	 * @param requests the request log
	 */
	AppTokenEndpoint(Clock clock, GitHubApp app, RequestLog requests) {
		this.clock = clock;
		this.app = app;
		this.requests = requests;
	}

	Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		Instant receivedAt = this.clock.instant();
		String userAgent = request.requestHeaders().get(HttpHeaderNames.USER_AGENT);
		// the body (repositories, permissions) is read and ignored: the token covers all
		return request.receive().then(Mono.defer(() -> {
			Answer answer = answer(request.param("installationId"),
					request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
			String credential = (this.app != null) ? this.app.jwtCredential() : Credentials.UNKNOWN;
			this.requests.add(new RecordedRequest(receivedAt, credential, userAgent, 0, 0, answer.status(), null, 0,
					request.path().startsWith("/") ? request.path() : "/" + request.path(), false));
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			return response.status(answer.status())
				.header(HttpHeaderNames.CONTENT_TYPE, JSON)
				.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
				.sendByteArray(Mono.just(body))
				.then();
		}));
	}

	private Answer answer(String installationId, String authorization) {
		if (this.app == null) {
			return error(404, "Not Found");
		}
		String[] scheme = (authorization != null) ? authorization.trim().split("\\s+", 2) : new String[0];
		if (scheme.length != 2 || !"bearer".equalsIgnoreCase(scheme[0])) {
			return error(401, "A JSON web token could not be decoded");
		}
		Optional<String> problem = this.app.jwtProblem(scheme[1].trim());
		if (problem.isPresent()) {
			return error(401, problem.get());
		}
		if (!this.app.isInstallation(installationId)) {
			return error(404, "Not Found");
		}
		GitHubApp.InstallationToken token = this.app.issueToken();
		return new Answer(201, "{\"token\":\"" + token.token() + "\",\"expires_at\":\"" + token.expiresAt()
				+ "\",\"permissions\":{\"metadata\":\"read\"},\"repository_selection\":\"all\"}");
	}

	private static Answer error(int status, String message) {
		return new Answer(status, "{\"message\":\"" + message.replace("\"", "\\\"") + "\",\"documentation_url\":\""
				+ DOCS + "\",\"status\":\"" + status + "\"}");
	}

	private record Answer(int status, String body) {

		@Override
		public String toString() {
			// the body of a 201 holds a token
			return "Answer[status=" + this.status + "]";
		}

	}

}
