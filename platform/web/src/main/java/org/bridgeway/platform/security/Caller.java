package org.bridgeway.platform.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.platform.problem.ApiException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and what they may reach: roles from {@code groups}, the board from {@code board},
 * schools from {@code schools}, the partner organization from {@code org}. Object-level checks go
 * through here so every resource asks the same questions.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        return token.getSubject();
    }

    public Set<String> roles() {
        return token.getGroups();
    }

    public boolean is(String role) {
        return token.getGroups().contains(role);
    }

    /** The role that best describes this call in an audit row. */
    public String primaryRole() {
        return token.getGroups().stream().sorted().findFirst().orElse("none");
    }

    public String board() {
        return token.getClaim("board");
    }

    public String organization() {
        return token.getClaim("org");
    }

    public Set<String> schools() {
        Object claim = token.getClaim("schools");
        if (claim instanceof Collection<?> values) {
            return values.stream().map(v -> v.toString().replace("\"", "")).collect(Collectors.toSet());
        }
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString)
                    .collect(Collectors.toSet());
        }
        return Set.of();
    }

    /** Admins act across boards; everyone else only within the board in their token. */
    public void requireBoard(String boardId) {
        if (!reachesBoard(boardId)) {
            throw ApiException.forbidden("Your token does not cover board " + boardId + ".");
        }
    }

    public boolean reachesBoard(String boardId) {
        return is(Roles.ADMIN) || board() != null && board().equals(boardId);
    }

    /** Board-wide roles see every school of their board; school staff only their own schools. */
    public boolean seesWholeBoard() {
        return is(Roles.ADMIN) || is(Roles.COORDINATOR) || is(Roles.SIS) || is(Roles.ANALYST);
    }

    /** School staff reach only their own schools; board-wide roles reach every school of their board. */
    public boolean reachesSchool(String boardId, String schoolId) {
        if (is(Roles.ADMIN)) {
            return true;
        }
        if (board() == null || !board().equals(boardId)) {
            return false;
        }
        if (seesWholeBoard()) {
            return true;
        }
        return is(Roles.SCHOOL_STAFF) && schools().contains(schoolId);
    }
}
