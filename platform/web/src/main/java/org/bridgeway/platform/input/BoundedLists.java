package org.bridgeway.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list property with {@code @Size(max = n)} is counted while it is parsed: element n+1 ends the
 * request with a 400 naming the list, before the rest of a 64 MiB upload is turned into objects.
 * Bean validation would only see the size after the whole list sat in memory.
 */
final class BoundedLists extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(
            DeserializationConfig config,
            CollectionType type,
            BeanDescription description,
            JsonDeserializer<?> deserializer) {
        return type.getRawClass().isAssignableFrom(ArrayList.class)
                ? new Bounded(deserializer, type, Integer.MAX_VALUE, null)
                : deserializer;
    }

    static final class Bounded extends StdDeserializer<Object>
            implements ContextualDeserializer, ResolvableDeserializer {
        private final JsonDeserializer<?> delegate;
        private final JavaType type;
        private final int max;
        private final JsonDeserializer<Object> element;

        Bounded(JsonDeserializer<?> delegate, JavaType type, int max, JsonDeserializer<Object> element) {
            super(type);
            this.delegate = delegate;
            this.type = type;
            this.max = max;
            this.element = element;
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            if (delegate instanceof ResolvableDeserializer resolvable) {
                resolvable.resolve(ctxt);
            }
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual =
                    delegate instanceof ContextualDeserializer c ? c.createContextual(ctxt, property) : delegate;
            Size size = property == null ? null : property.getAnnotation(Size.class);
            if (size == null || size.max() == Integer.MAX_VALUE) {
                return contextual;
            }
            return new Bounded(
                    contextual,
                    type,
                    size.max(),
                    ctxt.findContextualValueDeserializer(type.getContentType(), property));
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            if (element == null || !parser.isExpectedStartArrayToken()) {
                return delegate.deserialize(parser, ctxt);
            }
            List<Object> list = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (list.size() == max) {
                    throw new RefusedValue(parser, "must have at most " + max + " items", List.class);
                }
                try {
                    list.add(token == JsonToken.VALUE_NULL ? null : element.deserialize(parser, ctxt));
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, list, list.size());
                }
            }
            return list;
        }
    }
}
