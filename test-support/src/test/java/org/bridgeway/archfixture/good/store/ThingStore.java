package org.bridgeway.archfixture.good.store;

import org.bridgeway.archfixture.good.domain.ThingStatus;

import java.sql.Connection;

public class ThingStore {
    Connection connection;

    public ThingStatus status() {
        return connection == null ? ThingStatus.CLOSED : ThingStatus.OPEN;
    }
}
