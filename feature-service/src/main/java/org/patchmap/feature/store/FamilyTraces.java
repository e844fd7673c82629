package org.patchmap.feature.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.patchmap.core.sweep.Sweep;
import org.patchmap.core.sweep.TraceCodec;
import org.patchmap.events.SweepFamilyEvent;
import org.patchmap.events.SweepFamilyEvent.TraceRef;
import org.patchmap.feature.config.FeatureConfig;
import org.patchmap.messaging.store.TraceReader;
import org.patchmap.messaging.store.TraceUnavailableException;

import java.util.List;

/**
 * A family's traces, as its event's claim-check points at them: only from this service's GridFS bucket,
 * checked and decoded by {@link TraceReader}, and holding one sweep per sweep the event lists.
 */
@ApplicationScoped
public class FamilyTraces {
    /** The trace layouts ingest writes: exact (float64) and compact (float32, difference-coded). */
    static final List<String> ENCODINGS = List.of(TraceCodec.ENCODING, TraceCodec.COMPACT_ENCODING);

    @Inject
    TraceReader reader;

    @Inject
    FeatureConfig config;

    /** @throws TraceUnavailableException when the traces are elsewhere, missing, damaged or do not match the event */
    public List<Sweep> load(SweepFamilyEvent family) {
        TraceRef ref = family.traces();
        String what = "traces " + ref.fileId() + " of " + family.cellId();
        String bucket = config.traces().bucket();
        if (!ref.bucket().equals(bucket)) {
            throw new TraceUnavailableException(what + " are in GridFS bucket '" + ref.bucket()
                    + "', this service reads '" + bucket + "'");
        }
        List<Sweep> sweeps = reader.read(ref, what, ENCODINGS, bytes -> TraceCodec.decode(ref.encoding(), bytes));
        if (sweeps.size() != family.sweeps().size()) {
            throw new TraceUnavailableException(what + " hold " + sweeps.size() + " sweeps, the event lists "
                    + family.sweeps().size());
        }
        return sweeps;
    }
}
