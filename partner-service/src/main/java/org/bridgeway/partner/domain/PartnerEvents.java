package org.bridgeway.partner.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bridgeway.events.AgreementChanged;
import org.bridgeway.events.CapacityChanged;
import org.bridgeway.events.ServiceUpserted;
import org.bridgeway.partner.store.AgreementEntity;
import org.bridgeway.partner.store.ServiceEntity;
import org.bridgeway.platform.outbox.Outbox;

/**
 * Announces directory changes on partner.events through the outbox, in the transaction of the change.
 * Keyed by service id (or agreement id), so one service's events stay in order on one partition.
 */
@ApplicationScoped
public class PartnerEvents {

    private final Outbox outbox;

    PartnerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void serviceUpserted(ServiceEntity s, String organizationName) {
        String key = s.id.toString();
        outbox.add(
                key,
                key,
                new ServiceUpserted(
                        s.id,
                        s.organizationId,
                        organizationName,
                        s.name,
                        List.copyOf(s.needs),
                        s.minAge,
                        s.maxAge,
                        s.minGrade,
                        s.maxGrade,
                        List.copyOf(s.languages),
                        List.copyOf(s.serviceAreas),
                        s.status,
                        s.available,
                        s.maximum,
                        s.waitlist,
                        s.version,
                        s.updatedAt));
    }

    public void capacityChanged(ServiceEntity s) {
        String key = s.id.toString();
        outbox.add(
                key,
                key,
                new CapacityChanged(
                        s.id, s.organizationId, s.available, s.maximum, s.waitlist, s.version, s.updatedAt));
    }

    public void agreementChanged(AgreementEntity a) {
        String key = a.id.toString();
        outbox.add(
                key,
                key,
                new AgreementChanged(
                        a.id,
                        a.organizationId,
                        a.boardId,
                        List.copyOf(a.scopes),
                        a.validFrom,
                        a.validTo,
                        a.status,
                        a.version,
                        a.updatedAt));
    }
}
