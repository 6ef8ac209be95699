package org.bridgeway.partner.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the directory's services. */
public final class ServiceDtos {

    static final String STATUS = "active|inactive|temporarily-closed";
    static final String WAITLIST = "none|under-1-month|1-3-months|over-3-months";
    static final String URL = "https?://\\S{1,490}";

    private ServiceDtos() {}

    public record Contact(
            @Email @Size(max = 200) String email,

            @Pattern(regexp = "[+0-9 ()./-]{3,40}", message = "must be a phone number")
            String phone,

            @Pattern(regexp = URL, message = "must be an http(s) URL")
            String url) {}

    public record LocationInput(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String address1,
            @Size(max = 100) String city,
            @Size(max = 100) String stateProvince,
            @Size(max = 20) String postalCode,

            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as CA")
            String country,

            @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
            Boolean confidential) {}

    public record CapacityInput(
            @NotNull @Min(0) @Max(100_000) Integer available,
            @NotNull @Min(0) @Max(100_000) Integer maximum,

            @NotNull @Pattern(regexp = WAITLIST, message = "must be none, under-1-month, 1-3-months or over-3-months")
            String waitlist) {}

    public record ServiceInput(
            @NotNull UUID organizationId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> needs,
            @Min(0) @Max(30) Integer minAge,
            @Min(0) @Max(30) Integer maxAge,
            @Min(0) @Max(12) Integer minGrade,
            @Min(0) @Max(12) Integer maxGrade,
            @Size(max = 2000) String eligibility,
            @Size(max = 20) List<@NotBlank @Size(max = 3) String> languages,
            @Size(max = 200) List<@NotBlank @Size(max = 64) String> serviceAreas,

            @NotNull @Pattern(regexp = STATUS, message = "must be active, inactive or temporarily-closed")
            String status,

            @Valid Contact contact,
            @Size(max = 20) List<@NotNull @Valid LocationInput> locations,
            @Valid CapacityInput capacity) {}

    public record LocationView(
            UUID id,
            String name,
            String address1,
            String city,
            String stateProvince,
            String postalCode,
            String country,
            BigDecimal latitude,
            BigDecimal longitude,
            boolean confidential) {}

    public record CapacityView(
            UUID serviceId,
            UUID organizationId,
            Integer available,
            Integer maximum,
            String waitlist,
            Instant updatedAt,
            long version) {}

    public record ServiceView(
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
            List<LocationView> locations,
            CapacityView capacity,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    public record NeedView(String code, String label, String description) {}
}
