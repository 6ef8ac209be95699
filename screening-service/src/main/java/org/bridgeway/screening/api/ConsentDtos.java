package org.bridgeway.screening.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bridgeway.platform.validation.RecordDate;

public final class ConsentDtos {

    private ConsentDtos() {}

    public record ConsentInput(
            @NotNull
            @Pattern(
                    regexp = "granted|refused|withdrawn|unknown",
                    message = "must be granted, refused, withdrawn or unknown")
            String status,

            @Pattern(regexp = "student|guardian", message = "must be student or guardian")
            String givenBy,

            @Size(max = 10)
            List<
                            @Pattern(
                                    regexp = "screening|referral|identity|contact",
                                    message = "must be screening, referral, identity or contact")
                            String>
                    scope,

            @RecordDate LocalDate givenOn) {}

    public record ConsentView(
            String studentRef,
            String status,
            String givenBy,
            List<String> scope,
            LocalDate givenOn,
            Instant recordedAt,
            String recordedBy) {}
}
