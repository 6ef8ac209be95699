package org.bridgeway.referral.domain;

import org.bridgeway.platform.security.Caller;

/** Who made a change, as the timeline and audit log record it. */
public record Actor(String subject, String role) {

    /** The SLA clock and automatic dispatch act as the service itself. */
    public static final Actor SYSTEM = new Actor("referral-service", "system");

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.primaryRole());
    }
}
