package org.patchmap.core.recording.abf;

import java.util.List;

/**
 * What the reader needs from an ABF header, the same for ABF 1.x and 2.x (parsed by
 * {@link AbfV1Header} and {@link AbfV2Header}). All counts and offsets are validated against the
 * file size by the parsers before this is built.
 *
 * @param version            e.g. "1.83" or "2.6.0.0"
 * @param operationMode      ABF nOperationMode (5 = episodic stimulation)
 * @param floatData          true when samples are float32 (already in channel units), else int16
 * @param dataOffset         byte offset of the first sample
 * @param dataSamples        number of samples (all channels) in the data section
 * @param sweepCount         number of sweeps (episodes) in the file
 * @param samplesPerSweep    samples per channel per sweep
 * @param samplingRateHz     per channel
 * @param adcs               recorded channels in the order they are interleaved in the data
 * @param dacs               analog outputs with their epoch tables
 * @param sessionStart       file start date and time, ISO 8601 local time, or null
 * @param protocolPath       protocol file path as written, or null
 * @param guid               file GUID, or null
 */
record AbfHeader(String version, int operationMode, boolean floatData, long dataOffset, long dataSamples, int sweepCount,
                 int samplesPerSweep, double samplingRateHz, List<Adc> adcs, List<Dac> dacs, String sessionStart,
                 String protocolPath, String guid) {

    /**
     * A recorded channel: physical value = raw × scale + offset, in {@code units}.
     *
     * @param multiClampMode amplifier mode from a MultiClamp telegraph (0 V-clamp, 1 I-clamp, 2 I=0), -1 when
     *                       there is none (no telegraph, another instrument, ABF1)
     */
    record Adc(int number, String name, String units, double scale, double offset, int multiClampMode) {
        @Override
        public String toString() {
            return "'" + name + "' (" + units + ")";
        }
    }

    /**
     * An analog output: holding level and, when {@code epochsEnabled}, its epoch table (levels in {@code units}).
     *
     * @param lastLevelBetweenSweeps true when the output stays at the last epoch's level after the epochs
     *                               (nInterEpisodeLevel), instead of returning to holding
     */
    record Dac(int number, String name, String units, double holdingLevel, boolean epochsEnabled,
               boolean lastLevelBetweenSweeps, List<Epoch> epochs) {
    }

    /**
     * One epoch of the waveform. Durations in samples per channel.
     *
     * @param type 0 off, 1 step, 2 ramp, 3 pulse train, 4 triangle train, 5 cosine train, 7 biphasic train
     */
    record Epoch(int index, int type, double initLevel, double levelIncrement, long initDuration, long durationIncrement,
                 long pulsePeriod, long pulseWidth) {
        static final int OFF = 0;
        static final int STEP = 1;
        static final int RAMP = 2;
        static final int PULSE = 3;

        char letter() {
            return (char) ('A' + index);
        }
    }
}
