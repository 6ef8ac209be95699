package org.bridgeway.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON value refused by our own rules; its message is written for the client (one of {@link Refusals}). */
public final class RefusedValue extends InvalidFormatException {

    public RefusedValue(JsonParser parser, String message, Class<?> targetType) {
        super(parser, message, null, targetType);
    }
}
