package org.bridgeway.referral.store;

import java.sql.SQLException;

/** A database failure, with the SQLException kept as the cause so callers can tell transient from permanent. */
public class StoreException extends RuntimeException {

    public StoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
