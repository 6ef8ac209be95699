package org.bridgeway.screening.domain;

import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.platform.security.Roles;
import org.bridgeway.screening.store.SchoolFilter;

/**
 * The one place use cases ask what a caller may reach, so every endpoint answers alike: a board outside the
 * token is 403; a record in a school the caller cannot see is 404, as absent as a missing one.
 */
public final class Scope {

    private Scope() {}

    /** Admins act across boards; everyone else only within the board of their token. */
    public static void requireBoard(Caller caller, String boardId) {
        if (caller.is(Roles.REFERRAL_SERVICE)) {
            return; // referral-service discloses for any board's referral; only the disclosure endpoint admits its role
        }
        caller.requireBoard(boardId);
    }

    /** For a record found by id: another board's record must read as absent (404), so an id reveals nothing. */
    public static boolean reachesBoard(Caller caller, String boardId) {
        return caller.reachesBoard(boardId);
    }

    /** @throws ApiException 404 with {@code absent} when the record's school is out of the caller's reach */
    public static void requireSchool(Caller caller, String boardId, String schoolId, String absent) {
        if (!caller.reachesSchool(boardId, schoolId)) {
            throw ApiException.notFound(absent);
        }
    }

    /** What a listing of the board may show this caller: board-wide roles every school, school staff their own. */
    public static SchoolFilter listing(Caller caller, String boardId, String schoolId) {
        requireBoard(caller, boardId);
        return new SchoolFilter(boardId, schoolId, caller.seesWholeBoard() ? null : caller.schools());
    }
}
