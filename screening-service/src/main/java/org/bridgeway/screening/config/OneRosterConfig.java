package org.bridgeway.screening.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of a OneRoster package upload (the compressed upload itself is bounded by the HTTP body limit). */
@ConfigMapping(prefix = "bridgeway.oneroster")
public interface OneRosterConfig {

    /** What all files of a package may inflate to together; reading stops at this bound (zip bombs). */
    @WithDefault("256M")
    MemorySize maxUncompressedSize();

    /** How many files a package may hold (OneRoster 1.2 defines 22 plus the manifest). */
    @WithDefault("32")
    int maxEntries();

    /** users.csv rows per transaction while an import is worked through. */
    @WithDefault("500")
    int chunkSize();
}
