package org.bridgeway.referral.api.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;
import org.bridgeway.referral.domain.ReferralViews;

/**
 * The search parameters of {@code GET Task} read into the domain's listing, with FHIR's names and
 * semantics: {@code owner} a partner {@code Organization}; {@code status} Task codes, comma-separated for
 * any of them ({@code cancelled} also finds expired referrals); {@code _lastUpdated} with the prefixes
 * {@code gt ge lt le} on an instant with its offset or on a whole day (UTC); {@code _count} and {@code page}
 * (from 0). Every refusal is a 400 naming the parameter.
 */
record TaskSearch(UUID owner, Set<String> statuses, Bound after, Bound before, PageRequest page) {

    /** One end of the window on the last change. */
    record Bound(Instant at, boolean inclusive) {}

    static final int DEFAULT_COUNT = 50;

    private static final Pattern OWNER = Pattern.compile("(?:Organization/)?([0-9a-fA-F-]{36})");
    private static final Pattern LAST_UPDATED = Pattern.compile("(gt|ge|lt|le)(.+)");

    /** FHIR Task codes and the referral states each stands for; codes a referral never takes match none. */
    private static final Map<String, Set<String>> STATES_BY_TASK_STATUS = Map.ofEntries(
            Map.entry("requested", Set.of("requested")),
            Map.entry("accepted", Set.of("accepted")),
            Map.entry("rejected", Set.of("rejected")),
            Map.entry("in-progress", Set.of("in-progress")),
            Map.entry("on-hold", Set.of("on-hold")),
            Map.entry("completed", Set.of("completed")),
            Map.entry("cancelled", Set.of("cancelled", "expired")),
            Map.entry("failed", Set.of("failed")),
            Map.entry("draft", Set.of()),
            Map.entry("received", Set.of()),
            Map.entry("ready", Set.of()),
            Map.entry("entered-in-error", Set.of()));

    static TaskSearch parse(String owner, String status, List<String> lastUpdated, Integer count, Integer page) {
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID ownerId = owner(owner, errors);
        Set<String> statuses = statuses(status, errors);
        Bound[] window = window(lastUpdated, errors);
        int size = count == null ? DEFAULT_COUNT : count;
        if (size < 1 || size > Page.MAX_SIZE) {
            errors.add(new Problem.FieldError("_count", "must be between 1 and " + Page.MAX_SIZE));
        }
        int from = page == null ? 0 : page;
        if (from < 0 || from > PageRequest.MAX_PAGE) {
            errors.add(new Problem.FieldError("page", "must be between 0 and " + PageRequest.MAX_PAGE));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Invalid search parameters.", errors);
        }
        return new TaskSearch(ownerId, statuses, window[0], window[1], new PageRequest(from, size));
    }

    ReferralViews.Changes changes() {
        return new ReferralViews.Changes(
                owner,
                statuses,
                after == null ? null : after.at(),
                after != null && after.inclusive(),
                before == null ? null : before.at(),
                before != null && before.inclusive());
    }

    /** The lower and the upper bound (either may be null) from the {@code _lastUpdated} values. */
    private static Bound[] window(List<String> lastUpdated, List<Problem.FieldError> errors) {
        Bound[] window = new Bound[2];
        for (String value : lastUpdated == null ? List.<String>of() : lastUpdated) {
            Matcher m = LAST_UPDATED.matcher(value.trim());
            Instant[] day = m.matches() ? dayOrInstant(m.group(2)) : null;
            if (day == null) {
                errors.add(new Problem.FieldError(
                        "_lastUpdated",
                        "must be gt, ge, lt or le followed by an instant with its offset"
                                + " (2026-11-29T10:00:00Z) or a date (2026-11-29)"));
                continue;
            }
            int end = m.group(1).startsWith("g") ? 0 : 1;
            if (window[end] != null) {
                errors.add(new Problem.FieldError("_lastUpdated", "takes at most one lower and one upper bound"));
                continue;
            }
            // a date covers its whole day: after it starts the next day, up to it ends the day
            window[end] = switch (m.group(1)) {
                case "gt" -> day.length == 2 ? new Bound(day[1], true) : new Bound(day[0], false);
                case "ge" -> new Bound(day[0], true);
                case "lt" -> new Bound(day[0], false);
                default -> day.length == 2 ? new Bound(day[1], false) : new Bound(day[0], true);
            };
        }
        return window;
    }

    private static UUID owner(String owner, List<Problem.FieldError> errors) {
        if (owner == null || owner.isBlank()) {
            return null;
        }
        Matcher m = OWNER.matcher(owner.trim());
        try {
            if (m.matches()) {
                return UUID.fromString(m.group(1));
            }
        } catch (IllegalArgumentException notAUuid) {
            // answered below like any other malformed owner
        }
        errors.add(new Problem.FieldError("owner", "must be Organization/<partner organization id>"));
        return null;
    }

    private static Set<String> statuses(String status, List<Problem.FieldError> errors) {
        if (status == null || status.isBlank()) {
            return null;
        }
        Set<String> states = new HashSet<>();
        for (String code : status.split(",")) {
            Set<String> mapped = STATES_BY_TASK_STATUS.get(code.trim());
            if (mapped == null) {
                errors.add(new Problem.FieldError("status", "must be FHIR Task status codes, comma-separated"));
                return null;
            }
            states.addAll(mapped);
        }
        return Set.copyOf(states);
    }

    /**
     * {@code [start of day, start of next day]} for a date, {@code [instant]} for an instant; null when it is
     * neither. A {@code +} of the offset arrives as a space when the client did not encode it: put back.
     */
    private static Instant[] dayOrInstant(String text) {
        String value = text.replace(' ', '+');
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return new Instant[] {
                    day.atStartOfDay().toInstant(ZoneOffset.UTC),
                    day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                };
            }
            return new Instant[] {OffsetDateTime.parse(value).toInstant()};
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
