package org.bridgeway.referral.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A board's referral settings. */
public final class BoardDtos {

    private BoardDtos() {}

    public record SettingsView(
            String boardId, String dispatch, boolean validationRequired, int slaBusinessDays, String region) {}

    /**
     * {@code dispatch} auto sends validated cases to their best candidates at once, manual (the default) waits for a
     * coordinator; {@code validationRequired} false lets auto dispatch work a flagged case on its suggested tier;
     * {@code slaBusinessDays} is how long a partner has to answer; {@code region} the board's service-area code.
     */
    public record SettingsInput(
            @NotNull @Pattern(regexp = "auto|manual", message = "must be auto or manual")
            String dispatch,

            @NotNull Boolean validationRequired,
            @NotNull @Min(1) @Max(30) Integer slaBusinessDays,
            @Size(max = 100) String region) {}
}
