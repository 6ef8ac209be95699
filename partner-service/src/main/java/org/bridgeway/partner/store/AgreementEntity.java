package org.bridgeway.partner.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A data-sharing agreement between an organization and a school board; {@code validTo} inclusive, null = open-ended. */
@Entity
@Table(name = "agreement")
public class AgreementEntity extends PanacheEntityBase {

    public static final String ACTIVE = "active";

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "board_id")
    public String boardId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> scopes;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public String status;
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<AgreementEntity> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** Reads the row again, e.g. after taking a lock that orders this write after others. */
    public void reload() {
        getEntityManager().refresh(this);
    }

    /** Active agreements of the pair whose validity overlaps [from, to] (to null = open-ended), other than {@code except}. */
    public static List<AgreementEntity> activeOverlapping(
            UUID organizationId, String boardId, LocalDate from, LocalDate to, UUID except) {
        return list(
                "organizationId = :org and boardId = :board and status = :active and id <> :except"
                        + " and (validTo is null or validTo >= :from)"
                        + (to == null ? "" : " and validFrom <= :to"),
                to == null
                        ? Parameters.with("org", organizationId)
                                .and("board", boardId)
                                .and("active", ACTIVE)
                                .and("except", except)
                                .and("from", from)
                        : Parameters.with("org", organizationId)
                                .and("board", boardId)
                                .and("active", ACTIVE)
                                .and("except", except)
                                .and("from", from)
                                .and("to", to));
    }

    /** Filters are optional (null = any); {@code inForceOn} keeps active agreements valid on that day. */
    public record Filter(String boardId, UUID organizationId, LocalDate inForceOn, String status) {}

    public static List<AgreementEntity> page(Filter filter, int offset, int limit) {
        Where where = where(filter);
        return find(where.hql + " order by boardId, validFrom desc, id", where.parameters)
                .range(offset, offset + limit - 1)
                .list();
    }

    public static long total(Filter filter) {
        Where where = where(filter);
        return count(where.hql, where.parameters);
    }

    private record Where(String hql, Parameters parameters) {}

    private static Where where(Filter filter) {
        StringBuilder hql = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.boardId() != null) {
            hql.append(" and boardId = :board");
            parameters.and("board", filter.boardId());
        }
        if (filter.organizationId() != null) {
            hql.append(" and organizationId = :org");
            parameters.and("org", filter.organizationId());
        }
        if (filter.status() != null) {
            hql.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.inForceOn() != null) {
            hql.append(" and status = :active and validFrom <= :day and (validTo is null or validTo >= :day)");
            parameters.and("active", ACTIVE).and("day", filter.inForceOn());
        }
        return new Where(hql.toString(), parameters);
    }
}
