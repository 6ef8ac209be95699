package org.bridgeway.referral.store;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The coordinator's filtered, paged view of a board's cases. */
@ApplicationScoped
public class CaseQueries {

    public record Filter(
            String boardId, String status, String schoolId, Boolean needsAttention, Collection<String> onlySchools) {}

    public Slice<ReferralCase> page(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>(List.of("boardId = :board"));
        Parameters params = Parameters.with("board", filter.boardId());
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.schoolId() != null) {
            where.add("schoolId = :school");
            params.and("school", filter.schoolId());
        }
        if (filter.needsAttention() != null) {
            where.add("needsAttention = :attention");
            params.and("attention", filter.needsAttention());
        }
        if (filter.onlySchools() != null) {
            where.add("schoolId in :schools");
            params.and("schools", filter.onlySchools().isEmpty() ? List.of("") : filter.onlySchools());
        }
        PanacheQuery<ReferralCase> query =
                ReferralCase.find(String.join(" and ", where) + " order by openedAt desc, id", params);
        return new Slice<>(query.page(page, size).list(), query.count());
    }

    public ReferralCase find(UUID id) {
        return ReferralCase.findById(id);
    }

    public ReferralCase lock(UUID id) {
        return ReferralCase.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    public List<ReferralCase> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : ReferralCase.list("id in ?1", ids);
    }

    public ReferralCase byScreening(UUID screeningId) {
        return ReferralCase.find("screeningId", screeningId).firstResult();
    }
}
