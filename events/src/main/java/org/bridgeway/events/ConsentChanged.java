package org.bridgeway.events;

import java.time.Instant;
import java.util.List;

/** A student's consent changed: {@code granted | refused | withdrawn | unknown}. */
public record ConsentChanged(
        String studentRef, String boardId, String status, String givenBy, List<String> scope, Instant changedAt) {}
