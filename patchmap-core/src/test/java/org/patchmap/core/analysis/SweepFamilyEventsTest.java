package org.patchmap.core.analysis;

import org.junit.jupiter.api.Test;
import org.patchmap.testing.SharedData;
import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.events.CellIds;
import org.patchmap.events.EventJson;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.Topics;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SweepFamilyEventsTest {
    @Test
    void membersInAmplitudeOrderWithTenthPaAmplitudes() throws Exception {
        // PYR5_rebound.abf lists its steps from -24.7 down to -248.4 pA
        SweepFamily family = CellAnalysis.family(SharedData.cell("PYR5_rebound.abf"));
        SweepFamily ordered = SweepFamilyEvents.inAmplitudeOrder(family);
        assertEquals(-248.4, ordered.sweeps().get(0).amplitudePa(), 0.05);
        assertEquals(-24.7, ordered.sweeps().get(9).amplitudePa(), 0.05);
        assertSame(family.sweeps().get(9).sweep(), ordered.sweeps().get(0).sweep());
        assertEquals(family.startS(), ordered.startS());

        SweepFamilyEvent.TraceRef traces = new SweepFamilyEvent.TraceRef("traces", "6743a1f0c2b5e81d9a4f0c11",
                "patchmap-traces-v2+deflate", 100, "ab", 10);
        String cell = CellIds.cell(CellIds.uploadFile("0123456789abcdef0123", "PYR5_rebound.abf"), 1);
        SweepFamilyEvent event = SweepFamilyEvents.of(ordered, cell, Provenance.upload("PYR5_rebound.abf"),
                "sha2-256:0123#1", traces, null, Instant.parse("2026-11-25T10:00:00Z"));
        assertEquals("upload:0123456789abcdef/PYR5_rebound.abf", event.cellId());
        assertEquals(10, event.sweeps().size());
        for (int k = 0; k < 10; k++) {
            FamilySweep m = ordered.sweeps().get(k);
            assertEquals(m.sweep().sweepNumber(), event.sweeps().get(k).sweepNumber());
            assertEquals(Math.round(m.amplitudePa() * 10) / 10.0, event.sweeps().get(k).amplitudePa());
        }
        assertEquals(List.of(), event.flags());
        assertEquals(new SweepFamilyEvent.Window(family.startS(), family.endS()), event.window());
        assertEquals(event, EventJson.read(Topics.SWEEPS, EventJson.write(event), SweepFamilyEvent.class));
    }
}
