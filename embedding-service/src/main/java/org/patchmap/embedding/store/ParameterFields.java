package org.patchmap.embedding.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.patchmap.core.map.MapParameters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map's parameters as field name to value (every record component, seed included, then the distance
 * metric), the form a version's summary stores and {@code patchmap.maps} publishes.
 */
public final class ParameterFields {
    /** The distance the map's neighbours and UMAP use. */
    public static final String METRIC = "cosine";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParameterFields() {
    }

    public static Map<String, Object> of(MapParameters p) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = JSON.convertValue(p, LinkedHashMap.class);
        fields.put("metric", METRIC);
        return fields;
    }

    static MapParameters parameters(Map<String, Object> stored) {
        Map<String, Object> fields = new LinkedHashMap<>(stored);
        fields.remove("metric");
        return JSON.convertValue(fields, MapParameters.class);
    }
}
