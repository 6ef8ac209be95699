package org.bridgeway.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An in-process OTLP/HTTP trace receiver for tests: the services export their spans here
 * ({@code http/protobuf} to {@code /v1/traces}), and the test reads what arrived. It decodes only the
 * fields it reports, straight from the protobuf wire format (ExportTraceServiceRequest → ResourceSpans
 * → Resource.attributes[service.name], ScopeSpans → Span), so no generated classes are needed.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span. Kind follows OTLP: 2 server, 3 client, 4 producer, 5 consumer. */
    record Span(String service, String name, String traceId, String spanId, String parentSpanId, int kind) {}

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream raw = exchange.getRequestBody();
                    InputStream body =
                            "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                                    ? new GZIPInputStream(raw)
                                    : raw) {
                spans.addAll(decode(body.readAllBytes()));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<Span> decode(byte[] request) {
        List<Span> out = new ArrayList<>();
        for (ByteBuffer resourceSpans : fields(ByteBuffer.wrap(request), 1)) {
            String service = "";
            for (ByteBuffer resource : fields(resourceSpans.duplicate(), 1)) {
                for (ByteBuffer attribute : fields(resource, 1)) {
                    String key = text(first(attribute.duplicate(), 1));
                    ByteBuffer value = first(attribute.duplicate(), 2);
                    if ("service.name".equals(key) && value != null) {
                        service = text(first(value, 1));
                    }
                }
            }
            for (ByteBuffer scopeSpans : fields(resourceSpans.duplicate(), 2)) {
                for (ByteBuffer span : fields(scopeSpans, 2)) {
                    out.add(new Span(
                            service,
                            text(first(span.duplicate(), 5)),
                            hex(first(span.duplicate(), 1)),
                            hex(first(span.duplicate(), 2)),
                            hex(first(span.duplicate(), 4)),
                            (int) varintField(span.duplicate(), 6)));
                }
            }
        }
        return out;
    }

    /** The length-delimited fields with this number. */
    private static List<ByteBuffer> fields(ByteBuffer message, int number) {
        List<ByteBuffer> found = new ArrayList<>();
        while (message.hasRemaining()) {
            long tag = varint(message);
            int wireType = (int) (tag & 7);
            if (wireType == 2) {
                int length = (int) varint(message);
                ByteBuffer value = message.slice(message.position(), length);
                message.position(message.position() + length);
                if (tag >>> 3 == number) {
                    found.add(value);
                }
            } else {
                skip(message, wireType);
            }
        }
        return found;
    }

    private static ByteBuffer first(ByteBuffer message, int number) {
        List<ByteBuffer> found = fields(message, number);
        return found.isEmpty() ? null : found.get(0);
    }

    private static long varintField(ByteBuffer message, int number) {
        while (message.hasRemaining()) {
            long tag = varint(message);
            int wireType = (int) (tag & 7);
            if (wireType == 0 && tag >>> 3 == number) {
                return varint(message);
            }
            if (wireType == 2) {
                int length = (int) varint(message);
                message.position(message.position() + length);
            } else {
                skip(message, wireType);
            }
        }
        return 0;
    }

    private static void skip(ByteBuffer message, int wireType) {
        switch (wireType) {
            case 0 -> varint(message);
            case 1 -> message.position(message.position() + 8);
            case 5 -> message.position(message.position() + 4);
            default -> throw new IllegalArgumentException("unexpected protobuf wire type " + wireType);
        }
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    private static String text(ByteBuffer bytes) {
        return bytes == null
                ? ""
                : StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
    }

    private static String hex(ByteBuffer bytes) {
        if (bytes == null) {
            return "";
        }
        byte[] raw = new byte[bytes.remaining()];
        bytes.duplicate().get(raw);
        return HexFormat.of().formatHex(raw);
    }
}
