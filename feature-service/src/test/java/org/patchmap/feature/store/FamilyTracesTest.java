package org.patchmap.feature.store;

import org.junit.jupiter.api.Test;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.SweepFamilyEvent.TraceRef;
import org.patchmap.messaging.store.TraceReader;
import org.patchmap.messaging.store.TraceUnavailableException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the loader adds to the shared claim-check reader: its bucket, the encodings it reads, the sweep count. */
class FamilyTracesTest {
    private static final String CELL = "upload:0000000000000007/cell.nwb";
    private static final String FILE_ID = "6743a1f0c2b5e81d9a4f0c11";

    private final List<String> asked = new ArrayList<>();

    /** A loader for bucket "traces" whose reader answers {@code sweeps} without touching GridFS. */
    private FamilyTraces traces(List<Sweep> sweeps) {
        FamilyTraces traces = new FamilyTraces();
        traces.config = () -> () -> "traces";
        traces.reader = new TraceReader() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T read(TraceRef ref, String what, List<String> encodings, Function<byte[], T> decode) {
                asked.add(what + " " + encodings);
                return (T) sweeps;
            }
        };
        return traces;
    }

    private static SweepFamilyEvent family(String bucket) {
        return new SweepFamilyEvent(1, CELL, Provenance.upload("cell.nwb"), "sha2-256:abc#1", 20000.0,
                new SweepFamilyEvent.Window(0.1, 0.6),
                List.of(new SweepFamilyEvent.SweepSummary(1, -50, List.of()),
                        new SweepFamilyEvent.SweepSummary(2, 50, List.of())),
                List.of(), new TraceRef(bucket, FILE_ID, "patchmap-traces-v2+deflate", 10, "00", 2),
                Instant.parse("2026-11-24T10:00:00Z"));
    }

    private static Sweep sweep(int number) {
        return new Sweep(number, "sweep " + number, 20000.0, new double[10], new double[10]);
    }

    @Test
    void readsBothTraceEncodingsOfItsBucket() {
        List<Sweep> sweeps = List.of(sweep(1), sweep(2));
        assertEquals(sweeps, traces(sweeps).load(family("traces")));
        assertEquals(List.of("traces " + FILE_ID + " of " + CELL
                + " [patchmap-traces-v1+deflate, patchmap-traces-v2+deflate]"), asked);
    }

    @Test
    void anotherBucketIsRefusedUnread() {
        TraceUnavailableException e = assertThrows(TraceUnavailableException.class,
                () -> traces(List.of()).load(family("elsewhere")));
        assertEquals("traces " + FILE_ID + " of " + CELL + " are in GridFS bucket 'elsewhere', this service reads "
                + "'traces'", e.getMessage());
        assertEquals(List.of(), asked);
    }

    @Test
    void tracesWithAnotherSweepCountAreRefused() {
        TraceUnavailableException e = assertThrows(TraceUnavailableException.class,
                () -> traces(List.of(sweep(1))).load(family("traces")));
        assertEquals("traces " + FILE_ID + " of " + CELL + " hold 1 sweeps, the event lists 2", e.getMessage());
    }
}
