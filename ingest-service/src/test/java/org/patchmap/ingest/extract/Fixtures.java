package org.patchmap.ingest.extract;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.patchmap.deploy.testing.Eventually;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.testing.SharedData;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.CellIds;
import org.patchmap.events.EventJson;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the extraction tests share: real files as assets, the ledger's outcomes, GridFS reads. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A real recording of ../shared/data/cells, e.g. {@code abf/File_axon_5.abf}. */
    public static Path cell(String relative) {
        return SharedData.path("data/cells/" + relative);
    }

    /** {@code file} copied into the uploads directory as {@code name}, as the upload endpoint stores it, and its event. */
    static AssetEvent upload(Path file, String name) throws Exception {
        Path target = ExtractionTestResource.uploadsDir.resolve(UUID.randomUUID().toString()).resolve(name);
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
        String sha = sha256(Files.readAllBytes(target));
        return new AssetEvent(1, AssetEvent.SOURCE_UPLOAD, CellIds.uploadFile(sha, name), Provenance.upload(name),
                Files.size(target), "sha2-256:" + sha, null, target.toString(), Map.of(), Instant.now());
    }

    static void send(AssetEvent asset) {
        KafkaTestClient.send(Topics.ASSETS, asset.fileKey(), EventJson.write(asset));
    }

    /** Sends the asset to one partition of patchmap.assets: assets sent there are extracted in that order. */
    static void send(AssetEvent asset, int partition) {
        KafkaTestClient.send(Topics.ASSETS, partition, asset.fileKey(), EventJson.write(asset));
    }

    /** The family published for this cell. */
    static SweepFamilyEvent sweeps(String cellId) {
        return EventJson.read(Topics.SWEEPS, KafkaTestClient.awaitValue(Topics.SWEEPS, cellId),
                SweepFamilyEvent.class);
    }

    /** The asset ledger's entry once extraction recorded an outcome. */
    static Document outcome(MongoClient mongo, AssetEvent asset) {
        String id = asset.fileKey() + "@" + asset.digest();
        return Eventually.get("outcome of " + asset.fileKey(), () -> Optional.ofNullable(
                mongo.getDatabase(ExtractionTestResource.DATABASE).getCollection("assets")
                        .find(Filters.and(Filters.eq("_id", id), Filters.ne("status", "pending"))).first()));
    }

    /** The bytes a claim-check points at, checked by length and SHA-256 as feature-service checks them. */
    static byte[] load(MongoClient mongo, SweepFamilyEvent.TraceRef ref) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GridFSBuckets.create(mongo.getDatabase(ExtractionTestResource.DATABASE), ref.bucket())
                .downloadToStream(new ObjectId(ref.fileId()), out);
        byte[] bytes = out.toByteArray();
        assertEquals(ref.sizeBytes(), bytes.length, "stored length");
        assertEquals(ref.sha256(), sha256(bytes), "stored SHA-256");
        return bytes;
    }

    public static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The first {@code bytes} bytes of a real file: a truncated recording. */
    static Path truncated(Path file, int bytes, Path dir) throws IOException {
        Path out = dir.resolve("truncated-" + file.getFileName());
        Files.write(out, java.util.Arrays.copyOf(Files.readAllBytes(file), bytes));
        return out;
    }

    /**
     * A small NWB 2 file whose two current-clamp sweeps are ramps (0 to 100 and 200 pA over 1 s,
     * 10 kHz): readable, but without a long-square epoch.
     */
    static Path rampsOnly(Path path) {
        try (WritableHdfFile f = HdfFile.write(path)) {
            f.putAttribute("neurodata_type", "NWBFile");
            f.putAttribute("nwb_version", "2.5.0");
            f.putDataset("session_start_time", "2024-01-02T03:04:05+00:00");
            f.putDataset("session_description", "ramps");
            WritableGroup acquisition = f.putGroup("acquisition");
            WritableGroup presentation = f.putGroup("stimulus").putGroup("presentation");
            for (int s = 1; s <= 2; s++) {
                int n = 10_000;
                float[] v = new float[n];
                double[] i = new double[n];
                for (int k = 0; k < n; k++) {
                    i[k] = 100e-12 * s * k / n;
                    v[k] = (float) ((-70 + 0.02 * s * 100 * k / n) * 1e-3);
                }
                series(acquisition, "CurrentClampSeries_" + s, "CurrentClampSeries", v, "volts", s);
                series(presentation, "CurrentClampStimulusSeries_" + s, "CurrentClampStimulusSeries", i, "amperes", s);
            }
        }
        return path;
    }

    private static void series(WritableGroup parent, String name, String type, Object data, String unit, int sweep) {
        WritableGroup g = parent.putGroup(name);
        g.putAttribute("neurodata_type", type);
        g.putAttribute("sweep_number", sweep);
        WritableDataset d = g.putDataset("data", data);
        d.putAttribute("unit", unit);
        d.putAttribute("conversion", 1.0);
        WritableDataset t = g.putDataset("starting_time", 0.0);
        t.putAttribute("rate", 10_000.0);
        t.putAttribute("unit", "seconds");
    }
}
