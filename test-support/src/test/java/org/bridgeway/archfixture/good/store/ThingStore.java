package org.bridgeway.archfixture.good.store;

import java.sql.Connection;
import org.bridgeway.archfixture.good.domain.ThingStatus;

public class ThingStore {
    Connection connection;

    public ThingStatus status() {
        return connection == null ? ThingStatus.CLOSED : ThingStatus.OPEN;
    }
}
