package org.patchmap.core.analysis;

import org.patchmap.core.protocol.FamilySweep;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.SubjectInfo;
import org.patchmap.events.Provenance;
import org.patchmap.events.SweepFamilyEvent;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A long-square family as the {@code patchmap.sweeps} event carries it, its traces stored elsewhere. */
public final class SweepFamilyEvents {
    private SweepFamilyEvents() {
    }

    /**
     * The family with its members in stimulus-amplitude order (as the event lists them; ties keep
     * file order). Store the traces of this family, so that trace k is the event's sweep k.
     */
    public static SweepFamily inAmplitudeOrder(SweepFamily family) {
        List<FamilySweep> members = family.sweeps().stream()
                .sorted(Comparator.comparingDouble(FamilySweep::amplitudePa)).toList();
        return new SweepFamily(family.startS(), family.endS(), family.samplingRateHz(), members, family.flags(),
                family.skipped());
    }

    /**
     * The event of {@code family} ({@link #inAmplitudeOrder}): members in the family's order, each with its amplitude
     * relative to holding rounded to 0.1 pA, and the family's window, rate and flags.
     *
     * @param display the display traces' reference, or null
     */
    public static SweepFamilyEvent of(SweepFamily family, String cellId, Provenance provenance, String inputDigest,
                                      SweepFamilyEvent.TraceRef traces, SweepFamilyEvent.TraceRef display,
                                      Instant extractedAt) {
        return of(family, cellId, provenance, inputDigest, traces, display, SubjectInfo.NONE, extractedAt);
    }

    /** As above, with the subject the file states ({@link SubjectInfo#NONE}: none). */
    public static SweepFamilyEvent of(SweepFamily family, String cellId, Provenance provenance, String inputDigest,
                                      SweepFamilyEvent.TraceRef traces, SweepFamilyEvent.TraceRef display,
                                      SubjectInfo subject, Instant extractedAt) {
        List<SweepFamilyEvent.SweepSummary> sweeps = family.sweeps().stream()
                .map(m -> new SweepFamilyEvent.SweepSummary(m.sweep().sweepNumber(), tenthPa(m), List.of()))
                .toList();
        return new SweepFamilyEvent(SweepFamilyEvent.SCHEMA_VERSION, cellId, provenance, inputDigest,
                family.samplingRateHz(), new SweepFamilyEvent.Window(family.startS(), family.endS()), sweeps,
                family.flags(), traces, display, subject(subject), extractedAt);
    }

    private static SweepFamilyEvent.FileSubject subject(SubjectInfo s) {
        if (s == null) {
            return null;
        }
        SweepFamilyEvent.FileSubject f = new SweepFamilyEvent.FileSubject(s.species(), s.age(), s.sex(), s.genotype(),
                s.temperature(), s.lab(), s.institution());
        return f.isEmpty() ? null : f;
    }

    private static double tenthPa(FamilySweep m) {
        return Math.round(m.amplitudePa() * 10) / 10.0;
    }
}
