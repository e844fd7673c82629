package org.patchmap.embedding.atlas;

import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The current map as it is served: its table, and its Arrow form ({@link MapArrow}) as bytes, plain and
 * gzip-compressed, made once per map version and placements so that a request only copies bytes. The Arrow form
 * is null when this JVM cannot write it ({@code arrowUnavailable} says why); the table is served all the same.
 */
public record PreparedMap(AtlasTable table, byte[] arrow, byte[] arrowGzip, String arrowUnavailable) {
    private static final Logger LOG = Logger.getLogger(PreparedMap.class);
    static final String NEEDS_OPENS = "the binary map needs the JVM option --add-opens=java.base/java.nio=ALL-UNNAMED";

    public static PreparedMap of(AtlasTable table) {
        byte[] arrow;
        try {
            arrow = MapArrow.encode(table);
        } catch (RuntimeException | LinkageError e) {
            // Arrow writes through java.nio's direct buffers; without access to them the JSON form still serves.
            LOG.warnf("map %s: no binary form (%s): %s", table.mapVersion(), NEEDS_OPENS, e.toString());
            return new PreparedMap(table, null, null, NEEDS_OPENS);
        }
        return new PreparedMap(table, arrow, gzip(arrow), null);
    }

    /** gzip at the default level: about a seventh of the Arrow stream, a tenth of the JSON. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
