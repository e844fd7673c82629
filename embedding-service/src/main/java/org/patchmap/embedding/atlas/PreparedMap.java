package org.patchmap.embedding.atlas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The current map as it is served: its table, and its Arrow form ({@link MapArrow}) as bytes, plain and
 * gzip-compressed, made once per map version and placements so that a request only copies bytes.
 */
public record PreparedMap(AtlasTable table, byte[] arrow, byte[] arrowGzip) {

    public static PreparedMap of(AtlasTable table) {
        byte[] arrow = MapArrow.encode(table);
        return new PreparedMap(table, arrow, gzip(arrow));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
