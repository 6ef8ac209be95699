package org.bridgeway.partner.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.partner.domain.ServiceModel.ServiceDetails;

/** The directory's organization: commands and answers of {@link OrganizationDirectory}. */
public final class OrganizationModel {

    private OrganizationModel() {}

    /** {@code id} null lets the directory choose one; an importer may keep the id the organization has elsewhere. */
    public record OrganizationCommand(
            UUID id, String name, String description, String email, String website, String phone) {}

    public record OrganizationDetails(
            UUID id,
            String name,
            String description,
            String email,
            String website,
            String phone,
            Instant createdAt,
            Instant updatedAt,
            List<ServiceDetails> services) {}
}
