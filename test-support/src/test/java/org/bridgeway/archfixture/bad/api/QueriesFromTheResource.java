package org.bridgeway.archfixture.bad.api;

import java.sql.Connection;

public class QueriesFromTheResource {
    Connection connection;
}
