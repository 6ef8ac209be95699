package org.bridgeway.referral.messaging;

/** A record that can never be applied: not a CloudEvent, unreadable data, or a payload missing what it must carry. */
public class PoisonMessage extends IllegalArgumentException {

    public PoisonMessage(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonMessage(String message) {
        super(message);
    }
}
