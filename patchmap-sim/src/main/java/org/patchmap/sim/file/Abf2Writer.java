package org.patchmap.sim.file;

import org.patchmap.core.recording.Recording;
import org.patchmap.core.sweep.Sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Writes a recording as an ABF 2 file as Clampex lays it out: episodic stimulation, one
 * membrane-potential channel (mV) as int16, and the current command (pA) as DAC 0's epoch table
 * (epoch A at holding, epoch B the step with a level increment per sweep), which is how real
 * long-square files state their stimulus and what {@code AbfReader} prefers over a recorded
 * current. Blocks of 512 bytes: file info with the section map, then the protocol, ADC, DAC, epoch,
 * epoch-per-DAC and strings sections, then the data.
 * <p>
 * The voltage is quantised to {@link #voltageStepMv(Recording)}, the smallest power of two (mV
 * per count) that holds the largest |V| in int16, as a digitiser would at that gain. The file
 * depends only on the recording: no clock is read; the start date is the recording's session
 * start when it has one (else none) and the GUID is derived from its name and description.
 */
public final class Abf2Writer {
    static final int BLOCK = 512;
    private static final float ADC_RANGE_V = 10f;
    private static final int ADC_RESOLUTION = 32768;
    private static final int EPISODIC = 5;
    private static final int CURRENT_CLAMP = 1;
    private static final int EPOCH_STEP = 1;
    /** The MultiClamp 700's current-clamp command sensitivity, pA per V. */
    private static final float DAC_SCALE_PA_PER_V = 400f;
    private static final int PROTOCOL_BYTES = 512;
    private static final int ADC_BYTES = 128;
    private static final int DAC_BYTES = 256;
    private static final int EPOCH_BYTES = 32;
    private static final int EPOCH_PER_DAC_BYTES = 48;
    private static final int STRINGS_HEADER_BYTES = 44;
    // string indices (1 = first string)
    private static final int CREATOR = 1;
    private static final int PROTOCOL_PATH = 2;
    private static final int ADC_NAME = 3;
    private static final int ADC_UNITS = 4;
    private static final int DAC_NAME = 5;
    private static final int DAC_UNITS = 6;

    private Abf2Writer() {
    }

    public static void write(Recording recording, Path file) throws IOException {
        Files.write(file, bytes(recording));
    }

    /** mV per int16 count the voltage is stored at. */
    public static double voltageStepMv(Recording recording) {
        double max = 0;
        for (Sweep s : recording.sweeps()) {
            for (double v : s.voltageMv()) {
                max = Math.max(max, Math.abs(v));
            }
        }
        int k = max == 0 ? -16 : (int) Math.ceil(Math.log(max / Short.MAX_VALUE) / Math.log(2));
        while (Math.round(max / Math.scalb(1.0, k)) > Short.MAX_VALUE) {
            k++;
        }
        return Math.scalb(1.0, k);
    }

    public static byte[] bytes(Recording recording) {
        List<Sweep> sweeps = recording.sweeps();
        if (sweeps.isEmpty()) {
            throw new IllegalArgumentException(recording.fileName() + ": no sweeps to write");
        }
        int n = sweeps.get(0).voltageMv().length;
        double rate = sweeps.get(0).samplingRateHz();
        for (Sweep s : sweeps) {
            if (s.voltageMv().length != n || s.currentPa().length != n || s.samplingRateHz() != rate) {
                throw new IllegalArgumentException(recording.fileName() + ": sweeps differ in length or sampling rate;"
                        + " an episodic ABF file has one of each");
            }
        }
        SquareCommand command = SquareCommand.of(recording);
        double stepMv = voltageStepMv(recording);
        float instrumentScale = (float) (ADC_RANGE_V / ADC_RESOLUTION / stepMv);

        byte[] strings = strings(recording);
        long dataSamples = (long) n * sweeps.size();
        int protocolBlock = 1;
        int adcBlock = protocolBlock + blocks(PROTOCOL_BYTES);
        int dacBlock = adcBlock + blocks(ADC_BYTES);
        int epochBlock = dacBlock + blocks(DAC_BYTES);
        int epochPerDacBlock = epochBlock + blocks(2 * EPOCH_BYTES);
        int stringsBlock = epochPerDacBlock + blocks(2 * EPOCH_PER_DAC_BYTES);
        int dataBlock = stringsBlock + blocks(strings.length);
        long size = (long) dataBlock * BLOCK + 2 * dataSamples;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(recording.fileName() + ": " + size + " bytes, too large to write");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);

