package org.bridgeway.screening.domain;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * At most {@code limit} chunks of one batch at work at once: the reader waits for a free slot before it
 * hands out the next chunk, so a large batch never queues more than that in memory. The first failure
 * stops the hand-out and is rethrown to the reader.
 */
final class ChunksInFlight {

    private final Semaphore slots;
    private final int limit;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    ChunksInFlight(int limit) {
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    /** Runs the chunk on the executor once a slot is free; throws the failure of an earlier chunk, if any. */
    void submit(Executor executor, Runnable chunk) throws InterruptedException {
        slots.acquire();
        RuntimeException failed = failure.get();
        if (failed != null) {
            slots.release();
            throw failed;
        }
        executor.execute(() -> {
            try {
                chunk.run();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits until every chunk handed out has finished; throws the first failure. */
    void awaitAll() throws InterruptedException {
        slots.acquire(limit);
        slots.release(limit);
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }
}
