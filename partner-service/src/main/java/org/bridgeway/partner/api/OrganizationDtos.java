package org.bridgeway.partner.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the directory's organizations. */
public final class OrganizationDtos {

    private OrganizationDtos() {}

    /** {@code id} only on creation, to keep the id an organization has in another directory. */
    public record OrganizationInput(
            UUID id,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @Email @Size(max = 200) String email,

            @Pattern(regexp = ServiceDtos.URL, message = "must be an http(s) URL")
            String website,

            @Pattern(regexp = "[+0-9 ()./-]{3,40}", message = "must be a phone number")
            String phone) {}

    public record ServiceSummary(UUID id, String name, List<String> needs, String status, Integer available) {}

    public record OrganizationView(
            UUID id,
            String name,
            String description,
            String email,
            String website,
            String phone,
            Instant createdAt,
            Instant updatedAt,
            List<ServiceSummary> services) {}
}
