package org.bridgeway.referral.domain.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseStatesTest {

    @ParameterizedTest(name = "tier {0} with {1} needs -> {2} referrals")
    @CsvSource({"0, 3, 0", "1, 3, 0", "2, 3, 1", "3, 3, 1", "4, 3, 3", "4, 1, 1", "4, 0, 1"})
    void aTierCallsForItsNumberOfReferrals(int tier, int needs, int referrals) {
        assertEquals(referrals, CaseStates.referralsFor(tier, needs));
    }
}
