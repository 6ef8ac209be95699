package org.bridgeway.screening.domain;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

/**
 * Uploads wait on disk while a batch is counted and worked through. A spool file lives exactly as long
 * as its batch: deleted when the batch is refused, when it is done, and, for a process that died
 * mid-batch, swept at the next start (a restart fails unfinished batches, so their files are useless).
 */
@ApplicationScoped
public class BatchSpool {

    static final String PREFIX = "bridgeway-batch-";
    /** Another screening process on the same host may be working through a recent file; older ones are orphans. */
    static final Duration STALE = Duration.ofHours(1);

    private final Path directory = Path.of(System.getProperty("java.io.tmpdir"));

    void sweepAtStart(@Observes StartupEvent event) {
        sweepStale(Instant.now().minus(STALE));
    }

    /** Deletes spool files last written before {@code cutoff}; @return how many */
    public int sweepStale(Instant cutoff) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && delete(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            Log.warnf("cannot sweep spool files in %s: %s", directory, e.getMessage());
        }
        return deleted;
    }

    /** Copies the upload to a new spool file; nothing is left behind when the copy fails. */
    Path write(InputStream body, String format) throws IOException {
        Path spool = Files.createTempFile(directory, PREFIX, "." + format);
        try {
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
            return spool;
        } catch (IOException | RuntimeException e) {
            delete(spool);
            throw e;
        }
    }

    static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.warnf("cannot delete spool file %s", file);
            return false;
        }
    }
}
