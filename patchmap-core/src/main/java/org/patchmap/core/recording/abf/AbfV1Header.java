package org.patchmap.core.recording.abf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ABF 1.x header (versions 1.6 to 1.8x): the fixed 6144-byte layout of the Axon File Support
 * Pack's ABFFileHeader, read at the documented byte offsets (as pyABF does). Channel parameters
 * are indexed by physical ADC number, taken from the sampling sequence; the epoch table holds 10
 * epochs for each of the two waveform DACs. Pre-1.6 files (2048-byte header, 16-bit epoch
 * durations, no telegraph block) are refused rather than guessed.
 */
final class AbfV1Header {
    static final int HEADER_BYTES = 6144;
    private static final int EPOCHS_PER_DAC = 10;
    private static final int WAVEFORM_DACS = 2;

    private AbfV1Header() {
    }

    static AbfHeader parse(AbfBytes b) throws CorruptAbfException {
        b.require(0, 512, "ABF1 header");
        float versionNumber = b.float32(4);
        String version = String.format(Locale.ROOT, "%.2f", versionNumber);
        if (!(versionNumber >= 1.6f && versionNumber < 2f)) {
            throw new CorruptAbfException("ABF " + version + " header: only ABF 1.6 to 1.8x (6144-byte header) and 2.x are read");
        }
        b.require(0, HEADER_BYTES, "ABF1 header");
        int operationMode = b.int16(8);
        long actualAcqLength = b.int32(10);
        long episodes = b.int32(16);
        long startDate = b.int32(20);
        long startTimeS = b.int32(24);
        long dataBlock = b.int32(40);
        int dataFormat = b.int16(100);
        int channels = b.int16(120);
        float intervalUs = b.float32(122);
        long samplesPerEpisode = b.int32(138);
        float adcRange = b.float32(244);
        long adcResolution = b.int32(252);
        int startMs = b.int16(366);

        if (dataFormat != 0 && dataFormat != 1) {
            throw new CorruptAbfException("unknown data format " + dataFormat + " (expected 0 = int16 or 1 = float32)");
        }
        boolean floatData = dataFormat == 1;
        if (channels < 1 || channels > AbfLimits.MAX_CHANNELS) {
            throw new CorruptAbfException(channels + " recorded channels in the header: corrupt header");
        }
        if (dataBlock <= 0) {
            throw new CorruptAbfException("data section pointer is " + dataBlock + ": corrupt header");
        }

        List<AbfHeader.Adc> adcs = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            int physical = b.int16(410 + 2L * i);
            if (physical < 0 || physical >= AbfLimits.MAX_CHANNELS) {
                throw new CorruptAbfException("sampling sequence entry " + i + " names ADC " + physical + ": corrupt header");
            }
            String name = b.text(442 + 10L * physical, 10);
            String units = b.text(602 + 8L * physical, 8);
            boolean telegraph = b.int16(4512 + 2L * physical) != 0;
            adcs.add(AbfScaling.adc(physical, name.isEmpty() ? "ADC " + physical : name, units, floatData, adcRange,
                    adcResolution, b.float32(922 + 4L * physical), b.float32(986 + 4L * physical),
                    b.float32(1050 + 4L * physical), b.float32(1114 + 4L * physical), b.float32(730 + 4L * physical),
                    telegraph ? b.float32(4576 + 4L * physical) : 1f, -1));
        }

        List<AbfHeader.Dac> dacs = new ArrayList<>();
        for (int d = 0; d < WAVEFORM_DACS; d++) {
            boolean enabled = b.int16(2296 + 2L * d) != 0 && b.int16(2300 + 2L * d) == 1;
            List<AbfHeader.Epoch> epochs = new ArrayList<>();
            for (int e = 0; e < EPOCHS_PER_DAC; e++) {
                int k = d * EPOCHS_PER_DAC + e;
                // pulse period/width are not in the 1.x epoch table: trains are read as steps
                epochs.add(new AbfHeader.Epoch(e, b.int16(2308 + 2L * k), b.float32(2348 + 4L * k),
                        b.float32(2428 + 4L * k), b.int32(2508 + 4L * k), b.int32(2588 + 4L * k), 0, 0));
            }
            String name = b.text(1306 + 10L * d, 10);
            dacs.add(new AbfHeader.Dac(d, name.isEmpty() ? "DAC " + d : name, b.text(1346 + 8L * d, 8),
                    b.float32(1394 + 4L * d), enabled, b.int16(2304 + 2L * d) != 0, epochs));
        }

        String protocol = b.text(4898, 256);
        return AbfLimits.header(version, operationMode, floatData, dataBlock * AbfV2Header.BLOCK, actualAcqLength,
                episodes, samplesPerEpisode, intervalUs, 1e6 / (intervalUs * channels), adcs, dacs,
                AbfLimits.isoStart(startDate, startTimeS * 1000 + startMs), protocol.isEmpty() ? null : protocol,
                AbfBytes.guid(b.bytes(5282, 16)), b);
    }
}
