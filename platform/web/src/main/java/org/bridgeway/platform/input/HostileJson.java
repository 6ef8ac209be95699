package org.bridgeway.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * The JSON every Bridgeway API reads, hardened once for every service: no float silently truncated
 * to an integer, no control character (NUL above all, which PostgreSQL refuses) in any string or map
 * key, and no date outside {@value #FIRST_YEAR}–{@value #LAST_YEAR} (PostgreSQL stores year −10000 as
 * {@code -infinity}). Each refusal is a mapping error on the field, which the problem mappers turn
 * into a 400 naming it. Lists with {@code @Size(max)} are counted while parsed ({@link BoundedLists}).
 * Field-specific ranges (birth dates, survey dates) are bean-validation
 * constraints in {@code org.bridgeway.platform.validation}.
 */
@Singleton
public class HostileJson implements ObjectMapperCustomizer {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // after Quarkus registered the java.time module, so these wrappers win
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        SimpleModule module = new SimpleModule("bridgeway-hostile-json");
        module.addDeserializer(String.class, new CleanString());
        module.addKeyDeserializer(String.class, new CleanKey());
        module.addDeserializer(
                LocalDate.class, new Plausible<>(LocalDate.class, LocalDateDeserializer.INSTANCE, LocalDate::getYear));
        module.addDeserializer(
                LocalDateTime.class,
                new Plausible<>(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE, LocalDateTime::getYear));
        module.addDeserializer(
                Instant.class,
                new Plausible<>(
                        Instant.class,
                        InstantDeserializer.INSTANT,
                        instant -> instant.atOffset(ZoneOffset.UTC).getYear()));
        module.addDeserializer(
                OffsetDateTime.class,
                new Plausible<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime::getYear));
        module.setDeserializerModifier(new BoundedLists());
        mapper.registerModule(module);
    }

    static final class CleanString extends StdDeserializer<String> {
        CleanString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            String text =
                    com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(parser, ctxt);
            if (text != null && HostileText.hasControlCharacter(text)) {
                throw new RefusedValue(parser, Refusals.CONTROL_CHARACTERS, String.class);
            }
            return text;
        }
    }

    static final class CleanKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (HostileText.hasControlCharacter(key)) {
                throw new RefusedValue(ctxt.getParser(), Refusals.CONTROL_CHARACTERS, String.class);
            }
            return key;
        }
    }

    static final class Plausible<T> extends StdDeserializer<T> {
        private final JsonDeserializer<T> delegate;
        private final Function<T, Integer> year;

        Plausible(Class<T> type, JsonDeserializer<T> delegate, Function<T, Integer> year) {
            super(type);
            this.delegate = delegate;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            T value = delegate.deserialize(parser, ctxt);
            if (value != null && (year.apply(value) < FIRST_YEAR || year.apply(value) > LAST_YEAR)) {
                throw new RefusedValue(parser, Refusals.IMPLAUSIBLE_DATE, handledType());
            }
            return value;
        }
    }
}
