package org.patchmap.embedding.atlas;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map's columnar binary form: one Apache Arrow IPC stream (schema, the label dictionaries, one record batch)
 * with a row per cell: {@code id} (utf8), {@code x}, {@code y} (float32), {@code cluster} (int32), {@code dandiset},
 * {@code species}, {@code region}, {@code simulatedType} (utf8 dictionaries with int32 indices, null when unknown),
 * {@code placed} (bool: placed on the map rather than built into it), {@code ageDays} and {@code temperatureC}
 * (float32, null when the metadata states none), {@code lab} (utf8 dictionary, null when unknown; last, so that
 * a reader that knows the columns before it reads them at the same positions). The schema's metadata holds {@code mapVersion},
 * {@code createdAt}, {@code codeVersion}, {@code cellCount} and {@code placedCount}. The 16 map
 * inputs are left to the JSON form: they would more than double the size.
 */
public final class MapArrow {
    public static final String MEDIA_TYPE = "application/vnd.apache.arrow.stream";
    /** The dictionary-encoded columns, in order; column k's dictionary has id k. */
    public static final List<String> LABEL_COLUMNS = List.of("dandiset", "species", "region", "simulatedType", "lab");
    /** The label columns written together after {@code cluster}; the others ({@code lab}) come at the end. */
    private static final int LEADING_LABELS = 4;
    private static final ArrowType.Int INDEX = new ArrowType.Int(32, true);

    private MapArrow() {
    }

    public static byte[] encode(AtlasTable t) {
        int n = t.size();
        String[][] labels = {t.dandisets(), t.species(), t.regions(), t.simulatedTypes(), t.labs()};
        ByteArrayOutputStream out = new ByteArrayOutputStream(n * 64);
        try (BufferAllocator allocator = new RootAllocator();
             DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider()) {
            List<FieldVector> vectors = new ArrayList<>();
            VarCharVector id = new VarCharVector("id", allocator);
            id.allocateNew(n);
            for (int i = 0; i < n; i++) {
                id.setSafe(i, t.ids()[i].getBytes(StandardCharsets.UTF_8));
            }
            vectors.add(id);
            vectors.add(floats("x", t.x(), allocator));
            vectors.add(floats("y", t.y(), allocator));
            IntVector cluster = new IntVector("cluster", allocator);
            cluster.allocateNew(n);
            for (int i = 0; i < n; i++) {
                cluster.set(i, t.clusters()[i]);
            }
            vectors.add(cluster);
            for (int k = 0; k < LEADING_LABELS; k++) {
                vectors.add(dictionaryEncoded(LABEL_COLUMNS.get(k), k, labels[k], allocator, dictionaries));
            }
            BitVector placed = new BitVector("placed", allocator);
            placed.allocateNew(n);
            for (int i = 0; i < n; i++) {
                placed.set(i, t.placed(i) ? 1 : 0);
            }
            vectors.add(placed);
            vectors.add(nullableFloats("ageDays", t.ageDays(), allocator));
            vectors.add(nullableFloats("temperatureC", t.temperatureC(), allocator));
            for (int k = LEADING_LABELS; k < labels.length; k++) {
                vectors.add(dictionaryEncoded(LABEL_COLUMNS.get(k), k, labels[k], allocator, dictionaries));
            }
            vectors.forEach(v -> v.setValueCount(n));
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("mapVersion", t.mapVersion());
            metadata.put("createdAt", t.createdAt().toString());
            metadata.put("codeVersion", t.codeVersion());
            metadata.put("cellCount", String.valueOf(t.mappedCount()));
            metadata.put("placedCount", String.valueOf(t.placedCount()));
            Schema schema = new Schema(vectors.stream().map(ValueVector::getField).toList(), metadata);
            try (VectorSchemaRoot root = new VectorSchemaRoot(schema, vectors, n);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, dictionaries, out)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Float4Vector floats(String name, double[] values, BufferAllocator allocator) {
        Float4Vector v = new Float4Vector(name, allocator);
        v.allocateNew(values.length);
        for (int i = 0; i < values.length; i++) {
            v.set(i, (float) values[i]);
        }
        return v;
    }

    private static Float4Vector nullableFloats(String name, Double[] values, BufferAllocator allocator) {
        Float4Vector v = new Float4Vector(name, allocator);
        v.allocateNew(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                v.setNull(i);
            } else {
                v.set(i, values[i].floatValue());
            }
        }
        return v;
    }

    /** The column's distinct values (first-seen order) become dictionary {@code id}; the column holds indices. */
    private static IntVector dictionaryEncoded(String name, long id, String[] values, BufferAllocator allocator,
                                               DictionaryProvider.MapDictionaryProvider dictionaries) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        DictionaryEncoding encoding = new DictionaryEncoding(id, false, INDEX);
        IntVector indices = new IntVector(name, new FieldType(true, INDEX, encoding), allocator);
        indices.allocateNew(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                indices.setNull(i);
            } else {
                indices.set(i, codes.computeIfAbsent(values[i], v -> codes.size()));
            }
        }
        VarCharVector words = new VarCharVector(name + "-dictionary", allocator);
        words.allocateNew(codes.size());
        codes.forEach((word, code) -> words.setSafe(code, word.getBytes(StandardCharsets.UTF_8)));
        words.setValueCount(codes.size());
        dictionaries.put(new Dictionary(words, encoding));
        return indices;
    }
}
