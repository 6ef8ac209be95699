package org.bridgeway.platform.input;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;
import org.bridgeway.platform.security.TokenShape;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters checked once for every resource, before any of them reaches a use case
 * or PostgreSQL: no control characters, whole numbers in range where the method takes an integer
 * (JAX-RS would answer a fraction with 404), and board ids of the strict tenant pattern. Each refusal is a
 * 400 naming the parameter.
 */
public class ParameterGuard {

    private static final Set<Class<?>> WHOLE_NUMBERS =
            Set.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class);
    private static final Set<String> BOARD_PARAMETERS = Set.of("boardId", "board");

    private final Map<Method, Map<String, Class<?>>> integerParameters = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void checkParameters(ContainerRequestContext request, ResourceInfo resource) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Class<?>> integers = resource.getResourceMethod() == null
                ? Map.of()
                : integerParameters.computeIfAbsent(resource.getResourceMethod(), ParameterGuard::integerParameters);
        check(request.getUriInfo().getPathParameters(), integers, true, errors);
        check(request.getUriInfo().getQueryParameters(), integers, false, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("The request has invalid parameters.", errors);
        }
    }

    private static void check(
            MultivaluedMap<String, String> parameters,
            Map<String, Class<?>> integers,
            boolean path,
            List<Problem.FieldError> errors) {
        parameters.forEach((name, values) -> values.stream()
                .map(value -> refusal(name, value, integers, path))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .ifPresent(message -> errors.add(
                        new Problem.FieldError(HostileText.hasControlCharacter(name) ? "parameter" : name, message))));
    }

    private static String refusal(String name, String value, Map<String, Class<?>> integers, boolean path) {
        if (HostileText.hasControlCharacter(name) || HostileText.hasControlCharacter(value)) {
            return Refusals.CONTROL_CHARACTERS;
        }
        if (integers.containsKey(name) && !value.isEmpty() && !isWholeNumber(value, integers.get(name))) {
            return Refusals.WHOLE_NUMBER;
        }
        if (path
                && BOARD_PARAMETERS.contains(name)
                && !TokenShape.TENANT_ID.matcher(value).matches()) {
            return Refusals.TENANT_ID;
        }
        return null;
    }

    private static boolean isWholeNumber(String value, Class<?> type) {
        try {
            long number = Long.parseLong(value.trim());
            if (type == long.class || type == Long.class) {
                return true;
            }
            return type == short.class || type == Short.class ? (short) number == number : (int) number == number;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, Class<?>> integerParameters(Method method) {
        Map<String, Class<?>> names = new java.util.HashMap<>();
        for (Parameter parameter : method.getParameters()) {
            if (!WHOLE_NUMBERS.contains(parameter.getType())) {
                continue;
            }
            for (Annotation annotation : parameter.getAnnotations()) {
                String name = name(annotation, parameter);
                if (name != null) {
                    names.put(name, parameter.getType());
                }
            }
        }
        return Map.copyOf(names);
    }

    private static String name(Annotation annotation, Parameter parameter) {
        if (annotation instanceof QueryParam q) {
            return q.value();
        }
        if (annotation instanceof PathParam p) {
            return p.value();
        }
        if (annotation instanceof RestQuery q) {
            return q.value().isEmpty() ? parameter.getName() : q.value();
        }
        if (annotation instanceof RestPath p) {
            return p.value().isEmpty() ? parameter.getName() : p.value();
        }
        return null;
    }
}
