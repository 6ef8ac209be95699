package org.bridgeway.referral.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "board_settings")
public class BoardSettingsRecord extends PanacheEntityBase {

    @Id
    @Column(name = "board_id")
    public String boardId;

    public String dispatch;

    @Column(name = "validation_required")
    public boolean validationRequired;

    @Column(name = "sla_business_days")
    public int slaBusinessDays;

    public String region;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static BoardSettingsRecord of(String boardId) {
        return findById(boardId);
    }
}
