package org.bridgeway.referral.store;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Referral reads: the partner's inbox, the board view, a case's referrals, and the SLA clock's claims. */
@ApplicationScoped
public class ReferralQueries {

    /** {@code organizationId} set for an inbox; {@code overdue} means still requested past its due time. */
    public record Filter(
            String boardId, UUID organizationId, String status, String schoolId, Boolean overdue, Instant now) {}

    public Slice<Referral> page(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.boardId() != null) {
            where.add("boardId = :board");
            params.and("board", filter.boardId());
        }
        if (filter.organizationId() != null) {
            where.add("organizationId = :org");
            params.and("org", filter.organizationId());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.schoolId() != null) {
            where.add("schoolId = :school");
            params.and("school", filter.schoolId());
        }
        if (filter.overdue() != null) {
            where.add(
                    filter.overdue()
                            ? "(status = 'requested' and dueAt < :now)"
                            : "not (status = 'requested' and dueAt < :now)");
            params.and("now", filter.now());
        }
        String clause = where.isEmpty() ? "" : String.join(" and ", where) + " ";
        PanacheQuery<Referral> query = Referral.find(clause + "order by requestedAt desc, id", params);
        return new Slice<>(query.page(page, size).list(), query.count());
    }

    /**
     * A listing by last change. {@code null} restricts nothing; {@code schoolIds} empty matches nothing;
     * {@code after} and {@code before} bound {@code updated_at}, each inclusive or not.
     */
    public record ChangeFilter(
            String boardId,
            Set<String> schoolIds,
            UUID organizationId,
            Set<String> statuses,
            Instant after,
            boolean afterInclusive,
            Instant before,
            boolean beforeInclusive) {}

    /** Oldest change first, then id: a client can page on, or poll again from the last change it saw. */
    public Slice<Referral> changes(ChangeFilter filter, int page, int size) {
        if (filter.schoolIds() != null && filter.schoolIds().isEmpty()
                || filter.statuses() != null && filter.statuses().isEmpty()) {
            return new Slice<>(List.of(), 0);
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.boardId() != null) {
            where.add("boardId = :board");
            params.and("board", filter.boardId());
        }
        if (filter.schoolIds() != null) {
            where.add("schoolId in :schools");
            params.and("schools", filter.schoolIds());
        }
        if (filter.organizationId() != null) {
            where.add("organizationId = :org");
            params.and("org", filter.organizationId());
        }
        if (filter.statuses() != null) {
            where.add("status in :statuses");
            params.and("statuses", filter.statuses());
        }
        if (filter.after() != null) {
            where.add(filter.afterInclusive() ? "updatedAt >= :after" : "updatedAt > :after");
            params.and("after", filter.after());
        }
        if (filter.before() != null) {
            where.add(filter.beforeInclusive() ? "updatedAt <= :before" : "updatedAt < :before");
            params.and("before", filter.before());
        }
        String clause = where.isEmpty() ? "" : String.join(" and ", where) + " ";
        PanacheQuery<Referral> query = Referral.find(clause + "order by updatedAt, id", params);
        return new Slice<>(query.page(page, size).list(), query.count());
    }

    public Referral find(UUID id) {
        return Referral.findById(id);
    }

    /** Reads the referral and holds its row until the transaction ends, so transitions queue up. */
    public Referral lock(UUID id) {
        return Referral.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Referral> ofCase(UUID caseId) {
        return Referral.list("caseId = ?1 order by requestedAt, id", caseId);
    }

    /**
     * Claims referrals past their due time that nobody answered. {@code SKIP LOCKED} lets several
     * replicas run the clock side by side without expiring one referral twice.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimOverdue(Instant now, int limit) {
        return Panache.getEntityManager()
                .createNativeQuery(
                        "SELECT id FROM referral WHERE status = 'requested'"
                                + " AND due_at <= ?1 ORDER BY due_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
                        UUID.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }
}
