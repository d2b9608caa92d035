package io.github.eventsgateway.api.problem;

import org.springframework.context.annotation.Import;

/**
 * For slice tests in other packages: errors answered as the application answers them. A
 * {@code @WebFluxTest} finds {@link ProblemExceptionHandler} by itself; this brings
 * {@link ProblemConfiguration}, which answers what fails outside controllers.
 * Deliberately not a {@code @Configuration}: tests import it.
 */
@Import(ProblemConfiguration.class)
public class ProblemAnswering {

}
