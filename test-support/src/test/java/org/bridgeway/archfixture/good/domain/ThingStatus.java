package org.bridgeway.archfixture.good.domain;

public enum ThingStatus {
    OPEN,
    CLOSED
}
