package org.bridgeway.referral.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each criterion alone, ties, exclusions with their reasons, and a declined organization never proposed again. */
class MatcherTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final String BOARD = "board-1";
    static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    /** A service that passes every criterion for {@link #request()}; each row changes one thing. */
    static ServiceSnapshot service(String name) {
        return new ServiceSnapshot(
                UUID.nameUUIDFromBytes(name.getBytes()),
                ORG,
                "Org A",
                name,
                Set.of("housing"),
                12,
                18,
                7,
                12,
                Set.of("en", "fr"),
                Set.of("school-1", "region-1"),
                "active",
                5,
                10,
                "none");
    }

    static MatchRequest request() {
        return new MatchRequest(
                BOARD,
                List.of("housing"),
                14,
                9,
                "school-1",
                "region-1",
                null,
                Set.of("screening-summary"),
                Set.of(),
                Set.of(),
                TODAY,
                true);
    }

    static AgreementSnapshot agreement(UUID org, Set<String> scopes, String status, LocalDate from, LocalDate to) {
        return new AgreementSnapshot(UUID.randomUUID(), org, BOARD, scopes, from, to, status);
    }

    static List<AgreementSnapshot> goodAgreement() {
        return List.of(agreement(ORG, Set.of("screening-summary", "identity"), "active", TODAY.minusDays(30), null));
    }

    static ServiceSnapshot with(ServiceSnapshot s, UnaryOperator<Builder> change) {
        return change.apply(new Builder(s)).build();
    }

    static Stream<Arguments> exclusions() {
        return Stream.of(
                Arguments.of("inactive", with(service("s"), b -> b.status("temporarily-closed")), Exclusion.INACTIVE),
                Arguments.of("too young", with(service("s"), b -> b.ages(15, 18)), Exclusion.TOO_YOUNG),
                Arguments.of("too old", with(service("s"), b -> b.ages(10, 13)), Exclusion.TOO_OLD),
                Arguments.of("grade too low", with(service("s"), b -> b.grades(10, 12)), Exclusion.GRADE_TOO_LOW),
                Arguments.of("grade too high", with(service("s"), b -> b.grades(6, 8)), Exclusion.GRADE_TOO_HIGH),
                Arguments.of(
                        "outside the area",
                        with(service("s"), b -> b.areas(Set.of("school-9", "region-9"))),
                        Exclusion.OUTSIDE_AREA),
                Arguments.of(
                        "full without a waitlist",
                        with(service("s"), b -> b.capacity(0, 10, "none")),
                        Exclusion.NO_CAPACITY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exclusions")
    void eachHardCriterionAloneExcludesWithItsReason(String label, ServiceSnapshot service, String reason) {
        MatchResult result = Matcher.rank(MatchIndex.of(List.of(service), goodAgreement()), request());
        assertTrue(result.candidates().isEmpty(), label);
        assertEquals(List.of(reason), result.excluded().get(0).reasons());
    }

    static Stream<Arguments> agreements() {
        return Stream.of(
                Arguments.of("no agreement", List.of(), Exclusion.NO_AGREEMENT),
                Arguments.of(
                        "draft",
                        List.of(agreement(ORG, Set.of("screening-summary"), "draft", TODAY.minusDays(1), null)),
                        Exclusion.NO_AGREEMENT),
                Arguments.of(
                        "suspended",
                        List.of(agreement(ORG, Set.of("screening-summary"), "suspended", TODAY.minusDays(1), null)),
                        Exclusion.NO_AGREEMENT),
                Arguments.of(
                        "not yet valid",
                        List.of(agreement(ORG, Set.of("screening-summary"), "active", TODAY.plusDays(1), null)),
                        Exclusion.NO_AGREEMENT),
                Arguments.of(
                        "ended yesterday",
                        List.of(agreement(
                                ORG, Set.of("screening-summary"), "active", TODAY.minusDays(9), TODAY.minusDays(1))),
                        Exclusion.NO_AGREEMENT),
                Arguments.of(
                        "another board's",
                        List.of(new AgreementSnapshot(
                                UUID.randomUUID(),
                                ORG,
                                "other-board",
                                Set.of("screening-summary"),
                                TODAY.minusDays(1),
                                null,
                                "active")),
                        Exclusion.NO_AGREEMENT),
                Arguments.of(
                        "scope not covered",
                        List.of(agreement(ORG, Set.of("contact"), "active", TODAY.minusDays(1), null)),
                        Exclusion.SCOPE_MISSING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agreements")
    void onlyAnAgreementInForceCoveringTheDisclosureAdmits(
            String label, List<AgreementSnapshot> agreements, String reason) {
        MatchResult result = Matcher.rank(MatchIndex.of(List.of(service("s")), agreements), request());
        assertTrue(result.candidates().isEmpty(), label);
        assertEquals(List.of(reason), result.excluded().get(0).reasons());
    }

    @Test
    void anAgreementValidUntilTodayInclusiveIsInForce() {
        var agreements = List.of(agreement(ORG, Set.of("screening-summary"), "active", TODAY.minusDays(9), TODAY));
        assertEquals(
                1,
                Matcher.rank(MatchIndex.of(List.of(service("s")), agreements), request())
                        .candidates()
                        .size());
    }

    @Test
    void everyReasonIsListedWhenSeveralCriteriaFail() {
        ServiceSnapshot bad =
                with(service("s"), b -> b.status("inactive").ages(16, 18).areas(Set.of("elsewhere")));
        MatchResult result = Matcher.rank(MatchIndex.of(List.of(bad), List.of()), request());
        assertEquals(
                List.of(Exclusion.INACTIVE, Exclusion.TOO_YOUNG, Exclusion.OUTSIDE_AREA, Exclusion.NO_AGREEMENT),
                result.excluded().get(0).reasons());
    }

    @Test
    void aDeclinedOrganizationIsNeverProposedAgainEvenIfItRanksBest() {
        UUID other = UUID.randomUUID();
        ServiceSnapshot declinedBest = service("best");
        ServiceSnapshot second = with(service("second"), b -> b.org(other).capacity(1, 10, "none"));
        var agreements = List.of(
                goodAgreement().get(0),
                agreement(other, Set.of("screening-summary"), "active", TODAY.minusDays(1), null));
        MatchRequest declined = new MatchRequest(
                BOARD,
                List.of("housing"),
                14,
                9,
                "school-1",
                "region-1",
                null,
                Set.of("screening-summary"),
                Set.of(ORG),
                Set.of(),
                TODAY,
                true);
        MatchResult result = Matcher.rank(MatchIndex.of(List.of(declinedBest, second), agreements), declined);
        assertEquals(
                List.of("second"),
                result.candidates().stream().map(c -> c.service().name()).toList());
        assertEquals(List.of(Exclusion.DECLINED), result.excluded().get(0).reasons());
    }

    @Test
    void aServiceAlreadyReferredForTheCaseIsNotProposedTwice() {
        ServiceSnapshot s = service("s");
        MatchRequest referred = new MatchRequest(
                BOARD,
                List.of("housing"),
                14,
                9,
                "school-1",
                "region-1",
                null,
                Set.of("screening-summary"),
                Set.of(),
                Set.of(s.serviceId()),
                TODAY,
                true);
        assertEquals(
                List.of(Exclusion.ALREADY_REFERRED),
                Matcher.rank(MatchIndex.of(List.of(s), goodAgreement()), referred)
                        .excluded()
                        .get(0)
                        .reasons());
    }

    @Test
    void needCoverageRanksAServiceCoveringMoreNeedsFirst() {
        ServiceSnapshot one = service("one");
        ServiceSnapshot both = with(service("both"), b -> b.needs(Set.of("housing", "food-security")));
        MatchRequest twoNeeds = new MatchRequest(
                BOARD,
                List.of("housing", "food-security"),
                14,
                9,
                "school-1",
                "region-1",
                null,
                Set.of("screening-summary"),
                Set.of(),
                Set.of(),
                TODAY,
                true);
        MatchResult result = Matcher.rank(MatchIndex.of(List.of(one, both), goodAgreement()), twoNeeds);
        assertEquals(
                List.of("both", "one"),
                result.candidates().stream().map(c -> c.service().name()).toList());
        assertEquals(50.0, result.candidates().get(0).components().needCoverage());
        assertEquals(25.0, result.candidates().get(1).components().needCoverage());
        assertEquals(
                List.of("housing", "food-security"), result.candidates().get(0).coveredNeeds());
    }

    @Test
    void aServiceCoveringNoNeedIsOnlyCounted() {
        ServiceSnapshot food = with(service("food"), b -> b.needs(Set.of("food-security")));
        MatchResult result = Matcher.rank(MatchIndex.of(List.of(food, service("s")), goodAgreement()), request());
        assertEquals(1, result.candidates().size());
        assertEquals(1, result.notCoveringAnyNeed());
        assertTrue(result.excluded().isEmpty());
    }

    @Test
    void theStudentsOwnSchoolScoresAboveTheRegion() {
        ServiceSnapshot region = with(service("region"), b -> b.areas(Set.of("region-1")));
        MatchResult result =
                Matcher.rank(MatchIndex.of(List.of(region, service("school")), goodAgreement()), request());
        assertEquals(
                List.of("school", "region"),
                result.candidates().stream().map(c -> c.service().name()).toList());
        assertEquals(
                Matcher.SCHOOL_POINTS, result.candidates().get(0).components().serviceArea());
        assertEquals(
                Matcher.REGION_POINTS, result.candidates().get(1).components().serviceArea());
    }

    @Test
    void aPreferredLanguageExcludesServicesWithoutItAndScoresThoseWithIt() {
        ServiceSnapshot english = with(service("english"), b -> b.languages(Set.of("en")));
        ServiceSnapshot anyLanguage = with(service("unspecified"), b -> b.languages(Set.of()));
        MatchRequest french = new MatchRequest(
                BOARD,
                List.of("housing"),
                14,
                9,
                "school-1",
                "region-1",
                "fr",
                Set.of("screening-summary"),
                Set.of(),
                Set.of(),
                TODAY,
                true);
        MatchResult result = Matcher.rank(
                MatchIndex.of(List.of(english, anyLanguage, service("bilingual")), goodAgreement()), french);
        assertEquals(
                List.of("bilingual", "unspecified"),
                result.candidates().stream().map(c -> c.service().name()).toList());
        assertEquals(
                Matcher.LANGUAGE_POINTS, result.candidates().get(0).components().language());
        assertEquals(List.of(Exclusion.LANGUAGE), result.excluded().get(0).reasons());
    }

    @Test
    void placesFreeBeatAShortWaitlistWhichBeatsALongOne() {
        ServiceSnapshot free = service("free");
        ServiceSnapshot shortWait = with(service("short"), b -> b.capacity(0, 10, "under-1-month"));
        ServiceSnapshot longWait = with(service("long"), b -> b.capacity(0, 10, "over-3-months"));
        MatchResult result =
                Matcher.rank(MatchIndex.of(List.of(longWait, shortWait, free), goodAgreement()), request());
        assertEquals(
                List.of("free", "short", "long"),
                result.candidates().stream().map(c -> c.service().name()).toList());
    }

    @Test
    void tiesGoToMorePlacesFreeThenByNameThenId() {
        ServiceSnapshot b = service("b");
        ServiceSnapshot a = service("a");
        ServiceSnapshot moreRoomSameRatio = with(service("z"), x -> x.capacity(10, 20, "none"));
        MatchResult result = Matcher.rank(MatchIndex.of(List.of(b, a, moreRoomSameRatio), goodAgreement()), request());
        assertEquals(
                result.candidates().get(0).score(), result.candidates().get(2).score());
        assertEquals(
                List.of("z", "a", "b"),
                result.candidates().stream().map(c -> c.service().name()).toList());
    }

    @Test
    void scoreIsTheSumOfItsComponents() {
        Candidate c = Matcher.rank(MatchIndex.of(List.of(service("s")), goodAgreement()), request())
                .candidates()
                .get(0);
        var parts = c.components();
        assertEquals(parts.needCoverage() + parts.serviceArea() + parts.language() + parts.capacity(), c.score(), 0.01);
    }

    @Test
    void withoutExplainingNoExclusionIsCollected() {
        MatchRequest quiet = new MatchRequest(
                BOARD,
                List.of("housing"),
                14,
                9,
                "school-1",
                "region-1",
                null,
                Set.of("screening-summary"),
                Set.of(),
                Set.of(),
                TODAY,
                false);
        MatchResult result = Matcher.rank(
                MatchIndex.of(List.of(with(service("s"), b -> b.status("inactive"))), goodAgreement()), quiet);
        assertTrue(result.candidates().isEmpty());
        assertTrue(result.excluded().isEmpty());
    }

    /** Changes one field of a snapshot at a time. */
    static final class Builder {
        private ServiceSnapshot s;

        Builder(ServiceSnapshot s) {
            this.s = s;
        }

        Builder status(String status) {
            s = new ServiceSnapshot(
                    s.serviceId(),
                    s.organizationId(),
                    s.organizationName(),
                    s.name(),
                    s.needs(),
                    s.minAge(),
                    s.maxAge(),
                    s.minGrade(),
                    s.maxGrade(),
                    s.languages(),
                    s.serviceAreas(),
                    status,
                    s.available(),
                    s.maximum(),
                    s.waitlist());
            return this;
        }

        Builder ages(Integer min, Integer max) {
            s = new ServiceSnapshot(
                    s.serviceId(),
                    s.organizationId(),
                    s.organizationName(),
                    s.name(),
                    s.needs(),
                    min,
                    max,
                    s.minGrade(),
                    s.maxGrade(),
                    s.languages(),
                    s.serviceAreas(),
                    s.status(),
                    s.available(),
                    s.maximum(),
                    s.waitlist());
            return this;
        }

        Builder grades(Integer min, Integer max) {
            s = new ServiceSnapshot(
                    s.serviceId(),
                    s.organizationId(),
                    s.organizationName(),
                    s.name(),
                    s.needs(),
                    s.minAge(),
                    s.maxAge(),
                    min,
                    max,
                    s.languages(),
                    s.serviceAreas(),
                    s.status(),
                    s.available(),
                    s.maximum(),
                    s.waitlist());
            return this;
        }

        Builder areas(Set<String> areas) {
            s = new ServiceSnapshot(
                    s.serviceId(),
                    s.organizationId(),
                    s.organizationName(),
                    s.name(),
                    s.needs(),
                    s.minAge(),
                    s.maxAge(),
                    s.minGrade(),
                    s.maxGrade(),
                    s.languages(),
                    areas,
                    s.status(),
                    s.available(),
                    s.maximum(),
                    s.waitlist());
            return this;
        }

        Builder languages(Set<String> languages) {
            s = new ServiceSnapshot(
                    s.serviceId(),
                    s.organizationId(),
                    s.organizationName(),
                    s.name(),
                    s.needs(),
                    s.minAge(),
                    s.maxAge(),
                    s.minGrade(),
                    s.maxGrade(),
                    languages,
                    s.serviceAreas(),
                    s.status(),
                    s.available(),
                    s.maximum(),
                    s.waitlist());
            return this;
        }

        Builder needs(Set<String> needs) {
            s = new ServiceSnapshot(
                    s.serviceId(),
                    s.organizationId(),
                    s.organizationName(),
                    s.name(),
                    needs,
                    s.minAge(),
                    s.maxAge(),
                    s.minGrade(),
                    s.maxGrade(),
                    s.languages(),
                    s.serviceAreas(),
                    s.status(),
                    s.available(),
                    s.maximum(),
                    s.waitlist());
            return this;
        }

        Builder capacity(Integer available, Integer maximum, String waitlist) {
            s = new ServiceSnapshot(
                    s.serviceId(),
                    s.organizationId(),
                    s.organizationName(),
                    s.name(),
                    s.needs(),
                    s.minAge(),
                    s.maxAge(),
                    s.minGrade(),
                    s.maxGrade(),
                    s.languages(),
                    s.serviceAreas(),
                    s.status(),
                    available,
                    maximum,
                    waitlist);
            return this;
        }

        Builder org(UUID org) {
            s = new ServiceSnapshot(
                    s.serviceId(),
                    org,
                    "Org B",
                    s.name(),
                    s.needs(),
                    s.minAge(),
                    s.maxAge(),
                    s.minGrade(),
                    s.maxGrade(),
                    s.languages(),
                    s.serviceAreas(),
                    s.status(),
                    s.available(),
                    s.maximum(),
                    s.waitlist());
            return this;
        }

        ServiceSnapshot build() {
            return s;
        }
    }
}
