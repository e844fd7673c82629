package org.patchmap.ingest.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.patchmap.testing.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * DANDI's answers built from the real metadata of ../shared/data/dandi: the listing from
 * dandiset-metadata.jsonl records, version metadata from dandiset.yaml (or the jsonl record when
 * the dandiset has no folder), asset listings and asset metadata from assets.json.
 */
final class DandiFake {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> RECORDS = new HashMap<>();

    private final WireMockServer server;
    private final List<JsonNode> listing = new ArrayList<>();

    DandiFake(WireMockServer server) {
        this.server = server;
    }

    static JsonNode record(String id) {
        synchronized (RECORDS) {
            if (RECORDS.isEmpty()) {
                try {
                    for (String line : Files.readAllLines(SharedData.path("data/dandi/dandiset-metadata.jsonl"))) {
                        JsonNode r = JSON.readTree(line);
                        RECORDS.put(r.get("identifier").asText(), r);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            JsonNode r = RECORDS.get(id);
            if (r == null) {
                throw new IllegalArgumentException("no dandiset " + id + " in dandiset-metadata.jsonl");
            }
            return r;
        }
    }

    /** The real assets of a dandiset (assets.json), each with its metadata. */
    static List<ObjectNode> realAssets(String id) throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        JSON.readTree(SharedData.path("data/dandi/" + id + "/assets.json").toFile()).forEach(a -> out.add((ObjectNode) a));
        return out;
    }

    /**
     * Lists the dandiset, with its published version from the jsonl record (or {@code version}
     * when given) and {@code assetCount} assets; a draft-only record is listed without one.
     */
    DandiFake dandiset(String id, String version, long assetCount, String modified) {
        JsonNode r = record(id);
        String published = version != null ? version : r.get("version").asText();
        ObjectNode e = JSON.createObjectNode();
        e.put("identifier", id);
        e.put("created", "2020-01-01T00:00:00.000000Z");
        e.put("modified", modified);
        e.put("embargo_status", "OPEN");
        ObjectNode draft = e.putObject("draft_version");
        draft.put("version", "draft");
        draft.put("name", r.get("name").asText());
        draft.put("asset_count", assetCount);
        draft.put("size", 0);
        draft.put("status", "Valid");
        draft.put("modified", modified);
        if (!published.equals("draft")) {
            ObjectNode p = draft.deepCopy();
            p.put("version", published);
            p.put("status", "Published");
            e.set("most_recent_published_version", p);
        } else {
            e.putNull("most_recent_published_version");
        }
        listing.add(e);
        return this;
    }

    /** Serves the listing built so far (one page). */
    void serveListing() {
        server.stubFor(get(urlPathEqualTo("/api/dandisets/")).willReturn(okJson(listingPage())));
    }

    /** Serves the listing built so far, its answer held back while {@link Held} holds. */
    void serveHeldListing() {
        server.stubFor(get(urlPathEqualTo("/api/dandisets/"))
                .willReturn(okJson(listingPage()).withTransformers(Held.NAME)));
    }

    private String listingPage() {
        ObjectNode page = JSON.createObjectNode();
        page.put("count", listing.size());
        page.putNull("next");
        page.putNull("previous");
        ArrayNode results = page.putArray("results");
        listing.forEach(results::add);
        return page.toString();
    }

    /** {@code GET /dandisets/{id}/versions/{version}/}: dandiset.yaml as JSON, else the jsonl record. */
    void serveVersion(String id, String version) throws IOException {
        Path yaml = SharedData.path("data/dandi/" + id + "/dandiset.yaml");
        ObjectNode v = Files.exists(yaml) ? (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile())
                : record(id).deepCopy();
        v.put("version", version);
        server.stubFor(get(urlEqualTo(versionPath(id, version))).willReturn(okJson(v.toString())));
    }

    void failVersion(String id, String version, int status) {
        server.stubFor(get(urlEqualTo(versionPath(id, version)))
                .willReturn(aResponse().withStatus(status).withBody("{\"detail\":\"boom\"}")));
    }

    /** The asset listing of a version (without metadata, as the API gives it) and each asset's metadata. */
    void serveAssets(String id, String version, List<ObjectNode> assets) {
        ObjectNode page = JSON.createObjectNode();
        page.put("count", assets.size());
        page.putNull("next");
        page.putNull("previous");
        ArrayNode results = page.putArray("results");
        for (ObjectNode a : assets) {
            ObjectNode entry = a.deepCopy();
            entry.remove("metadata");
            results.add(entry);
            server.stubFor(get(urlEqualTo(assetPath(id, version, a.get("asset_id").asText())))
                    .willReturn(okJson(a.get("metadata").toString())));
        }
        server.stubFor(get(urlPathEqualTo(assetsPath(id, version))).willReturn(okJson(page.toString())));
    }

    static String versionPath(String id, String version) {
        return "/api/dandisets/" + id + "/versions/" + version + "/";
    }

    static String assetsPath(String id, String version) {
        return versionPath(id, version) + "assets/";
    }

    static String assetPath(String id, String version, String assetId) {
        return assetsPath(id, version) + assetId + "/";
    }
}
