package org.bridgeway.screening.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunksInFlightTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(6);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void neverMoreThanTheLimitAtOnceAndAllDoneWhenAwaited() throws Exception {
        ChunksInFlight inFlight = new ChunksInFlight(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            inFlight.submit(pool, () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(5);
                running.decrementAndGet();
                done.incrementAndGet();
            });
        }
        inFlight.awaitAll();
        assertEquals(20, done.get());
        assertTrue(mostAtOnce.get() <= 2, "at most two chunks at work, saw " + mostAtOnce.get());
        assertEquals(2, mostAtOnce.get(), "chunks do overlap");
    }

    @Test
    void aFailedChunkStopsTheHandOutAndReachesTheReader() throws Exception {
        ChunksInFlight inFlight = new ChunksInFlight(1);
        IllegalStateException broken = new IllegalStateException("chunk 2 failed");
        AtomicInteger ran = new AtomicInteger();
        inFlight.submit(pool, ran::incrementAndGet);
        inFlight.submit(pool, () -> {
            throw broken;
        });
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            for (int i = 0; i < 5; i++) {
                inFlight.submit(pool, ran::incrementAndGet);
            }
            inFlight.awaitAll();
        });
        assertSame(broken, thrown);
        assertEquals(1, ran.get(), "nothing is handed out after the failure");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
