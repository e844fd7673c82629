package org.patchmap.ingest.dandi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.core.dandi.DandiAsset;
import org.patchmap.core.dandi.DandisetSummary;
import org.patchmap.deploy.archive.LocalArchive;
import org.patchmap.events.Sha256;
import org.patchmap.testing.SharedData;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * ingest's DANDI client against the local archive of deploy (no fake of our own client's calls: a
 * real HTTP server over a folder of real recordings), with one-item pages so that every listing
 * follows its next links.
 */
class LocalArchiveClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "0.211014.0809";

    @Test
    void theClientListsReadsAndDownloadsWhatTheArchiveServes(@TempDir Path root) throws Exception {
        Path cellA = SharedData.cell("19926019.nwb");
        Path cellB = SharedData.cell("FergusonEtAl2015_PYR2.nwb");
        dandiset(root.resolve("000008"), Map.of("sub-a/sub-a_icephys.nwb", cellA, "sub-b/sub-b_icephys.nwb", cellB));
        dandiset(root.resolve("000009"), Map.of("sub-c/sub-c_icephys.nwb", cellA));
        Files.writeString(root.resolve("000008/assets.json"),
                "{\"sub-a/sub-a_icephys.nwb\": {\"wasAttributedTo\": [{\"schemaKey\": \"Participant\","
                        + " \"species\": {\"name\": \"Mus musculus - House mouse\"}}]}}");

        try (LocalArchive archive = new LocalArchive(root, 0)) {
            DandiClient client = new DandiClient(new DandiClient.Settings(URI.create(archive.apiUrl()),
                    java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30), 2, java.time.Duration.ofMillis(10),
                    java.time.Duration.ofMillis(50), java.time.Duration.ofSeconds(1), 2, 1), new SimpleMeterRegistry());

            List<DandisetSummary> listed = client.listDandisets();
            assertEquals(List.of("000008", "000009"), listed.stream().map(DandisetSummary::identifier).sorted().toList());
            DandisetSummary d8 = listed.stream().filter(d -> d.identifier().equals("000008")).findFirst().orElseThrow();
            assertEquals(VERSION, d8.mostRecentPublished().version());
            assertEquals(2, d8.mostRecentPublished().assetCount());
            assertEquals(Files.size(cellA) + Files.size(cellB), d8.mostRecentPublished().size());

            assertEquals(VERSION, client.versionJson("000008", VERSION).get("version").asText());
            assertEquals("Phenotypic variation within and across transcriptomic cell types in mouse motor cortex",
                    client.versionJson("000008", VERSION).get("name").asText());

            List<DandiAsset> assets = client.assets("000008", VERSION);
            assertEquals(List.of("sub-a/sub-a_icephys.nwb", "sub-b/sub-b_icephys.nwb"),
                    assets.stream().map(DandiAsset::path).toList());
            DandiAsset a = assets.get(0);
            assertEquals(Files.size(cellA), a.size());

            JsonNode metadata = client.assetMetadata("000008", VERSION, a.assetId());
            String sha = Sha256.hex(Files.readAllBytes(cellA));
            assertEquals(sha, metadata.get("digest").get("dandi:sha2-256").asText());
            assertEquals("sub-a/sub-a_icephys.nwb", metadata.get("path").asText());
            assertEquals("Mus musculus - House mouse",
                    metadata.get("wasAttributedTo").get(0).get("species").get("name").asText());

            Path target = root.resolve("downloaded.nwb");
            client.download(a.assetId(), target, a.size(), sha);
            assertEquals(-1, Files.mismatch(target, cellA));

            DandiException missing = assertThrows(DandiException.class, () -> client.versionJson("000008", "0.999999.9999"));
            assertEquals(404, missing.status());
        }
    }

    @Test
    void aBlobAnswersARangeWithThoseBytesOnly(@TempDir Path root) throws Exception {
        Path cell = SharedData.cell("FergusonEtAl2015_PYR2.nwb");
        dandiset(root.resolve("000008"), Map.of("sub-a/sub-a_icephys.nwb", cell));
        try (LocalArchive archive = new LocalArchive(root, 0)) {
            DandiClient client = new DandiClient(DandiClient.Settings.defaults(URI.create(archive.apiUrl())),
                    new SimpleMeterRegistry());
            String assetId = client.assets("000008", VERSION).get(0).assetId();
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(
                            URI.create(archive.apiUrl() + "/assets/" + assetId + "/download/"))
                    .header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, part.statusCode());
            assertEquals("bytes 100-199/" + Files.size(cell), part.headers().firstValue("Content-Range").orElseThrow());
            assertArrayEquals(Arrays.copyOfRange(Files.readAllBytes(cell), 100, 200), part.body());

            HttpResponse<byte[]> beyond = http.send(HttpRequest.newBuilder(
                            URI.create(archive.apiUrl() + "/assets/" + assetId + "/download/"))
                    .header("Range", "bytes=" + Files.size(cell) + "-").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(416, beyond.statusCode());
        }
    }

    @Test
    void aGrowingArchiveServesEachRecordingOnceAddedAndCountsItInTheSummary(@TempDir Path root) throws Exception {
        Path cellA = SharedData.cell("19926019.nwb");
        Path cellB = SharedData.cell("FergusonEtAl2015_PYR2.nwb");
        dandiset(root.resolve("000008"), Map.of("sub-a/sub-a_icephys.nwb", cellA, "sub-b/sub-b_icephys.nwb", cellB));
        try (LocalArchive archive = LocalArchive.growing(root, 0)) {
            DandiClient client = new DandiClient(DandiClient.Settings.defaults(URI.create(archive.apiUrl())),
                    new SimpleMeterRegistry());
            assertEquals(0, client.listDandisets().get(0).mostRecentPublished().assetCount());
            assertEquals(List.of(), client.assets("000008", VERSION));

            String shaB = Sha256.hex(Files.readAllBytes(cellB));
            archive.add("000008", "sub-b/sub-b_icephys.nwb", Files.size(cellB), shaB);
            DandisetSummary listed = client.listDandisets().get(0);
            assertEquals(1, listed.mostRecentPublished().assetCount());
            assertEquals(Files.size(cellB), listed.mostRecentPublished().size());
            JsonNode summary = client.versionJson("000008", VERSION).get("assetsSummary");
            assertEquals(1, summary.get("numberOfFiles").asInt());
            assertEquals(Files.size(cellB), summary.get("numberOfBytes").asLong());
            List<DandiAsset> assets = client.assets("000008", VERSION);
            assertEquals(List.of("sub-b/sub-b_icephys.nwb"), assets.stream().map(DandiAsset::path).toList());
            assertEquals(shaB, client.assetMetadata("000008", VERSION, assets.get(0).assetId())
                    .get("digest").get("dandi:sha2-256").asText());
            Path target = root.resolve("downloaded.nwb");
            client.download(assets.get(0).assetId(), target, Files.size(cellB), shaB);
            assertArrayEquals(Files.readAllBytes(cellB), Files.readAllBytes(target));

            assertEquals("no dandiset 000099 in " + root, assertThrows(IllegalArgumentException.class,
                    () -> archive.add("000099", "sub-a/sub-a_icephys.nwb", 1, shaB)).getMessage());
        }
    }

    /** A dandiset folder: 000008's real dandiset.yaml as the version metadata, and the given recordings. */
    private static void dandiset(Path folder, Map<String, Path> recordings) throws Exception {
        ObjectNode metadata = (ObjectNode) new ObjectMapper(new YAMLFactory())
                .readTree(SharedData.path("data/dandi/000008/dandiset.yaml").toFile());
        metadata.put("version", VERSION);
        Files.createDirectories(folder);
        JSON.writeValue(folder.resolve("dandiset.json").toFile(), metadata);
        for (Map.Entry<String, Path> r : new TreeMap<>(recordings).entrySet()) {
            Path file = folder.resolve(r.getKey());
            Files.createDirectories(file.getParent());
            Files.copy(r.getValue(), file);
        }
    }
}
