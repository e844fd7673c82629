package org.patchmap.ingest.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.EventJson;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;
import org.patchmap.ingest.extract.ExtractionTestResource;
import org.patchmap.ingest.extract.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.patchmap.ingest.extract.Fixtures.cell;

/**
 * {@code POST /api/uploads} with every real recording of ../shared/data/cells: 202, then the
 * upload reaches {@code extracted} with its cell id and family, or {@code failed} with the file's
 * exact reason; and the refusals: too large (413), not NWB/ABF by content (415), no file (400).
 * The test setting limits uploads to 3 MiB.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ExtractionTestResource.class, restrictToAnnotatedClass = true)
class UploadResourceTest {
    private static final String LIMIT = "over the upload limit of 3 MiB (3145728 bytes, INGEST_UPLOAD_MAX_SIZE)";

    @TempDir
    Path tmp;

    @Inject
    MeterRegistry registry;

    /** Family sizes of the real recordings, or their errors (as core's EveryRecordingTest has them). */
    private static Map<String, Object> expected() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("abf/171116sh_0018.abf", 17);
        e.put("abf/17o05028_ic_steps.abf", 16);
        e.put("abf/18711001.abf", 30);
        e.put("abf/2019_07_24_0055_fsi.abf", 17);
        e.put("abf/2020_03_02_0000.abf", 16);
        e.put("abf/File_axon_5.abf", 9);
        e.put("abf/PYR2.abf", 13);
        e.put("abf/PYR5_rebound.abf", 10);
        e.put("nwb/19926019.nwb", 12);
        e.put("nwb/2025053101.nwb", "2025053101.nwb: no current-clamp sweeps: 16 VoltageClampSeries (voltage clamp)");
        e.put("nwb/99111002.nwb", 16);
        e.put("nwb/FergusonEtAl2015_PYR2.nwb", 13);
        e.put("nwb/FergusonEtAl2015_PYR5_rebound.nwb", 10);
        e.put("nwb/LantyerEtAl2018_180817_ME_9_CC.nwb", 10);
        e.put("nwb/_2017_09_01_192934-compressed.nwb", "_2017_09_01_192934-compressed.nwb: gzip-compressed file "
                + "(the whole file is gzip-wrapped, not HDF5): decompress it first (gunzip)");
        return e;
    }

    @Test
    void everyRealRecordingIsExtractedOrFailsWithItsReason() throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String file : expected().keySet()) {
            Path path = cell(file);
            JsonPath accepted = given().multiPart("file", path.toFile()).post("/api/uploads")
                    .then().statusCode(202)
                    .header("Location", containsString("/api/uploads/"))
                    .body("status", equalTo("received"))
                    .body("fileName", equalTo(path.getFileName().toString()))
                    .body("sizeBytes", equalTo((int) Files.size(path)))
                    .body("digest", equalTo("sha2-256:" + Fixtures.sha256(Files.readAllBytes(path))))
                    .extract().jsonPath();
            assertEquals("/api/uploads/" + accepted.getString("id"), accepted.getString("links.self"));
            ids.put(file, accepted.getString("id"));
        }

        Map<String, JsonPath> finished = new HashMap<>();
        Map<String, Integer> familySizes = new HashMap<>();
        for (var e : expected().entrySet()) {
            String id = ids.get(e.getKey());
            JsonPath done = Eventually.get(e.getKey() + " extracted or failed", () -> {
                JsonPath p = given().get("/api/uploads/" + id).then().statusCode(200).extract().jsonPath();
                String status = p.getString("status");
                return status.equals("extracted") || status.equals("failed") ? Optional.of(p) : Optional.empty();
            });
            finished.put(e.getKey(), done);
            if (e.getValue() instanceof Integer sweeps) {
                assertEquals("extracted", done.getString("status"), e.getKey() + ": " + done.getString("reason"));
                assertEquals("extracted", done.getString("outcome"));
                String sha = done.getString("digest").substring("sha2-256:".length());
                assertEquals("upload:" + sha.substring(0, 16) + "/" + done.getString("fileName"),
                        done.getString("cellId"));
                assertNull(done.getString("reason"));
                familySizes.put(done.getString("cellId"), sweeps);
            } else {
                assertEquals("failed", done.getString("status"), e.getKey());
                assertEquals("unreadable", done.getString("outcome"));
                assertEquals(e.getValue(), done.getString("reason"));
                assertNull(done.getString("cellId"));
            }
        }

        // each extracted upload's family is on patchmap.sweeps, with its own number of sweeps
        var records = KafkaTestClient.await(Topics.SWEEPS, r -> familySizes.containsKey(r.key()),
                familySizes.size());
        Map<String, Integer> published = new HashMap<>();
        Map<String, SweepFamilyEvent.FileSubject> subjects = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            SweepFamilyEvent event = EventJson.read(Topics.SWEEPS, r.value(), SweepFamilyEvent.class);
            assertEquals("upload", event.provenance().source());
            published.put(r.key(), event.sweeps().size());
            if (event.subject() != null) {
                subjects.put(event.provenance().path(), event.subject());
            }
        }
        assertEquals(familySizes, published);
        // the subject each file states travels with its family, verbatim, with its lab and institution (ABF files
        // state none)
        assertEquals(new SweepFamilyEvent.FileSubject("Mus musculus", "P105D", "F",
                "Pvalbtm1(cre)Arbr or Ssttm2.1(cre)Zjh", null, null,
                "Donders Institute for Brain, Cognition and Behaviour, Radboud University"),
                subjects.get("LantyerEtAl2018_180817_ME_9_CC.nwb"));
        assertEquals(new SweepFamilyEvent.FileSubject("transgenic mouse", "P20D-P90D", "Unspecified", "PV-tdTomato",
                null, "Skinner Lab", "University of Toronto"), subjects.get("FergusonEtAl2015_PYR2.nwb"));
        assertEquals(Set.of("LantyerEtAl2018_180817_ME_9_CC.nwb", "FergusonEtAl2015_PYR2.nwb",
                "FergusonEtAl2015_PYR5_rebound.nwb", "99111002.nwb"), subjects.keySet());
        // the uploads are gone from disk once extracted (deleted right after the outcome is recorded)
        Eventually.until("the finished uploads deleted", () -> {
            try (var left = Files.walk(ExtractionTestResource.uploadsDir)) {
                return left.noneMatch(p -> Files.isRegularFile(p) && !p.toString().contains("/.incoming/")
                        && finished.values().stream().anyMatch(f -> p.toString().contains(f.getString("id"))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimit() throws Exception {
        // declared length over the limit: refused before the body is read
        Path big = abfLike(tmp.resolve("big.abf"), 3_500_000);
        given().multiPart("file", big.toFile()).post("/api/uploads").then().statusCode(413)
                .body("error", startsWith("upload: 35")).body("error", containsString(LIMIT));
        // just over: the body is read, and the file is named
        Path over = abfLike(tmp.resolve("over.abf"), 3_150_000);
        given().multiPart("file", over.toFile()).post("/api/uploads").then().statusCode(413)
                .body("error", equalTo("over.abf: 3150000 bytes, " + LIMIT));
        assertEquals(2.0, registry.get("patchmap.ingest.uploads").tag("outcome", "too_large").counter().count());
    }

    @Test
    void aFileThatIsNeitherNwbNorAbfIsRefusedWhateverItsName() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello, this is not a recording\n");
        given().multiPart("file", text.toFile()).post("/api/uploads").then().statusCode(415)
                .body("error", equalTo("notes.txt: neither NWB (HDF5) nor ABF: the file starts with bytes "
                        + "68 65 6c 6c 6f 2c 20 74"));
        Path named = Files.writeString(tmp.resolve("cell.nwb"), "not HDF5 either");
        given().multiPart("file", named.toFile()).post("/api/uploads").then().statusCode(415)
                .body("error", equalTo("cell.nwb: neither NWB (HDF5) nor ABF: the file starts with bytes "
                        + "6e 6f 74 20 48 44 46 35"));
        Path empty = Files.write(tmp.resolve("empty.abf"), new byte[0]);
        given().multiPart("file", empty.toFile()).post("/api/uploads").then().statusCode(415)
                .body("error", equalTo("empty.abf: empty file"));
    }

    @Test
    void noFileAndUnknownUploads() {
        given().multiPart("other", "x").post("/api/uploads").then().statusCode(400)
                .body("error", equalTo("multipart form field 'file' is missing"));
        given().get("/api/uploads/no-such-upload").then().statusCode(404)
                .body("error", equalTo("no upload no-such-upload"));
    }

    @Test
    void aClientFileNameCannotEscapeTheUploadsDirectory() throws Exception {
        byte[] abf = Files.readAllBytes(cell("abf/File_axon_5.abf"));
        JsonPath p = given().multiPart("file", "../../etc/cell one.abf", abf).post("/api/uploads")
                .then().statusCode(202).extract().jsonPath();
        assertEquals("cell_one.abf", p.getString("fileName"));
    }

    /** {@code bytes} bytes starting with the ABF 2 magic (the size check comes first anyway). */
    private static Path abfLike(Path path, int bytes) throws Exception {
        byte[] b = new byte[bytes];
        System.arraycopy("ABF2".getBytes(), 0, b, 0, 4);
        return Files.write(path, b);
    }
}
