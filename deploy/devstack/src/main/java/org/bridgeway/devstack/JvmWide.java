package org.bridgeway.devstack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Instances shared by everything in one JVM, whichever class loader asks: Quarkus tests load their classes in
 * a fresh class loader per application start, so a plain static would start a second database. Works because
 * this artifact is loaded parent-first in tests (the parent pom's surefire settings).
 */
public final class JvmWide {

    private static final Map<String, Object> INSTANCES = new ConcurrentHashMap<>();

    private JvmWide() {}

    /** The instance under {@code key}, created by {@code create} on first use (once, even under concurrent calls). */
    public static <T> T instance(String key, Class<T> type, Supplier<T> create) {
        return type.cast(INSTANCES.computeIfAbsent(key, k -> create.get()));
    }
}
