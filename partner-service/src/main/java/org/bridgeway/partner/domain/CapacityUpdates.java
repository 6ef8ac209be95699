package org.bridgeway.partner.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.partner.domain.ServiceModel.Capacity;
import org.bridgeway.partner.domain.ServiceModel.CapacityCommand;
import org.bridgeway.partner.store.ServiceEntity;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem.FieldError;
import org.bridgeway.platform.security.Caller;

/** A partner keeps its own services' capacity current; each update is one CapacityChanged. */
@ApplicationScoped
public class CapacityUpdates {

    private final PartnerEvents events;

    CapacityUpdates(PartnerEvents events) {
        this.events = events;
    }

    @Transactional
    public Capacity get(UUID serviceId) {
        return ServiceSnapshots.capacity(
                ServiceEntity.byId(serviceId).orElseThrow(() -> ServiceDirectory.notFound(serviceId)));
    }

    /** @param expectedVersion the version the caller read (If-Match); required */
    @Transactional
    public Capacity update(Caller caller, UUID serviceId, long expectedVersion, CapacityCommand command) {
        ServiceEntity service =
                ServiceEntity.lockedById(serviceId).orElseThrow(() -> ServiceDirectory.notFound(serviceId));
        DirectoryAccess.requireCapacityWriter(caller, service.organizationId);
        List<FieldError> errors = ServiceRules.check(command, "");
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("The request has invalid fields.", errors);
        }
        Versions.require(expectedVersion, service.version);
        Instant now = Instant.now();
        service.available = command.available();
        service.maximum = command.maximum();
        service.waitlist = command.waitlist();
        service.capacityUpdatedAt = now;
        service.updatedAt = now;
        service.version++;
        events.capacityChanged(service);
        return ServiceSnapshots.capacity(service);
    }
}