        fileInfo(b, recording, sweeps.size());
        section(b, Section.PROTOCOL, protocolBlock, PROTOCOL_BYTES, 1);
        section(b, Section.ADC, adcBlock, ADC_BYTES, 1);
        section(b, Section.DAC, dacBlock, DAC_BYTES, 1);
        section(b, Section.EPOCH, epochBlock, EPOCH_BYTES, 2);
        section(b, Section.EPOCH_PER_DAC, epochPerDacBlock, EPOCH_PER_DAC_BYTES, 2);
        section(b, Section.STRINGS, stringsBlock, strings.length, 1);
        section(b, Section.DATA, dataBlock, 2, dataSamples);

        protocol(b, protocolBlock * BLOCK, rate, n, sweeps.size());
        adc(b, adcBlock * BLOCK, instrumentScale, rate);
        dac(b, dacBlock * BLOCK, command.holdingPa());
        for (int e = 0; e < 2; e++) {
            b.putShort(epochBlock * BLOCK + e * EPOCH_BYTES, (short) e); // nEpochNum; digital outputs all off
        }
        epochs(b, epochPerDacBlock * BLOCK, command, n);
        b.put(stringsBlock * BLOCK, strings);

        int at = dataBlock * BLOCK;
        for (Sweep s : sweeps) {
            for (double v : s.voltageMv()) {
                long raw = Math.round(v / stepMv);
                b.putShort(at, (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, raw)));
                at += 2;
            }
        }
        return b.array();
    }

    private static int blocks(int bytes) {
        return (bytes + BLOCK - 1) / BLOCK;
    }

    /** Section indices in the ABF 2 section map. */
    private enum Section {
        PROTOCOL(0), ADC(1), DAC(2), EPOCH(3), EPOCH_PER_DAC(5), STRINGS(9), DATA(10);

        final int index;

        Section(int index) {
            this.index = index;
        }
    }

    private static void section(ByteBuffer b, Section s, int block, int entryBytes, long entries) {
        int o = 76 + 16 * s.index;
        b.putInt(o, block);
        b.putInt(o + 4, entryBytes);
        b.putLong(o + 8, entries);
    }

    private static void fileInfo(ByteBuffer b, Recording r, int sweeps) {
        b.put(0, "ABF2".getBytes(StandardCharsets.US_ASCII));
        b.put(4, new byte[] {0, 0, 0, 2}); // version 2.0.0.0, least significant part first
        b.putInt(8, BLOCK); // uFileInfoSize
        b.putInt(12, sweeps); // lActualEpisodes
        LocalDateTime start = sessionStart(r);
        if (start != null) {
            b.putInt(16, start.getYear() * 10000 + start.getMonthValue() * 100 + start.getDayOfMonth());
            b.putInt(20, (int) (start.toLocalTime().toNanoOfDay() / 1_000_000L));
        }
        b.putShort(28, (short) 1); // nFileType: ABF
        b.putShort(30, (short) 0); // nDataFormat: int16
        b.putShort(32, (short) 1); // nSimultaneousScan
        b.put(40, guid(r));
        b.putInt(60, CREATOR); // uCreatorNameIndex
        b.putInt(72, PROTOCOL_PATH); // uProtocolPathIndex
    }

    private static void protocol(ByteBuffer b, int o, double rate, int n, int sweeps) {
        float intervalUs = (float) (1e6 / rate);
        double sweepS = n / rate;
        b.putShort(o, (short) EPISODIC); // nOperationMode
        b.putFloat(o + 2, intervalUs); // fADCSequenceInterval
        b.putFloat(o + 18, (float) (sweepS * sweeps)); // fSecondsPerRun
        b.putInt(o + 22, n); // lNumSamplesPerEpisode (one channel)
        b.putInt(o + 30, sweeps); // lEpisodesPerRun
        b.putInt(o + 34, 1); // lRunsPerTrial
        b.putInt(o + 38, 1); // lNumberOfTrials
        b.putFloat(o + 62, (float) sweepS); // fEpisodeStartToStart
        b.putInt(o + 86, n); // lSamplesPerTrace
        b.putInt(o + 90, 1); // lStartDisplayNum
        b.putInt(o + 94, n); // lFinishDisplayNum
        b.putFloat(o + 110, ADC_RANGE_V); // fADCRange
        b.putFloat(o + 114, ADC_RANGE_V); // fDACRange
        b.putInt(o + 118, ADC_RESOLUTION); // lADCResolution
        b.putInt(o + 122, ADC_RESOLUTION); // lDACResolution
        b.putShort(o + 126, (short) CURRENT_CLAMP); // nExperimentType
    }

    private static void adc(ByteBuffer b, int o, float instrumentScale, double rate) {
        b.putShort(o, (short) 0); // nADCNum
        b.putFloat(o + 6, 1f); // fTelegraphAdditGain (telegraph off)
        b.putFloat(o + 28, 1f); // fADCProgrammableGain
        b.putFloat(o + 32, 1f); // fADCDisplayAmplification
        b.putFloat(o + 40, instrumentScale); // fInstrumentScaleFactor, V per mV
        b.putFloat(o + 48, 1f); // fSignalGain
        b.putFloat(o + 56, (float) (rate / 2)); // fSignalLowpassFilter: Nyquist
        b.putInt(o + 74, ADC_NAME);
        b.putInt(o + 78, ADC_UNITS);
    }

    private static void dac(ByteBuffer b, int o, float holdingPa) {
        b.putShort(o, (short) 0); // nDACNum
        b.putFloat(o + 4, holdingPa); // fInstrumentHoldingLevel
        b.putFloat(o + 8, DAC_SCALE_PA_PER_V); // fDACScaleFactor
        b.putFloat(o + 12, holdingPa); // fDACHoldingLevel
        b.putFloat(o + 16, 1f); // fDACCalibrationFactor
        b.putInt(o + 24, DAC_NAME);
        b.putInt(o + 28, DAC_UNITS);
        b.putShort(o + 40, (short) 1); // nWaveformEnable
        b.putShort(o + 42, (short) 1); // nWaveformSource: epochs
        b.putShort(o + 44, (short) 0); // nInterEpisodeLevel: back to holding
    }

    private static void epochs(ByteBuffer b, int o, SquareCommand c, int n) {
        epoch(b, o, 0, c.holdingPa(), 0, c.holdingSamples(n));
        epoch(b, o + EPOCH_PER_DAC_BYTES, 1, c.firstLevel(), c.increment(), c.to() - c.from());
    }

    private static void epoch(ByteBuffer b, int o, int index, float level, float increment, int samples) {
        b.putShort(o, (short) index); // nEpochNum
        b.putShort(o + 2, (short) 0); // nDACNum
        b.putShort(o + 4, (short) EPOCH_STEP);
        b.putFloat(o + 6, level);
        b.putFloat(o + 10, increment);
        b.putInt(o + 14, samples);
    }

    /**
     * The strings section: the 44-byte 'SSCH' header, then NUL-terminated strings. The header ends
     * in zeros and no string is empty, so readers that look for the last double NUL find the start.
     */
    private static byte[] strings(Recording r) {
        String description = r.subject() == null || r.subject().description() == null
                ? "simulated recording" : r.subject().description();
        List<String> all = List.of("PatchMap simulator", description, "Vm", "mV", "Icmd", "pA");
        ByteBuffer text = ByteBuffer.allocate(1 << 16);
        int longest = 0;
        for (String s : all) {
            byte[] bytes = s.replace('\0', ' ').getBytes(StandardCharsets.ISO_8859_1);
            text.put(bytes).put((byte) 0);
            longest = Math.max(longest, bytes.length + 1);
        }
        int textBytes = text.position();
        ByteBuffer out = ByteBuffer.allocate(STRINGS_HEADER_BYTES + textBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put("SSCH".getBytes(StandardCharsets.US_ASCII));
        out.putInt(1); // version
        out.putInt(all.size());
        out.putInt(longest);
        out.putInt(textBytes);
        out.position(STRINGS_HEADER_BYTES);
        out.put(text.array(), 0, textBytes);
        return out.array();
    }

    private static LocalDateTime sessionStart(Recording r) {
        String start = r.subject() == null ? null : r.subject().sessionStart();
        if (start == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(start);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A name-based UUID of the recording, in the Windows GUID byte order ABF files use. */
    private static byte[] guid(Recording r) {
        String description = r.subject() == null ? "" : String.valueOf(r.subject().description());
        UUID u = UUID.nameUUIDFromBytes((r.fileName() + "\n" + description).getBytes(StandardCharsets.UTF_8));
        ByteBuffer g = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        long msb = u.getMostSignificantBits();
        g.putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16)).putShort((short) msb);
        g.order(ByteOrder.BIG_ENDIAN).putLong(u.getLeastSignificantBits());
        return g.array();
    }
}
