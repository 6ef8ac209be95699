package org.bridgeway.screening.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.problem.Problem;
import org.bridgeway.screening.domain.scoring.InstrumentDefinition;
import org.bridgeway.screening.domain.scoring.InstrumentValidator;
import org.bridgeway.screening.domain.scoring.Violation;
import org.bridgeway.screening.store.Instrument;
import org.bridgeway.screening.store.InstrumentStore;

/**
 * Instruments are data: validated on the way in, immutable once a response used them, cached by
 * key and version because scoring reads them for every row.
 */
@ApplicationScoped
public class InstrumentCatalog {

    public static final String DEFAULT_INSTRUMENT = "/instruments/needs-survey-v1.json";

    private final InstrumentStore store;
    private final ObjectMapper json;
    private final Map<Instrument.Id, InstrumentDefinition> cache = new ConcurrentHashMap<>();

    InstrumentCatalog(InstrumentStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public record Summary(String key, int version, String title, boolean inUse, Instant createdAt) {}

    void seedDefault(@Observes StartupEvent event) {
        InstrumentDefinition definition = readDefault();
        QuarkusTransaction.requiringNew().run(() -> {
            if (store.find(definition.key(), definition.version()).isEmpty()) {
                store(definition, "bridgeway-default");
                Log.infof("seeded default instrument %s v%d", definition.key(), definition.version());
            }
        });
    }

    public InstrumentDefinition readDefault() {
        try (InputStream in = InstrumentCatalog.class.getResourceAsStream(DEFAULT_INSTRUMENT)) {
            return json.readValue(in, InstrumentDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("default instrument unreadable", e);
        }
    }

    @Transactional
    public Summary create(InstrumentDefinition definition, String actor) {
        validate(definition);
        if (store.find(definition.key(), definition.version()).isPresent()) {
            throw ApiException.conflict("Instrument " + definition.key() + " version " + definition.version()
                    + " already exists; publish a new version instead.");
        }
        return summary(store(definition, actor));
    }

    /** Replaces a version nobody has answered yet; a version in use is immutable. */
    @Transactional
    public Summary replace(String key, int version, InstrumentDefinition definition, String actor) {
        if (!key.equals(definition.key()) || !Integer.valueOf(version).equals(definition.version())) {
            throw ApiException.badRequest(
                    "The body names another instrument version than the path.",
                    List.of(
                            new Problem.FieldError("key", "must be " + key),
                            new Problem.FieldError("version", "must be " + version)));
        }
        validate(definition);
        Instrument existing = store.find(key, version).orElse(null);
        if (existing == null) {
            return summary(store(definition, actor));
        }
        if (store.inUse(key, version)) {
            throw ApiException.conflict("Instrument " + key + " version " + version
                    + " has responses scored against it and is immutable; publish version " + (version + 1) + ".");
        }
        existing.title = definition.title();
        existing.definition = write(definition);
        existing.createdBy = actor;
        cache.remove(existing.id);
        return summary(existing);
    }

    /** Every version, with whether it is in use, in one query. */
    @Transactional
    public List<Summary> list() {
        return store.list().stream()
                .map(i -> new Summary(i.key(), i.version(), i.title(), i.inUse(), i.createdAt()))
                .toList();
    }

    /** The definition of a version, from cache once read. */
    public Optional<InstrumentDefinition> find(String key, int version) {
        Instrument.Id id = new Instrument.Id(key, version);
        InstrumentDefinition cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<InstrumentDefinition> loaded = QuarkusTransaction.joiningExisting()
                .call(() -> store.find(key, version).map(r -> read(r.definition)));
        loaded.ifPresent(d -> cache.put(id, d));
        return loaded;
    }

    private void validate(InstrumentDefinition definition) {
        List<Violation> violations = InstrumentValidator.validate(definition);
        if (!violations.isEmpty()) {
            throw ApiException.badRequest(
                    "The instrument definition is invalid.",
                    violations.stream()
                            .map(v -> new Problem.FieldError(v.field(), v.message()))
                            .toList());
        }
    }

    private Instrument store(InstrumentDefinition definition, String actor) {
        Instrument record = new Instrument();
        record.id = new Instrument.Id(definition.key(), definition.version());
        record.title = definition.title();
        record.definition = write(definition);
        record.createdAt = Instant.now();
        record.createdBy = actor;
        store.add(record);
        return record;
    }

    /** A version just stored or replaced, which no response has used yet. */
    private static Summary summary(Instrument r) {
        return new Summary(r.id.key(), r.id.version(), r.title, false, r.createdAt);
    }

    private String write(InstrumentDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public InstrumentDefinition read(String definition) {
        try {
            return json.readValue(definition, InstrumentDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored instrument unreadable", e);
        }
    }
}
