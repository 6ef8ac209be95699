package org.bridgeway.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/** A module's own application.properties. */
final class ApplicationConfig {

    private ApplicationConfig() {}

    static Properties of(String module) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repo.read(module + "/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
