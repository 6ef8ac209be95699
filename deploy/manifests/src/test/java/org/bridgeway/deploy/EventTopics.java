package org.bridgeway.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.bridgeway.events.Topics;

/** The topics the event contracts define, and the ones the services' consumers are configured with. */
final class EventTopics {

    private EventTopics() {}

    static Set<String> contracts() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return topics;
    }

    static Set<String> withDeadLetters() {
        Set<String> topics = new TreeSet<>(contracts());
        contracts().forEach(t -> topics.add(Topics.deadLetter(t)));
        return topics;
    }

    /**
     * Every topic the services' consumers read and their dead-letter topics. Outgoing channels are left
     * out: a dead-letter channel may set its topic per record, leaving a placeholder in the configuration.
     */
    static Set<String> consumedByServices() {
        Set<String> topics = new TreeSet<>();
        for (String module : Repo.deployables()) {
            Properties properties = ApplicationConfig.of(module);
            properties.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".topic"))
                    .forEach(k -> topics.add(properties.getProperty(k)));
        }
        return topics;
    }
}
