package org.bridgeway.referral.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "referral_case")
public class ReferralCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "screening_id")
    public UUID screeningId;

    @Column(name = "student_ref")
    public String studentRef;

    @Column(name = "board_id")
    public String boardId;

    @Column(name = "school_id")
    public String schoolId;

    public Integer grade;

    @Column(name = "age_years")
    public Integer ageYears;

    @Column(name = "suggested_tier")
    public int suggestedTier;

    public Integer tier;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> needs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "domain_bands")
    public Map<String, String> domainBands;

    public String status;

    @Column(name = "needs_attention")
    public boolean needsAttention;

    public String language;

    @Column(name = "closure_outcome")
    public String closureOutcome;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "validated_at")
    public Instant validatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The tier the case is worked at: the reviewed one, else the instrument's suggestion. */
    public int effectiveTier() {
        return tier != null ? tier : suggestedTier;
    }
}
