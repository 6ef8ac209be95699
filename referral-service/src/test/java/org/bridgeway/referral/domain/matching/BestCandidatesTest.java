package org.bridgeway.referral.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The top-k scan dispatch uses gives exactly the head of the full ranking, ties included. */
class BestCandidatesTest {

    @Test
    void bestIsTheHeadOfTheFullRanking() {
        Random random = new Random(7);
        LocalDate today = LocalDate.of(2026, 11, 30);
        List<String> needCodes = List.of("housing", "food-security", "mental-health");
        List<UUID> orgs = new ArrayList<>();
        List<AgreementSnapshot> agreements = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orgs.add(UUID.randomUUID());
            agreements.add(new AgreementSnapshot(
                    UUID.randomUUID(),
                    orgs.get(i),
                    "b",
                    Set.of("screening-summary"),
                    today.minusDays(1),
                    null,
                    i % 4 == 0 ? "suspended" : "active"));
        }
        List<ServiceSnapshot> services = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            services.add(new ServiceSnapshot(
                    UUID.randomUUID(),
                    orgs.get(random.nextInt(orgs.size())),
                    "o",
                    "s" + random.nextInt(40),
                    new HashSet<>(List.of(needCodes.get(random.nextInt(3)), needCodes.get(random.nextInt(3)))),
                    null,
                    null,
                    null,
                    null,
                    Set.of("en"),
                    Set.of(random.nextBoolean() ? "school" : "region"),
                    random.nextInt(8) == 0 ? "inactive" : "active",
                    random.nextInt(3),
                    2,
                    random.nextBoolean() ? "none" : "1-3-months"));
        }
        MatchIndex index = MatchIndex.of(services, agreements);
        for (List<String> needs : List.of(List.of("housing"), List.of("housing", "mental-health"), needCodes)) {
            MatchRequest request = new MatchRequest(
                    "b",
                    needs,
                    14,
                    9,
                    "school",
                    "region",
                    null,
                    Set.of("screening-summary"),
                    Set.of(),
                    Set.of(),
                    today,
                    false);
            List<Candidate> all = Matcher.rank(index, request).candidates();
            for (int k : new int[] {1, 5, 50}) {
                List<UUID> expected = all.subList(0, Math.min(k, all.size())).stream()
                        .map(c -> c.service().serviceId())
                        .toList();
                assertEquals(
                        expected,
                        Matcher.best(index, request, k).stream()
                                .map(c -> c.service().serviceId())
                                .toList(),
                        "top " + k + " of " + needs);
            }
        }
    }
}
