package org.patchmap.ingest.dandi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.core.dandi.DandiAsset;
import org.patchmap.core.dandi.DandisetSummary;
import org.patchmap.core.dandi.DandisetVersion;
import org.patchmap.core.dandi.IcephysSelection;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.testing.SharedData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DandiClient against a fake DANDI (WireMock on a dynamic port) whose answers are the real
 * metadata of ../shared/data/dandi and whose storage serves a real NWB file.
 */
class DandiClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSET = "a3acc7ac-c3c7-46a8-ad06-8d592a9d9a1f";
    private static final String BLOB = "/blobs/0f2/763/0f276354-37b9-4ffc-949d-56823685d616";

    private static WireMockServer server;
    private static byte[] nwb;
    private static String nwbSha;

    private SimpleMeterRegistry registry;
    private DandiClient client;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        Path file = SharedData.path("data/cells/nwb/FergusonEtAl2015_PYR2.nwb");
        nwb = Files.readAllBytes(file);
        nwbSha = org.patchmap.events.Sha256.hex(file);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        registry = new SimpleMeterRegistry();
        client = client(3, 4, 150);
    }

    /** Quick retries; connect and request timeouts only against a hang: no test here is about them firing. */
    private DandiClient client(int maxAttempts, int maxConcurrent, int pageSize) {
        return new DandiClient(new DandiClient.Settings(URI.create(server.baseUrl() + "/api"), Eventually.HANG_GUARD,
                Eventually.HANG_GUARD, maxAttempts, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5),
                maxConcurrent, pageSize), registry);
    }

    private double requests(String endpoint, String status) {
        var c = registry.find("patchmap.dandi.requests").tags("endpoint", endpoint, "status", status).counter();
        return c == null ? 0 : c.count();
    }

    private double retries(String reason) {
        var c = registry.find("patchmap.dandi.retries").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    private double downloadedBytes() {
        return registry.get("patchmap.dandi.download.bytes").counter().count();
    }

    // ------------------------------------------------------------------ JSON endpoints

    /** A listing entry as the API shows it, from a summary-collection record. */
    private static ObjectNode listingEntry(JsonNode r) {
        ObjectNode summary = (ObjectNode) r.get("assetsSummary");
        ObjectNode e = JSON.createObjectNode();
        e.put("identifier", r.get("identifier").asText());
        e.put("created", "2020-01-01T00:00:00.000000Z");
        e.put("modified", "2025-06-01T00:00:00.000000Z");
        e.put("embargo_status", "OPEN");
        ObjectNode draft = e.putObject("draft_version");
        draft.put("version", "draft");
        draft.put("name", r.get("name").asText());
        draft.put("asset_count", summary.path("numberOfFiles").asLong());
        draft.put("size", summary.path("numberOfBytes").asLong());
        draft.put("status", "Valid");
        draft.put("modified", "2025-06-01T00:00:00.000000Z");
        if (!r.get("version").asText().equals("draft")) {
            ObjectNode published = draft.deepCopy();
            published.put("version", r.get("version").asText());
            published.put("status", "Published");
            e.set("most_recent_published_version", published);
        } else {
            e.putNull("most_recent_published_version");
        }
        return e;
    }

    /** Serves {@code items} as DANDI pages of {@code pageSize} under {@code path}; returns the number of pages. */
    private static int servePages(String path, List<? extends JsonNode> items, int pageSize) {
        int pages = (items.size() + pageSize - 1) / pageSize;
        for (int p = 1; p <= pages; p++) {
            ObjectNode page = JSON.createObjectNode();
            page.put("count", items.size());
            if (p < pages) {
                page.put("next", server.baseUrl() + path + "?page=" + (p + 1) + "&page_size=" + pageSize);
            } else {
                page.putNull("next");
            }
            page.putNull("previous");
            ArrayNode results = page.putArray("results");
            items.subList((p - 1) * pageSize, Math.min(items.size(), p * pageSize)).forEach(results::add);
            server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo(Integer.toString(p)))
                    .willReturn(okJson(page.toString())));
        }
        return pages;
    }

    @Test
    void listsAll385DandisetsAcrossThreePages() throws IOException {
        List<JsonNode> raw = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.path("data/dandi/dandiset-metadata.jsonl"))) {
            raw.add(JSON.readTree(line));
        }
        List<JsonNode> records = raw.stream().map(r -> (JsonNode) listingEntry(r)).toList();
        assertEquals(3, servePages("/api/dandisets/", records, 150));

        List<DandisetSummary> all = client.listDandisets();

        assertEquals(385, all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(raw.get(i).get("identifier").asText(), all.get(i).identifier());
            assertEquals(raw.get(i).get("version").asText(), all.get(i).preferredVersion().version());
        }
        DandisetSummary d8 = all.stream().filter(s -> s.identifier().equals("000008")).findFirst().orElseThrow();
        assertEquals("0.211014.0809", d8.mostRecentPublished().version());
        assertEquals("draft", d8.draft().version());
        server.verify(3, getRequestedFor(urlPathEqualTo("/api/dandisets/")));
        server.verify(1, getRequestedFor(urlEqualTo(
                "/api/dandisets/?page=1&page_size=150&ordering=-modified&embargoed=false&empty=false")));
        server.verify(1, getRequestedFor(urlEqualTo("/api/dandisets/?page=2&page_size=150")));
        server.verify(1, getRequestedFor(urlEqualTo("/api/dandisets/?page=3&page_size=150")));
        assertEquals(3, requests("dandisets", "200"));
    }

    private static String versionJson(String id) throws IOException {
        return JSON.writeValueAsString(new ObjectMapper(new YAMLFactory())
                .readTree(SharedData.path("data/dandi/" + id + "/dandiset.yaml").toFile()));
    }

    @Test
    void readsAVersionAndSelectsIt() throws IOException {
        server.stubFor(get(urlEqualTo("/api/dandisets/000109/versions/draft/")).willReturn(okJson(versionJson("000109"))));
        DandisetVersion v = client.version("000109", "draft");
        assertEquals("000109", v.identifier());
        assertEquals("Patch-seq recordings from human cortex (June 2021)", v.name());
        assertEquals(List.of("ProcessingModule"), v.variableMeasured());
        assertEquals(new IcephysSelection.Selection(true, "name mentions \"Patch-seq\""), IcephysSelection.decide(v));
    }

    @Test
    void listsTheAssetsOfAVersionAcrossPagesAndFetchesOnesMetadata() throws IOException {
        JsonNode all = JSON.readTree(SharedData.path("data/dandi/000008/assets.json").toFile());
        List<JsonNode> listed = new ArrayList<>();
        long bytes = 0;
        for (JsonNode a : all) {
            ObjectNode entry = ((ObjectNode) a).deepCopy();
            entry.remove("metadata"); // the API's listing leaves it out
            listed.add(entry);
            bytes += a.get("size").asLong();
        }
        String path = "/api/dandisets/000008/versions/0.211014.0809/assets/";
        client = client(3, 4, 500);
        assertEquals(3, servePages(path, listed, 500));
        JsonNode first = all.get(0);
        server.stubFor(get(urlEqualTo(path + ASSET + "/")).willReturn(okJson(first.get("metadata").toString())));

        List<DandiAsset> assets = client.assets("000008", "0.211014.0809");

        assertEquals(1328, assets.size());
        assertEquals(ASSET, assets.get(0).assetId());
        assertEquals(all.get(1327).get("asset_id").asText(), assets.get(1327).assetId());
        assertEquals(bytes, assets.stream().mapToLong(DandiAsset::size).sum());
        assertTrue(assets.stream().allMatch(DandiAsset::isNwb));
        server.verify(1, getRequestedFor(urlEqualTo(path + "?page=1&page_size=500")));
        server.verify(3, getRequestedFor(urlPathEqualTo(path)));

        DandiAsset withMetadata = assets.get(0).withMetadata(client.assetMetadata("000008", "0.211014.0809", ASSET));
        assertEquals("f7ed16993c99eaaf0669e22bcbe624c276d1b2b420d1ebb7310694229c5fe88a", withMetadata.sha256());
        assertEquals(1, requests("asset-metadata", "200"));
    }

    @Test
    void a500ThenSuccessIsRetried() throws IOException {
        String url = "/api/dandisets/000297/versions/draft/";
        server.stubFor(get(urlEqualTo(url)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("boom")).willSetStateTo("recovered"));
        server.stubFor(get(urlEqualTo(url)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(versionJson("000297"))));

        DandisetVersion v = client.version("000297", "draft");

        assertEquals("UHN whole-cell patch-clamp excitability recordings from human cortical neurons", v.name());
        server.verify(2, getRequestedFor(urlEqualTo(url)));
        assertEquals(1, requests("version", "500"));
        assertEquals(1, requests("version", "200"));
        assertEquals(1, retries("http_5xx"));
    }

    @Test
    void a429WaitsWhatRetryAfterSays() throws IOException {
        String url = "/api/dandisets/000020/versions/draft/";
        server.stubFor(get(urlEqualTo(url)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
        server.stubFor(get(urlEqualTo(url)).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(okJson(versionJson("000020"))));

        List<Duration> pauses = new CopyOnWriteArrayList<>();
        RetryPolicy.Pause sleep = client.retries.pause;
        client.retries.pause = delay -> {
            pauses.add(delay);
            sleep.sleep(delay);
        };
        long t0 = System.nanoTime();
        DandisetVersion v = client.version("000020", "draft");
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

        assertEquals("Patch-seq recordings from mouse visual cortex", v.name());
        // The backoff alone would be 5-10 ms, the cap 5 s: the second request waited what Retry-After said.
        assertEquals(List.of(Duration.ofSeconds(1)), pauses);
        assertTrue(elapsedMs >= 1000, "waited " + elapsedMs + " ms");
        server.verify(2, getRequestedFor(urlEqualTo(url)));
        assertEquals(1, retries("http_429"));
        assertEquals(1, requests("version", "429"));
    }

    @Test
    void a404FailsAtOnceNamingTheUrlAndStatus() {
        String url = "/api/dandisets/999999/versions/draft/";
        server.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"detail\":\"Not found.\"}")));

        DandiException e = assertThrows(DandiException.class, () -> client.version("999999", "draft"));

        assertEquals("GET " + server.baseUrl() + url + ": HTTP 404: {\"detail\":\"Not found.\"}", e.getMessage());
        assertEquals(404, e.status());
        server.verify(1, getRequestedFor(urlEqualTo(url)));
        assertEquals(0, retries("http_5xx") + retries("io"));
    }

    @Test
    void aResetConnectionIsRetriedThenReported() {
        String url = "/api/dandisets/000035/versions/draft/";
        server.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        DandiException e = assertThrows(DandiException.class, () -> client.version("000035", "draft"));

        assertTrue(e.getMessage().startsWith("GET " + server.baseUrl() + url + " failed after 3 attempts: "), e.getMessage());
        assertEquals(-1, e.status());
        server.verify(3, getRequestedFor(urlEqualTo(url)));
        assertEquals(2, retries("io"));
        assertEquals(3, requests("version", "io-error"));
    }

    @Test
    void aPersistent503ReportsTheStatusAfterAllAttempts() {
        String url = "/api/dandisets/000035/versions/draft/";
        server.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(503)));

        DandiException e = assertThrows(DandiException.class, () -> client.version("000035", "draft"));

        assertEquals("GET " + server.baseUrl() + url + ": HTTP 503 after 3 attempts", e.getMessage());
        assertEquals(503, e.status());
        server.verify(3, getRequestedFor(urlEqualTo(url)));
        assertEquals(2, retries("http_5xx"));
    }

    @Test
    void theConcurrencyLimitHoldsRequestsBack() throws Exception {
        String url = "/api/dandisets/000008/versions/draft/";
        server.stubFor(get(urlEqualTo(url)).willReturn(okJson(versionJson("000008")).withFixedDelay(300)));
        client = client(3, 1, 100);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            long t0 = System.nanoTime();
            List<Future<DandisetVersion>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(pool.submit(() -> client.version("000008", "draft")));
            }
            for (Future<DandisetVersion> f : calls) {
                assertEquals("000008", f.get().identifier());
            }
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            // One at a time: three 300 ms responses take at least 900 ms.
            assertTrue(elapsedMs >= 900, "took " + elapsedMs + " ms");
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ downloads

    private void redirectToBlob() {
        server.stubFor(get(urlEqualTo("/api/assets/" + ASSET + "/download/"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", server.baseUrl() + BLOB)));
    }

    private static byte[] slice(int from, int to) {
        return Arrays.copyOfRange(nwb, from, to);
    }

    private void serveRangeFrom(int from) {
        server.stubFor(get(urlEqualTo(BLOB)).withHeader("Range", equalTo("bytes=" + from + "-"))
                .willReturn(aResponse().withStatus(206)
                        .withHeader("Content-Range", "bytes " + from + "-" + (nwb.length - 1) + "/" + nwb.length)
                        .withBody(slice(from, nwb.length))));
    }

    @Test
    void downloadFollowsTheRedirectAndVerifies() throws IOException {
        redirectToBlob();
        server.stubFor(get(urlEqualTo(BLOB)).willReturn(aResponse().withStatus(200).withBody(nwb)));
        Path target = tmp.resolve("a/PYR2.nwb");

        assertEquals(target, client.download(ASSET, target, nwb.length, nwbSha));

        assertArrayEquals(nwb, Files.readAllBytes(target));
        assertFalse(Files.exists(tmp.resolve("a/PYR2.nwb.part")));
        server.verify(1, getRequestedFor(urlEqualTo("/api/assets/" + ASSET + "/download/")));
        server.verify(1, getRequestedFor(urlEqualTo(BLOB)).withHeader("Range", absent()));
        assertEquals(1, requests("download", "302"));
        assertEquals(1, requests("blob", "200"));
        assertEquals(nwb.length, downloadedBytes());
        assertEquals(1, registry.get("patchmap.dandi.download").timer().count());
    }

    @Test
    void aShortBodyResumesWithARangeRequest() throws IOException {
        int half = nwb.length / 2;
        redirectToBlob();
        server.stubFor(get(urlEqualTo(BLOB)).withHeader("Range", absent())
                .willReturn(aResponse().withStatus(200).withBody(slice(0, half))));
        serveRangeFrom(half);
        Path target = tmp.resolve("PYR2.nwb");

        client.download(ASSET, target, nwb.length, nwbSha);

        assertArrayEquals(nwb, Files.readAllBytes(target));
        server.verify(1, getRequestedFor(urlEqualTo("/api/assets/" + ASSET + "/download/")));
        server.verify(2, getRequestedFor(urlEqualTo(BLOB)));
        server.verify(1, getRequestedFor(urlEqualTo(BLOB)).withHeader("Range", equalTo("bytes=1165928-")));
        assertEquals(1, retries("short_body"));
        assertEquals(nwb.length, downloadedBytes());
    }

    /**
     * A storage server that breaks its first answer: status line and headers promising the whole
     * file (Content-Length), half the bytes, then the connection closes. Later requests must ask
     * {@code Range: bytes=<half>-} and get the rest as a 206. Records each request's Range header.
     */
    private static final class CuttingStorage implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<String> ranges = new CopyOnWriteArrayList<>();
        final Thread thread = new Thread(this::serve, "cutting-storage");

        CuttingStorage() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/blob";
        }

        private void serve() {
            int half = nwb.length / 2;
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    String range = "none";
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("range:")) {
                            range = line.substring(6).strip();
                        }
                    }
                    ranges.add(range);
                    OutputStream out = s.getOutputStream();
                    if (range.equals("none")) {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + nwb.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(nwb, 0, half);
                    } else if (range.matches("bytes=\\d+-")) {
                        // serve from wherever the client got to: a cut may lose bytes in flight
                        int from = Integer.parseInt(range.substring(6, range.length() - 1));
                        out.write(("HTTP/1.1 206 Partial Content\r\nContent-Length: " + (nwb.length - from)
                                + "\r\nContent-Range: bytes " + from + "-" + (nwb.length - 1) + "/" + nwb.length
                                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(nwb, from, nwb.length - from);
                    } else {
                        out.write("HTTP/1.1 416 Range Not Satisfiable\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.flush();
                    s.shutdownOutput(); // a FIN after the bytes written, not a reset that could drop them
                } catch (IOException e) {
                    // closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void aCutConnectionResumesWhereItBroke() throws IOException {
        try (CuttingStorage storage = new CuttingStorage()) {
            server.stubFor(get(urlEqualTo("/api/assets/" + ASSET + "/download/"))
                    .willReturn(aResponse().withStatus(302).withHeader("Location", storage.url())));
            Path target = tmp.resolve("PYR2.nwb");

            client.download(ASSET, target, nwb.length, nwbSha);

            assertArrayEquals(nwb, Files.readAllBytes(target));
            assertEquals(2, storage.ranges.size(), storage.ranges.toString());
            assertEquals("none", storage.ranges.get(0));
            // the resume starts where the bytes stopped: half the file, less any lost in flight
            long resumedAt = Long.parseLong(storage.ranges.get(1).replaceAll("bytes=(\\d+)-", "$1"));
            assertTrue(resumedAt > 0 && resumedAt <= nwb.length / 2, storage.ranges.toString());
            server.verify(1, getRequestedFor(urlEqualTo("/api/assets/" + ASSET + "/download/")));
            assertEquals(1, requests("blob", "200"));
            assertEquals(1, requests("blob", "206"));
            assertEquals(1, retries("io"), "the broken body is an IOException");
            assertEquals(nwb.length, downloadedBytes());
        }
    }

    @Test
    void aBodyThatNeverCompletesFailsAfterTheAttempts() throws IOException {
        int half = nwb.length / 2;
        redirectToBlob();
        server.stubFor(get(urlEqualTo(BLOB)).withHeader("Range", absent())
                .willReturn(aResponse().withStatus(200).withBody(slice(0, half))));
        // Every resume answers with no byte at all.
        server.stubFor(get(urlEqualTo(BLOB)).withHeader("Range", equalTo("bytes=" + half + "-"))
                .willReturn(aResponse().withStatus(206)
                        .withHeader("Content-Range", "bytes " + half + "-" + (nwb.length - 1) + "/" + nwb.length)
                        .withBody(new byte[0])));
        Path target = tmp.resolve("PYR2.nwb");

        DandiException e = assertThrows(DandiException.class, () -> client.download(ASSET, target, nwb.length, nwbSha));

        assertEquals("download of asset " + ASSET + " from " + server.baseUrl() + BLOB
                + " failed after 4 attempts (1165928 of 2331856 bytes): body ended at byte 1165928 of 2331856",
                e.getMessage());
        // One attempt that got half the file, then three (maxAttempts) that added nothing.
        server.verify(4, getRequestedFor(urlEqualTo(BLOB)));
        server.verify(3, getRequestedFor(urlEqualTo(BLOB)).withHeader("Range", equalTo("bytes=1165928-")));
        server.verify(1, getRequestedFor(urlEqualTo("/api/assets/" + ASSET + "/download/")));
        assertFalse(Files.exists(target));
        assertEquals(half, Files.size(tmp.resolve("PYR2.nwb.part")), "the part file stays for a later resume");
        assertEquals(3, retries("short_body"));
    }

    @Test
    void aDigestMismatchDeletesTheFileAndNamesBothDigests() {
        redirectToBlob();
        server.stubFor(get(urlEqualTo(BLOB)).willReturn(aResponse().withStatus(200).withBody(nwb)));
        Path target = tmp.resolve("PYR2.nwb");
        String declared = "f7ed16993c99eaaf0669e22bcbe624c276d1b2b420d1ebb7310694229c5fe88a";

        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> client.download(ASSET, target, nwb.length, declared));

        assertEquals("asset a3acc7ac-c3c7-46a8-ad06-8d592a9d9a1f: SHA-256 mismatch, expected "
                + "f7ed16993c99eaaf0669e22bcbe624c276d1b2b420d1ebb7310694229c5fe88a, got "
                + "b100fd563bb9f019decbfd402c77236af39557214f4ecded7b24fd188293a370 (downloaded file deleted)",
                e.getMessage());
        assertEquals(ASSET, e.assetId());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(tmp.resolve("PYR2.nwb.part")));
    }

    @Test
    void aMissingAssetFailsAtOnce() {
        server.stubFor(get(urlEqualTo("/api/assets/" + ASSET + "/download/")).willReturn(aResponse().withStatus(404)));
        DandiException e = assertThrows(DandiException.class,
                () -> client.download(ASSET, tmp.resolve("x.nwb"), nwb.length, null));
        assertEquals("GET " + server.baseUrl() + "/api/assets/" + ASSET + "/download/: HTTP 404", e.getMessage());
        assertEquals(404, e.status());
        server.verify(1, getRequestedFor(urlEqualTo("/api/assets/" + ASSET + "/download/")));
    }
}
