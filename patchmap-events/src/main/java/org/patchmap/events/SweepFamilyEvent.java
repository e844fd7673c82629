package org.patchmap.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code patchmap.sweeps}: the long-square family of one cell, keyed by {@link #cellId}.
 * Published by ingest-service, consumed by feature-service. The traces themselves are in
 * MongoDB GridFS ({@link #traces}); the event only points at them, so it stays a few kB.
 *
 * @param schemaVersion  {@value #SCHEMA_VERSION}
 * @param cellId         stable cell id ({@link CellIds})
 * @param provenance     where the file comes from
 * @param inputDigest    digest of the source file plus family index: consumers upsert by (cellId, inputDigest)
 * @param samplingRateHz sampling rate of every sweep of the family
 * @param window         the long-square epoch, seconds from sweep start
 * @param sweeps         the family, in stimulus-amplitude order
 * @param flags          family flags: "pre_pulse", "few_sweeps", "low_sampling_rate"
 * @param traces         GridFS reference to the voltage and current traces
 * @param display        GridFS reference to the same sweeps thinned for drawing (about 2,000 points
 *                       per sweep, the first AP at full resolution); optional (added to version 1)
 * @param subject        the subject as the file itself states it (NWB {@code /general/subject}, with the
 *                       recording's temperature, lab and institution), for metadata-service; optional (added
 *                       to version 1)
 * @param extractedAt    when the family was extracted
 */
public record SweepFamilyEvent(int schemaVersion, String cellId, Provenance provenance, String inputDigest,
                               double samplingRateHz, Window window, List<SweepSummary> sweeps,
                               List<String> flags, TraceRef traces, TraceRef display, FileSubject subject,
                               Instant extractedAt) {
    public static final int SCHEMA_VERSION = 1;
    private static final String EVENT = Topics.SWEEPS;

    public SweepFamilyEvent {
        Require.schema(EVENT, schemaVersion, SCHEMA_VERSION);
        Require.text(EVENT, "cellId", cellId);
        Require.present(EVENT, "provenance", provenance);
        Require.text(EVENT, "inputDigest", inputDigest);
        Require.positiveFinite(EVENT, "samplingRateHz", samplingRateHz);
        Require.present(EVENT, "window", window);
        sweeps = List.copyOf(Require.nonEmpty(EVENT, "sweeps", sweeps));
        flags = flags == null ? List.of() : List.copyOf(flags);
        Require.present(EVENT, "traces", traces);
        if (traces.sweepCount() != sweeps.size()) {
            throw new InvalidEventException(EVENT + ": traces hold " + traces.sweepCount() + " sweeps but the event lists "
                    + sweeps.size());
        }
        if (display != null && display.sweepCount() != sweeps.size()) {
            throw new InvalidEventException(EVENT + ": display holds " + display.sweepCount()
                    + " sweeps but the event lists " + sweeps.size());
        }
        Require.present(EVENT, "extractedAt", extractedAt);
    }

    /** An event without the file's subject (as written before {@code subject} existed). */
    public SweepFamilyEvent(int schemaVersion, String cellId, Provenance provenance, String inputDigest,
                            double samplingRateHz, Window window, List<SweepSummary> sweeps, List<String> flags,
                            TraceRef traces, TraceRef display, Instant extractedAt) {
        this(schemaVersion, cellId, provenance, inputDigest, samplingRateHz, window, sweeps, flags, traces, display,
                null, extractedAt);
    }

    /** An event without display traces (as written before {@code display} existed). */
    public SweepFamilyEvent(int schemaVersion, String cellId, Provenance provenance, String inputDigest,
                            double samplingRateHz, Window window, List<SweepSummary> sweeps, List<String> flags,
                            TraceRef traces, Instant extractedAt) {
        this(schemaVersion, cellId, provenance, inputDigest, samplingRateHz, window, sweeps, flags, traces, null,
                null, extractedAt);
    }

    /**
     * The subject as the recording file states it, verbatim (metadata-service interprets it). Any
     * field may be null.
     *
     * @param species     e.g. "Mus musculus", "transgenic mouse"
     * @param age         e.g. "P105D", "P20D-P90D"
     * @param sex         e.g. "F", "male"
     * @param genotype    e.g. "PV-tdTomato"
     * @param temperature recording temperature as written, e.g. "34 C"
     * @param lab         the lab as written (NWB {@code /general/lab}), e.g. "Skinner Lab"; optional (added to
     *                    version 1)
     * @param institution the institution as written (NWB {@code /general/institution}), e.g. "University of
     *                    Toronto"; optional (added to version 1)
     */
    public record FileSubject(String species, String age, String sex, String genotype, String temperature,
                              String lab, String institution) {
        /** A subject without lab or institution. */
        public FileSubject(String species, String age, String sex, String genotype, String temperature) {
            this(species, age, sex, genotype, temperature, null, null);
        }

        /** Whether the file states nothing at all. */
        public boolean isEmpty() {
            return species == null && age == null && sex == null && genotype == null && temperature == null
                    && lab == null && institution == null;
        }
    }

    /**
     * The long-square epoch.
     *
     * @param startS epoch start, s from sweep start
     * @param endS   epoch end, s from sweep start
     */
    public record Window(double startS, double endS) {
        public Window {
            if (!(Double.isFinite(startS) && Double.isFinite(endS) && startS >= 0 && endS > startS)) {
                throw new InvalidEventException(EVENT + ": window [" + startS + ", " + endS + "] s is not a valid interval");
            }
        }
    }

    /**
     * One sweep of the family.
     *
     * @param sweepNumber the file's own sweep number
     * @param amplitudePa stimulus amplitude relative to holding, pA (0.1 pA resolution)
     * @param flags       sweep flags, e.g. "pre_pulse"
     */
    public record SweepSummary(int sweepNumber, double amplitudePa, List<String> flags) {
        public SweepSummary {
            if (!Double.isFinite(amplitudePa)) {
                throw new InvalidEventException(EVENT + ": sweep " + sweepNumber + " has a non-finite amplitude");
            }
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    /**
     * Claim-check reference to the traces in GridFS.
     *
     * @param bucket     GridFS bucket name, "traces"
     * @param fileId     GridFS file id (hex ObjectId)
     * @param encoding   byte layout, see {@code org.patchmap.core.sweep.TraceCodec} (traces) and
     *                   {@code org.patchmap.core.sweep.DisplayCodec} (display)
     * @param sizeBytes  stored length in bytes
     * @param sha256     SHA-256 of the stored bytes, hex
     * @param sweepCount number of sweeps stored
     */
    public record TraceRef(String bucket, String fileId, String encoding, long sizeBytes, String sha256,
                           int sweepCount) {
        public TraceRef {
            Require.text(EVENT, "traces.bucket", bucket);
            Require.text(EVENT, "traces.fileId", fileId);
            Require.text(EVENT, "traces.encoding", encoding);
            Require.nonNegative(EVENT, "traces.sizeBytes", sizeBytes);
            Require.text(EVENT, "traces.sha256", sha256);
        }

        /**
         * How the bytes read back differ from this claim-check (length first, then SHA-256), as the
         * end of a sentence about them ("are 10 bytes, the event says 12"); empty when they match.
         */
        public java.util.Optional<String> mismatch(byte[] stored) {
            if (stored.length != sizeBytes) {
                return java.util.Optional.of("are " + stored.length + " bytes, the event says " + sizeBytes);
            }
            if (!Sha256.hex(stored).equals(sha256)) {
                return java.util.Optional.of("do not match their SHA-256 " + sha256);
            }
            return java.util.Optional.empty();
        }
    }
}
