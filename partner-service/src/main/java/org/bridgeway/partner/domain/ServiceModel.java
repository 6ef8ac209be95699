package org.bridgeway.partner.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The directory's service: what a use case is asked to do with one, and what it answers. */
public final class ServiceModel {

    private ServiceModel() {}

    public record Contact(String email, String phone, String url) {}

    public record LocationCommand(
            String name,
            String address1,
            String city,
            String stateProvince,
            String postalCode,
            String country,
            BigDecimal latitude,
            BigDecimal longitude,
            boolean confidential) {}

    public record CapacityCommand(int available, int maximum, String waitlist) {}

    /** Create or replace a service's directory entry; {@code capacity} null keeps what is there. */
    public record ServiceCommand(
            UUID organizationId,
            String name,
            String description,
            List<String> needs,
            Integer minAge,
            Integer maxAge,
            Integer minGrade,
            Integer maxGrade,
            String eligibility,
            List<String> languages,
            List<String> serviceAreas,
            String status,
            Contact contact,
            List<LocationCommand> locations,
            CapacityCommand capacity) {}

    /** {@code address1}, {@code postalCode} and the coordinates are null when the caller may not see them. */
    public record LocationDetails(
            UUID id,
            String name,
            String address1,
            String city,
            String stateProvince,
            String postalCode,
            String country,
            BigDecimal latitude,
            BigDecimal longitude,
            boolean confidential) {

        /** What a non-admin may see of a confidential location: its name and where, roughly, it is. */
        public LocationDetails redacted() {
            return new LocationDetails(id, name, null, city, stateProvince, null, country, null, null, true);
        }
    }

    public record Capacity(
            UUID serviceId,
            UUID organizationId,
            Integer available,
            Integer maximum,
            String waitlist,
            Instant updatedAt,
            long version) {}

    public record ServiceDetails(
            UUID id,
            UUID organizationId,
            String organizationName,
            String name,
            String description,
            List<String> needs,
            Integer minAge,
            Integer maxAge,
            Integer minGrade,
            Integer maxGrade,
            String eligibility,
            List<String> languages,
            List<String> serviceAreas,
            String status,
            Contact contact,
            List<LocationDetails> locations,
            Capacity capacity,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    /** Search filters; empty lists and nulls do not filter. */
    public record SearchCriteria(
            List<String> needs,
            boolean allNeeds,
            List<String> areas,
            Integer age,
            Integer grade,
            List<String> languages,
            boolean withCapacity,
            String status,
            String text) {}
}
