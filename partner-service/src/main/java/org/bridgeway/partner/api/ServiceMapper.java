package org.bridgeway.partner.api;

import org.bridgeway.partner.api.ServiceDtos.CapacityInput;
import org.bridgeway.partner.api.ServiceDtos.CapacityView;
import org.bridgeway.partner.api.ServiceDtos.Contact;
import org.bridgeway.partner.api.ServiceDtos.LocationInput;
import org.bridgeway.partner.api.ServiceDtos.LocationView;
import org.bridgeway.partner.api.ServiceDtos.NeedView;
import org.bridgeway.partner.api.ServiceDtos.ServiceInput;
import org.bridgeway.partner.api.ServiceDtos.ServiceView;
import org.bridgeway.partner.domain.Need;
import org.bridgeway.partner.domain.ServiceModel;
import org.bridgeway.partner.domain.ServiceModel.Capacity;
import org.bridgeway.partner.domain.ServiceModel.CapacityCommand;
import org.bridgeway.partner.domain.ServiceModel.LocationCommand;
import org.bridgeway.partner.domain.ServiceModel.LocationDetails;
import org.bridgeway.partner.domain.ServiceModel.ServiceCommand;
import org.bridgeway.partner.domain.ServiceModel.ServiceDetails;

/** Services between their JSON shape and the domain's. */
final class ServiceMapper {

    private ServiceMapper() {}

    static ServiceCommand command(ServiceInput in) {
        Contact c = in.contact();
        return new ServiceCommand(
                in.organizationId(),
                in.name(),
                in.description(),
                in.needs(),
                in.minAge(),
                in.maxAge(),
                in.minGrade(),
                in.maxGrade(),
                in.eligibility(),
                in.languages(),
                in.serviceAreas(),
                in.status(),
                c == null ? null : new ServiceModel.Contact(c.email(), c.phone(), c.url()),
                in.locations() == null
                        ? null
                        : in.locations().stream().map(ServiceMapper::command).toList(),
                in.capacity() == null ? null : command(in.capacity()));
    }

    static CapacityCommand command(CapacityInput in) {
        return new CapacityCommand(in.available(), in.maximum(), in.waitlist());
    }

    static ServiceView view(ServiceDetails s) {
        ServiceModel.Contact c = s.contact();
        return new ServiceView(
                s.id(),
                s.organizationId(),
                s.organizationName(),
                s.name(),
                s.description(),
                s.needs(),
                s.minAge(),
                s.maxAge(),
                s.minGrade(),
                s.maxGrade(),
                s.eligibility(),
                s.languages(),
                s.serviceAreas(),
                s.status(),
                new Contact(c.email(), c.phone(), c.url()),
                s.locations().stream().map(ServiceMapper::view).toList(),
                view(s.capacity()),
                s.version(),
                s.createdAt(),
                s.updatedAt());
    }

    static CapacityView view(Capacity c) {
        return new CapacityView(
                c.serviceId(),
                c.organizationId(),
                c.available(),
                c.maximum(),
                c.waitlist(),
                c.updatedAt(),
                c.version());
    }

    static NeedView view(Need need) {
        return new NeedView(need.code(), need.label(), need.description());
    }

    private static LocationCommand command(LocationInput in) {
        return new LocationCommand(
                in.name(),
                in.address1(),
                in.city(),
                in.stateProvince(),
                in.postalCode(),
                in.country(),
                in.latitude(),
                in.longitude(),
                Boolean.TRUE.equals(in.confidential()));
    }

    private static LocationView view(LocationDetails l) {
        return new LocationView(
                l.id(),
                l.name(),
                l.address1(),
                l.city(),
                l.stateProvince(),
                l.postalCode(),
                l.country(),
                l.latitude(),
                l.longitude(),
                l.confidential());
    }
}
