package org.bridgeway.referral.domain.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An immutable, pre-indexed snapshot of the read model: services by need code, agreements by board
 * and organization. Built once per change, read by any number of threads, so ranking touches only
 * the services that cover one of the case's needs.
 */
public final class MatchIndex {

    private final Map<String, ServiceSnapshot[]> servicesByNeed;
    private final Map<String, Map<UUID, List<AgreementSnapshot>>> agreementsByBoard;
    private final int serviceCount;

    private MatchIndex(
            Map<String, ServiceSnapshot[]> servicesByNeed,
            Map<String, Map<UUID, List<AgreementSnapshot>>> agreementsByBoard,
            int serviceCount) {
        this.servicesByNeed = servicesByNeed;
        this.agreementsByBoard = agreementsByBoard;
        this.serviceCount = serviceCount;
    }

    public static MatchIndex of(Collection<ServiceSnapshot> services, Collection<AgreementSnapshot> agreements) {
        Map<String, List<ServiceSnapshot>> byNeed = new HashMap<>();
        for (ServiceSnapshot service : services) {
            for (String need : service.needs()) {
                byNeed.computeIfAbsent(need, n -> new ArrayList<>()).add(service);
            }
        }
        Map<String, ServiceSnapshot[]> frozen = new HashMap<>();
        byNeed.forEach((need, list) -> frozen.put(need, list.toArray(ServiceSnapshot[]::new)));
        Map<String, Map<UUID, List<AgreementSnapshot>>> byBoard = new HashMap<>();
        for (AgreementSnapshot agreement : agreements) {
            byBoard.computeIfAbsent(agreement.boardId(), b -> new HashMap<>())
                    .computeIfAbsent(agreement.organizationId(), o -> new ArrayList<>())
                    .add(agreement);
        }
        return new MatchIndex(frozen, byBoard, services.size());
    }

    public static MatchIndex empty() {
        return of(List.of(), List.of());
    }

    ServiceSnapshot[] servicesFor(String need) {
        return servicesByNeed.getOrDefault(need, new ServiceSnapshot[0]);
    }

    List<AgreementSnapshot> agreements(String boardId, UUID organizationId) {
        return agreementsByBoard.getOrDefault(boardId, Map.of()).getOrDefault(organizationId, List.of());
    }

    /** Whether the organization has an agreement with the board in force on {@code day} that covers every scope. */
    public boolean agreementCovers(
            String boardId, UUID organizationId, java.util.Set<String> scopes, java.time.LocalDate day) {
        return agreements(boardId, organizationId).stream().anyMatch(a -> a.inForceOn(day) && a.covers(scopes));
    }

    public int serviceCount() {
        return serviceCount;
    }
}
