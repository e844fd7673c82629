package org.patchmap.events;

import com.fasterxml.jackson.core.type.TypeReference;
import org.patchmap.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every asset of a real DANDI listing (000008, 1328 assets) becomes a valid patchmap.assets event. */
class DandiAssetEventTest {
    static List<Map<String, Object>> listing(String dandiset) throws IOException {
        Path file = SharedData.path("data/dandi/" + dandiset + "/assets.json");
        return EventJson.mapper().readValue(file.toFile(), new TypeReference<>() {
        });
    }

    @SuppressWarnings("unchecked")
    static AssetEvent event(String dandiset, Map<String, Object> a) {
        return AssetEvent.fromDandi(dandiset, "draft", (String) a.get("asset_id"), (String) a.get("path"),
                ((Number) a.get("size")).longValue(), (Map<String, Object>) a.get("metadata"), Instant.EPOCH);
    }

    @Test
    void realListingGivesOneEventPerAsset() throws IOException {
        List<Map<String, Object>> assets = listing("000008");
        assertEquals(1328, assets.size());
        long sha = 0;
        for (Map<String, Object> a : assets) {
            AssetEvent e = event("000008", a);
            assertEquals("https://api.dandiarchive.org/api/assets/" + a.get("asset_id") + "/download/", e.downloadUrl());
            assertEquals("dandi:000008/" + a.get("path"), e.fileKey());
            sha += e.digest().startsWith("sha2-256:") ? 1 : 0;
            EventJson.read(Topics.ASSETS, EventJson.write(e), AssetEvent.class);
        }
        assertEquals(1328, sha);
        AssetEvent first = event("000008", assets.get(0));
        assertEquals("sha2-256:f7ed16993c99eaaf0669e22bcbe624c276d1b2b420d1ebb7310694229c5fe88a", first.digest());
        assertEquals(9337840L, first.sizeBytes());
    }

    @Test
    void etagWhenNoSha256() {
        Map<String, Object> metadata = new HashMap<>(Map.of("digest", Map.of("dandi:dandi-etag", "7d72-1")));
        assertEquals("dandi-etag:7d72-1", AssetEvent.fromDandi("000008", "draft", "a-1", "x.nwb", 1, metadata,
                Instant.EPOCH).digest());
    }

    @Test
    void noDigestIsAnError() {
        assertEquals("patchmap.assets: DANDI asset a-1 has no sha2-256 or dandi-etag digest",
                assertThrows(InvalidEventException.class, () -> AssetEvent.fromDandi("000008", "draft", "a-1", "x.nwb",
                        1, Map.of(), Instant.EPOCH)).getMessage());
    }
}
