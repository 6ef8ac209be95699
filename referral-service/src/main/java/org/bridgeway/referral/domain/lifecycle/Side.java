package org.bridgeway.referral.domain.lifecycle;

/**
 * Who moves a referral: the requester (the board's coordinator, the student's school staff), the
 * performer (the partner organization it is addressed to), or the system (the SLA clock).
 */
public enum Side {
    REQUESTER,
    PERFORMER,
    SYSTEM
}
