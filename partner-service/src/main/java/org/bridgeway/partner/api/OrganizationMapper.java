package org.bridgeway.partner.api;

import java.util.UUID;
import org.bridgeway.partner.api.OrganizationDtos.OrganizationInput;
import org.bridgeway.partner.api.OrganizationDtos.OrganizationView;
import org.bridgeway.partner.api.OrganizationDtos.ServiceSummary;
import org.bridgeway.partner.domain.OrganizationModel.OrganizationCommand;
import org.bridgeway.partner.domain.OrganizationModel.OrganizationDetails;

/** Organizations between their JSON shape and the domain's. */
final class OrganizationMapper {

    private OrganizationMapper() {}

    static OrganizationCommand command(UUID id, OrganizationInput in) {
        return new OrganizationCommand(id, in.name(), in.description(), in.email(), in.website(), in.phone());
    }

    static OrganizationView view(OrganizationDetails o) {
        return new OrganizationView(
                o.id(),
                o.name(),
                o.description(),
                o.email(),
                o.website(),
                o.phone(),
                o.createdAt(),
                o.updatedAt(),
                o.services().stream()
                        .map(s -> new ServiceSummary(
                                s.id(),
                                s.name(),
                                s.needs(),
                                s.status(),
                                s.capacity().available()))
                        .toList());
    }
}
