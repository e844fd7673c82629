package org.patchmap.embedding;

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
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/maps/current} in its binary form as Arrow's own reader decodes it (dictionaries decoded back to
 * strings; {@code labels}: dandiset, species, region, simulatedType and lab): the schema's metadata, the column
 * names in order and each column's values ({@code quantities}: the
 * nullable float32 columns {@code ageDays} and {@code temperatureC}).
 */
public record ArrowMap(Map<String, String> metadata, List<String> columns, List<String> id, List<Float> x,
                       List<Float> y, List<Integer> cluster, Map<String, List<String>> labels, List<Boolean> placed,
                       Map<String, List<Float>> quantities) {

    public static ArrowMap read(byte[] stream) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            if (!reader.loadNextBatch()) {
                throw new IllegalStateException("no record batch in the stream");
            }
            int n = root.getRowCount();
            List<String> columns = root.getSchema().getFields().stream().map(f -> f.getName()).toList();
            List<String> id = new ArrayList<>();
            List<Float> x = new ArrayList<>();
            List<Float> y = new ArrayList<>();
            List<Integer> cluster = new ArrayList<>();
            List<Boolean> placed = new ArrayList<>();
            VarCharVector ids = (VarCharVector) root.getVector("id");
            Float4Vector xs = (Float4Vector) root.getVector("x");
            Float4Vector ys = (Float4Vector) root.getVector("y");
            IntVector clusters = (IntVector) root.getVector("cluster");
            BitVector placedBits = (BitVector) root.getVector("placed");
            for (int i = 0; i < n; i++) {
                id.add(ids.getObject(i).toString());
                x.add(xs.get(i));
                y.add(ys.get(i));
                cluster.add(clusters.get(i));
                placed.add(placedBits.get(i) == 1);
            }
            Map<String, List<String>> labels = new LinkedHashMap<>();
            for (String name : List.of("dandiset", "species", "region", "simulatedType", "lab")) {
                FieldVector encoded = root.getVector(name);
                Dictionary dictionary = reader.getDictionaryVectors().get(encoded.getField().getDictionary().getId());
                List<String> values = new ArrayList<>();
                try (ValueVector decoded = DictionaryEncoder.decode(encoded, dictionary)) {
                    for (int i = 0; i < n; i++) {
                        Object v = decoded.getObject(i);
                        values.add(v == null ? null : v.toString());
                    }
                }
                labels.put(name, values);
            }
            Map<String, List<Float>> quantities = new LinkedHashMap<>();
            for (String name : List.of("ageDays", "temperatureC")) {
                Float4Vector column = (Float4Vector) root.getVector(name);
                List<Float> values = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    values.add(column.isNull(i) ? null : column.get(i));
                }
                quantities.put(name, values);
            }
            return new ArrowMap(root.getSchema().getCustomMetadata(), columns, id, x, y, cluster, labels, placed,
                    quantities);
        }
    }
}
