package io.github.eventsgateway.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.springframework.boot.jackson.JacksonMixin;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Writes a problem's members in RFC 9457's order, type first, as its examples do, rather
 * than alphabetically; otherwise as Spring's mix-in: extra properties at the top level,
 * no empty members (a mix-in's own class annotations are not inherited, so they are
 * repeated here).
 */
@JacksonMixin(ProblemDetail.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance" })
interface ProblemDetailFieldOrder extends ProblemDetailJacksonMixin {

}
