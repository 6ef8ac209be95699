package org.bridgeway.platform.messaging;

/**
 * A record that can never be applied: not a CloudEvent, unreadable data, or a payload missing what it must
 * carry. A decoder throws it (any {@link IllegalArgumentException} counts the same) and the record is
 * dead-lettered.
 */
public class PoisonMessage extends IllegalArgumentException {

    public PoisonMessage(String message) {
        super(message);
    }

    /** @throws PoisonMessage naming the field when {@code value} is null */
    public static void require(Object value, String field, String what) {
        if (value == null) {
            throw new PoisonMessage(what + " lacks " + field);
        }
    }
}
