package org.patchmap.feature;

import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBuckets;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.LongSquareDetector;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.core.sweep.TraceCodec;
import org.patchmap.deploy.testing.KafkaTestClient;
import org.patchmap.events.EventJson;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;
import org.patchmap.testing.SharedData;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A real recording sent to the service as ingest-service sends it: its long-square family's traces in
 * GridFS bucket {@code traces}, the event with their claim-check on {@code patchmap.sweeps}.
 *
 * @param family the family as patchmap-core finds it in the file
 * @param event  the event sent
 */
public record RealCell(SweepFamily family, SweepFamilyEvent event) {
    /**
     * @param file     a file of {@code data/cells} under ../shared
     * @param encoding {@link TraceCodec#ENCODING} or {@link TraceCodec#COMPACT_ENCODING} (what ingest writes)
     */
    public static RealCell send(MongoClient mongo, String file, String cellId, String encoding) throws Exception {
        SweepFamily family = LongSquareDetector.detect(RecordingReader.read(SharedData.cell(file)));
        List<Sweep> sweeps = family.sweeps().stream().map(FamilySweep::sweep).toList();
        byte[] bytes = TraceCodec.ENCODING.equals(encoding) ? TraceCodec.encode(sweeps)
                : TraceCodec.encodeCompact(sweeps);
        String id = GridFSBuckets.create(mongo.getDatabase("patchmap"), "traces")
                .uploadFromStream(cellId, new ByteArrayInputStream(bytes)).toHexString();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        SweepFamilyEvent event = new SweepFamilyEvent(1, cellId, Provenance.upload(file),
                "sha2-256:" + sha + "#1", family.samplingRateHz(),
                new SweepFamilyEvent.Window(family.startS(), family.endS()),
                family.sweeps().stream().map(m -> new SweepFamilyEvent.SweepSummary(m.sweep().sweepNumber(),
                        m.amplitudePa(), List.of())).toList(),
                family.flags(), new SweepFamilyEvent.TraceRef("traces", id, encoding, bytes.length, sha,
                sweeps.size()), Instant.parse("2026-11-25T09:00:00Z"));
        KafkaTestClient.send(Topics.SWEEPS, cellId, EventJson.write(event));
        return new RealCell(family, event);
    }
}
