package org.patchmap.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The JSON examples of docs/events.md are valid events, and survive a write/read round trip. */
class EventContractsTest {
    private static final Map<String, Class<?>> TYPES = Map.of(
            Topics.ASSETS, AssetEvent.class,
            Topics.SWEEPS, SweepFamilyEvent.class,
            Topics.FEATURES, FeaturesEvent.class,
            Topics.METADATA, MetadataEvent.class,
            Topics.MAPS, MapEvent.class,
            Topics.UPLOADS_EXPIRED, UploadExpiredEvent.class,
            Topics.deadLetter(Topics.SWEEPS), DeadLetterEvent.class);

    record Example(String topic, String json) {
    }

    static List<Example> examples() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));
        Matcher m = Pattern.compile("```json (\\S+)\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<Example> found = new ArrayList<>();
        while (m.find()) {
            found.add(new Example(m.group(1), m.group(2)));
        }
        return found;
    }

    @Test
    void everyTopicIsDocumentedWithAnExample() throws IOException {
        List<String> topics = examples().stream().map(Example::topic).toList();
        assertEquals(List.of("patchmap.assets", "patchmap.sweeps", "patchmap.features", "patchmap.metadata",
                "patchmap.maps", "patchmap.maps", "patchmap.uploads.expired", "patchmap.sweeps.dlq"), topics);
    }

    @Test
    void examplesParseAndRoundTrip() throws IOException {
        for (Example e : examples()) {
            Object event = EventJson.read(e.topic(), e.json(), TYPES.get(e.topic()));
            Object again = EventJson.read(e.topic(), EventJson.write(event), TYPES.get(e.topic()));
            assertEquals(event, again, e.topic());
        }
    }

    @Test
    void documentedValuesAreRead() throws IOException {
        List<Example> all = examples();
        AssetEvent asset = EventJson.read(Topics.ASSETS, all.get(0).json(), AssetEvent.class);
        assertEquals("000008", asset.provenance().dandisetId());
        assertEquals(9337840L, asset.sizeBytes());
        assertEquals(CellIds.dandiFile("000008", asset.provenance().path()), asset.fileKey());

        SweepFamilyEvent sweeps = EventJson.read(Topics.SWEEPS, all.get(1).json(), SweepFamilyEvent.class);
        assertEquals(3, sweeps.sweeps().size());
        assertEquals(-50.0, sweeps.sweeps().get(0).amplitudePa());
        assertEquals(0.7, sweeps.window().endS() - sweeps.window().startS(), 1e-12);

        FeaturesEvent features = EventJson.read(Topics.FEATURES, all.get(2).json(), FeaturesEvent.class);
        assertEquals(182.4, features.features().get("input_resistance").value());
        assertNull(features.features().get("sag_nearest_minus_100").value());
        assertEquals("no subthreshold sweep", features.qc().get("sag_nearest_minus_100"));

        MapEvent placement = EventJson.read(Topics.MAPS, all.get(5).json(), MapEvent.class);
        assertEquals("upload:9f2b6c01d4e5a7b8/19926019.nwb", placement.key());
        MapEvent version = EventJson.read(Topics.MAPS, all.get(4).json(), MapEvent.class);
        assertEquals("map:2026-11-24T11:00:00Z-5c1e9a", version.key());

        UploadExpiredEvent expired = EventJson.read(Topics.UPLOADS_EXPIRED, all.get(6).json(), UploadExpiredEvent.class);
        assertEquals(placement.key(), expired.fileKey());
    }
}
