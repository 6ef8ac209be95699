package org.bridgeway.system;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the whole-loop tests did, across their classes, for the summary line at the end of each:
 * scenarios, requests, faults injected, events counted end to end, contract violations, lost and
 * duplicated (always asserted 0 before they are added here).
 */
final class Ledger {

    static final AtomicInteger SCENARIOS = new AtomicInteger();
    static final AtomicLong REQUESTS = new AtomicLong();
    static final AtomicInteger FAULTS = new AtomicInteger();
    static final AtomicLong EVENTS = new AtomicLong();
    static final AtomicLong VIOLATIONS = new AtomicLong();
    static final AtomicLong LOST = new AtomicLong();
    static final AtomicLong DUPLICATED = new AtomicLong();

    private Ledger() {}

    /** Adds one class's contract result and prints the running summary line. */
    static void close(String what, Contract contract, int violations) {
        REQUESTS.addAndGet(contract.requests());
        VIOLATIONS.addAndGet(violations);
        System.out.printf(
                "system-tests summary (after %s): scenarios %d, requests %d, faults injected %d, events counted %d, "
                        + "contract violations %d, lost = %d, duplicated = %d%n",
                what,
                SCENARIOS.get(),
                REQUESTS.get(),
                FAULTS.get(),
                EVENTS.get(),
                VIOLATIONS.get(),
                LOST.get(),
                DUPLICATED.get());
    }
}
