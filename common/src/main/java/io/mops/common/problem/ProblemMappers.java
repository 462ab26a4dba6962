package io.mops.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure of a REST call into a {@link Problem}, so that callers get one shape of error from every
 * service: the status, a title, a detail a person can act on, and for bad input the field and the reason.
 * A caller's mistake is always a 4xx; only our own faults are 500s, and those never leak internals.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response validationFailed(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(new Problem(URI.create("about:blank"), "Invalid request", 400, detail, instance(uri), violations));
    }

    // Quarkus REST ships its own mapper for MismatchedInputException; naming the subtypes here makes ours win.
    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class})
    public Response unreadableField(MismatchedInputException e, UriInfo uri) {
        if (e.getPath().isEmpty()) {
            return invalidJson(e, uri);
        }
        String field = JsonPaths.of(e.getPath());
        String reason = switch (e) {
            case UnrecognizedPropertyException unknown -> "unknown field";
            case InvalidFormatException format -> "cannot read '" + format.getValue() + "' as "
                    + format.getTargetType().getSimpleName();
            default -> "has the wrong type";
        };
        return respond(new Problem(URI.create("about:blank"), "Malformed request body", 400, field + ": " + reason,
                instance(uri), List.of(new Problem.Violation(field, reason))));
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem(URI.create("about:blank"), "Malformed request body", 400,
                "the body is not valid JSON: " + e.getOriginalMessage(), instance(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response invalidArgument(InvalidRequestException e, UriInfo uri) {
        return respond(new Problem(URI.create("about:blank"), "Invalid request", 400, e.getMessage(), instance(uri),
                e.violations()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri) {
        return respond(new Problem(URI.create("about:blank"), "Not found", 404, e.getMessage(), instance(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictProblem e, UriInfo uri) {
        return respond(new Problem(URI.create("about:blank"), "Conflict", 409, e.getMessage(), instance(uri), List.of()));
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(URI.create("about:blank"), "Unauthorized", 401,
                        "a valid bearer token from the mops realm is required", instance(uri), List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mops\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "your roles do not allow this operation"
                : e.getMessage();
        return respond(new Problem(URI.create("about:blank"), "Forbidden", 403, detail, instance(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // JAX-RS answers 404 when a query parameter cannot be converted (limit=abc). The resource exists and the
        // caller's value is wrong, so that is a 400 naming the parameter; an unreadable path segment stays a 404.
        if (e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null) {
            String cause = String.valueOf(e.getCause().getMessage());
            for (var param : uri.getQueryParameters().entrySet()) {
                for (String value : param.getValue()) {
                    if (!value.isEmpty() && cause.contains(value)) {
                        String reason = "cannot read '" + value + "'";
                        return respond(new Problem(URI.create("about:blank"), "Invalid request", 400,
                                param.getKey() + ": " + reason, instance(uri),
                                List.of(new Problem.Violation(param.getKey(), reason))));
                    }
                }
            }
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return respond(new Problem(URI.create("about:blank"), title, status, e.getMessage(), instance(uri), List.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Log.errorf(e, "unexpected failure on %s", uri.getPath());
        return respond(new Problem(URI.create("about:blank"), "Internal Server Error", 500,
                "the service failed unexpectedly; the failure has been logged", instance(uri), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static URI instance(UriInfo uri) {
        return URI.create(uri.getPath());
    }

    /** Drops the method and parameter segments ({@code create.request.amount} becomes {@code amount}). */
    static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1];
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
}
