package org.bridgeway.partner.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A need code of the shared vocabulary (the codes instruments assign to their domains), with its label. */
@Entity
@Table(name = "need")
public class NeedEntity extends PanacheEntityBase {

    @Id
    public String code;

    public String label;
    public String description;
    public int position;

    public static List<NeedEntity> inOrder() {
        return list("order by position, code");
    }
}
