package org.bridgeway.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.referral.domain.lifecycle.ReferralStates;
import org.bridgeway.referral.store.CaseQueries;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralCase;
import org.bridgeway.referral.store.ReferralQueries;
import org.bridgeway.referral.store.Slice;

/** Reading referrals: a partner's inbox, a board's referrals, one referral, a case's referrals. */
@ApplicationScoped
public class ReferralViews {

    private final ReferralQueries referrals;
    private final CaseQueries cases;
    private final Access access;

    ReferralViews(ReferralQueries referrals, CaseQueries cases, Access access) {
        this.referrals = referrals;
        this.cases = cases;
        this.access = access;
    }

    /** The board view's and the inbox's filters; {@code organizationId} is ignored in an inbox. */
    public record Filter(String status, String schoolId, UUID organizationId, Boolean overdue) {}

    /**
     * A listing by last change: {@code organizationId} narrows to one partner organization, {@code statuses}
     * to any of them (null: every status), and {@code after} / {@code before} bound the last change.
     */
    public record Changes(
            UUID organizationId,
            Set<String> statuses,
            Instant after,
            boolean afterInclusive,
            Instant before,
            boolean beforeInclusive) {}

    /** The referrals within the caller's reach (see {@link Access#listingScope}), oldest change first. */
    @Transactional
    public Page<ReferralDetails> changes(Caller caller, Changes changes, PageRequest request) {
        Access.ListingScope scope = access.listingScope(caller, changes.organizationId());
        return page(
                caller,
                referrals.changes(
                        new ReferralQueries.ChangeFilter(
                                scope.boardId(),
                                scope.schoolIds(),
                                scope.organizationId(),
                                changes.statuses(),
                                changes.after(),
                                changes.afterInclusive(),
                                changes.before(),
                                changes.beforeInclusive()),
                        request.page(),
                        request.size()),
                request);
    }

    /** Only the referrals addressed to the caller's own organization. */
    @Transactional
    public Page<ReferralDetails> inbox(Caller caller, Filter filter, PageRequest request) {
        UUID org = access.partnerOrganization(caller);
        return page(
                caller,
                new ReferralQueries.Filter(null, org, filter.status(), null, filter.overdue(), Instant.now()),
                request);
    }

    @Transactional
    public Page<ReferralDetails> board(Caller caller, String boardId, Filter filter, PageRequest request) {
        access.requireBoardWide(caller, boardId);
        return page(
                caller,
                new ReferralQueries.Filter(
                        boardId,
                        filter.organizationId(),
                        filter.status(),
                        filter.schoolId(),
                        filter.overdue(),
                        Instant.now()),
                request);
    }

    @Transactional
    public ReferralDetails get(Caller caller, UUID referralId) {
        Referral r = referrals.find(referralId);
        access.sideOn(caller, r, referralId);
        return ReferralDetails.of(r, cases.find(r.caseId), caller, access);
    }

    @Transactional
    public List<ReferralDetails> ofCase(Caller caller, String boardId, UUID caseId) {
        ReferralCase c = access.reachableCase(caller, boardId, cases.find(caseId));
        return referrals.ofCase(c.id).stream()
                .map(r -> ReferralDetails.of(r, c, caller, access))
                .toList();
    }

    static List<String> allowedFor(Caller caller, Referral r, Access access) {
        return access.side(caller, r)
                .map(side -> ReferralStates.allowed(r.status, side))
                .orElse(List.of());
    }

    private Page<ReferralDetails> page(Caller caller, ReferralQueries.Filter filter, PageRequest request) {
        return page(caller, referrals.page(filter, request.page(), request.size()), request);
    }

    private Page<ReferralDetails> page(Caller caller, Slice<Referral> slice, PageRequest request) {
        Map<UUID, ReferralCase> byId =
                cases.byIds(slice.items().stream().map(r -> r.caseId).distinct().toList()).stream()
                        .collect(Collectors.toMap(c -> c.id, Function.identity()));
        return Page.of(
                slice.items().stream()
                        .map(r -> ReferralDetails.of(r, byId.get(r.caseId), caller, access))
                        .toList(),
                request,
                slice.total());
    }
}
