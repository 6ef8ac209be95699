package org.bridgeway.platform.input;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Drops a UTF-8 byte-order mark at the start of any request body (what Excel writes before a CSV),
 * so the first column is {@code studentRef}, not {@code \ufeffstudentRef}, in CSV and JSON alike.
 */
@Provider
public class ByteOrderMarks implements ReaderInterceptor {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(withoutBom(context.getInputStream()));
        return context.proceed();
    }

    public static InputStream withoutBom(InputStream in) throws IOException {
        PushbackInputStream stream = new PushbackInputStream(in, BOM.length);
        byte[] head = stream.readNBytes(BOM.length);
        boolean bom = head.length == BOM.length && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2];
        if (!bom && head.length > 0) {
            stream.unread(head);
        }
        return stream;
    }
}
