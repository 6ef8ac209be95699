package org.bridgeway.screening.domain.oneroster;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A spooled OneRoster package, opened without ever extracting it to disk. Guards: at most {@code maxEntries}
 * entries, every one a plain file at the top of the archive (no folder, no '..', no absolute path), and every
 * byte read from it counted, so the files together never inflate past {@code maxUncompressedBytes} whatever
 * sizes the archive declares (a zip bomb stops at the bound).
 */
public final class OneRosterZip implements Closeable {

    /** The file names OneRoster 1.2's CSV binding defines; any other entry is refused. */
    static final Set<String> KNOWN_FILES = Set.of(
            "manifest",
            "academicSessions",
            "categories",
            "classes",
            "classResources",
            "courses",
            "courseResources",
            "demographics",
            "enrollments",
            "lineItemLearningObjectiveIds",
            "lineItems",
            "lineItemScoreScales",
            "orgs",
            "resources",
            "resultLearningObjectiveIds",
            "results",
            "resultScoreScales",
            "roles",
            "scoreScales",
            "userProfiles",
            "userResources",
            "users");

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The bounds a package must keep. */
    public record Limits(long maxUncompressedBytes, int maxEntries) {}

    private final ZipFile zip;
    private final Limits limits;
    private final Map<String, ZipEntry> files = new HashMap<>();
    private long inflated;

    private OneRosterZip(ZipFile zip, Limits limits) {
        this.zip = zip;
        this.limits = limits;
    }

    /** Opens and checks the entry list; @throws MalformedPackageException when the package breaks a rule */
    public static OneRosterZip open(Path spool, Limits limits) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(spool.toFile());
        } catch (ZipException e) {
            throw new MalformedPackageException("body", "must be a zip archive (a OneRoster 1.2 CSV package)");
        }
        OneRosterZip opened = new OneRosterZip(zip, limits);
        try {
            opened.index();
            return opened;
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private void index() throws IOException {
        if (zip.size() > limits.maxEntries()) {
            throw MalformedPackageException.tooLarge(
                    "body", "a package may hold at most " + limits.maxEntries() + " files");
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (entry.isDirectory() || name.contains("/") || name.contains("\\") || name.contains("..")) {
                throw new MalformedPackageException(
                        "zip entry", "every file must be at the top of the package: no folders, no '..', no paths");
            }
            String field = SAFE_NAME.matcher(name).matches() ? name : "zip entry";
            if (!name.endsWith(".csv") || !KNOWN_FILES.contains(name.substring(0, name.length() - 4))) {
                throw new MalformedPackageException(field, "is not a file of the OneRoster 1.2 CSV binding");
            }
            files.put(name.substring(0, name.length() - 4), entry);
        }
    }

    /** Whether the package holds {@code <file>.csv}. */
    public boolean has(String file) {
        return files.containsKey(file);
    }

    /** The names (without .csv) of the files the package holds. */
    public Set<String> fileNames() {
        return Set.copyOf(files.keySet());
    }

    /** Streams {@code <file>.csv}; reading past the package's bound throws. */
    public InputStream open(String file) throws IOException {
        ZipEntry entry = files.get(file);
        if (entry == null) {
            throw new MalformedPackageException(file + ".csv", "is missing from the package");
        }
        try {
            return new Counted(zip.getInputStream(entry), file + ".csv");
        } catch (ZipException e) {
            throw new MalformedPackageException(file + ".csv", "cannot be read from the zip archive");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Counts inflated bytes against the package's bound, as they are read. */
    private final class Counted extends FilterInputStream {
        private final String field;

        Counted(InputStream in, String field) {
            super(in);
            this.field = field;
        }

        @Override
        public int read() throws IOException {
            int b = inflate(() -> super.read());
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = inflate(() -> super.read(buffer, offset, length));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private int inflate(IoRead read) throws IOException {
            try {
                return read.read();
            } catch (ZipException e) {
                throw new MalformedPackageException(field, "cannot be read from the zip archive");
            }
        }

        private void count(int bytes) throws MalformedPackageException {
            inflated += bytes;
            if (inflated > limits.maxUncompressedBytes()) {
                throw MalformedPackageException.tooLarge(
                        field,
                        "the package inflates past " + limits.maxUncompressedBytes()
                                + " bytes; send the roster in smaller packages");
            }
        }
    }

    @FunctionalInterface
    private interface IoRead {
        int read() throws IOException;
    }
}
