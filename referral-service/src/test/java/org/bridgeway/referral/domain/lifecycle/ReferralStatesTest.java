package org.bridgeway.referral.domain.lifecycle;

import static org.bridgeway.referral.domain.lifecycle.ReferralStates.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every legal transition per side, and every other pair of (side, from, to) refused. */
class ReferralStatesTest {

    /** The whole table, written out once more by hand: a change to the machine must change this test too. */
    static final Set<String> LEGAL = Set.of(
            "PERFORMER requested->accepted",
            "PERFORMER requested->rejected",
            "PERFORMER accepted->in-progress",
            "PERFORMER accepted->on-hold",
            "PERFORMER accepted->completed",
            "PERFORMER accepted->failed",
            "PERFORMER in-progress->on-hold",
            "PERFORMER in-progress->completed",
            "PERFORMER in-progress->failed",
            "PERFORMER on-hold->in-progress",
            "PERFORMER on-hold->failed",
            "REQUESTER requested->cancelled",
            "REQUESTER accepted->cancelled",
            "REQUESTER in-progress->cancelled",
            "REQUESTER on-hold->cancelled",
            "SYSTEM requested->expired");

    static Stream<Arguments> everyTriple() {
        List<Arguments> all = new ArrayList<>();
        for (Side side : Side.values()) {
            for (String from : ALL) {
                for (String to : ALL) {
                    all.add(Arguments.of(side, from, to));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("everyTriple")
    void onlyTheTableIsAllowed(Side side, String from, String to) {
        boolean legal = LEGAL.contains(side + " " + from + "->" + to);
        assertEquals(legal, isAllowed(from, to, side));
        assertEquals(legal, allowed(from, side).contains(to));
    }

    @Test
    void terminalStatesAllowNothingToAnySide() {
        for (String terminal : TERMINAL) {
            for (Side side : Side.values()) {
                assertTrue(allowed(terminal, side).isEmpty(), side + " from " + terminal);
            }
        }
    }

    @Test
    void thePerformerCannotCancelAndTheRequesterCannotAccept() {
        assertFalse(isAllowed(REQUESTED, CANCELLED, Side.PERFORMER));
        assertFalse(isAllowed(REQUESTED, ACCEPTED, Side.REQUESTER));
        assertFalse(isAllowed(REQUESTED, EXPIRED, Side.REQUESTER));
        assertFalse(isAllowed(REQUESTED, EXPIRED, Side.PERFORMER));
    }

    @Test
    void onlyRejectionAndExpiryReroute() {
        assertEquals(Set.of(REJECTED, EXPIRED), REROUTING);
    }
}
