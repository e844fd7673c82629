package org.patchmap.core.recording.abf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ABF 2.x header: the 512-byte file info block with its section map (block index, bytes per
 * entry, number of entries, 512-byte blocks), then ProtocolSection, ADCSection, DACSection,
 * EpochPerDACSection, StringsSection and DataSection (layout as documented by the Axon ABF File
 * Support Pack and pyABF). Every section is checked against the file size before it is read.
 */
final class AbfV2Header {
    static final int BLOCK = 512;
    private static final int SECTION_MAP = 76;
    // section indices in the map (16 bytes each)
    private static final int PROTOCOL = 0;
    private static final int ADC = 1;
    private static final int DAC = 2;
    private static final int EPOCH_PER_DAC = 5;
    private static final int STRINGS = 9;
    private static final int DATA = 10;
    /** nTelegraphInstrument of a MultiClamp 700 (the only instrument whose telegraph mode is trusted). */
    private static final int MULTICLAMP = 24;

    private AbfV2Header() {
    }

    private record Section(String name, long offset, long entryBytes, long entries) {
        long entry(int i) {
            return offset + i * entryBytes;
        }
    }

    static AbfHeader parse(AbfBytes b) throws CorruptAbfException {
        b.require(0, BLOCK, "ABF2 file info block");
        String version = (b.bytes(4, 4)[3] & 0xFF) + "." + (b.bytes(4, 4)[2] & 0xFF) + "." + (b.bytes(4, 4)[1] & 0xFF)
                + "." + (b.bytes(4, 4)[0] & 0xFF);
        long episodes = b.uint32(12);
        long startDate = b.uint32(16);
        long startTimeMs = b.uint32(20);
        int dataFormat = b.int16(30);
        String guid = AbfBytes.guid(b.bytes(40, 16));
        long protocolPathIndex = b.uint32(72);

        Section protocol = section(b, "ProtocolSection", PROTOCOL, 126, 1, 1);
        Section adcSec = section(b, "ADCSection", ADC, 82, 1, AbfLimits.MAX_CHANNELS);
        Section dacSec = section(b, "DACSection", DAC, 46, 0, AbfLimits.MAX_DACS);
        Section epochSec = section(b, "EpochPerDACSection", EPOCH_PER_DAC, 30, 0, AbfLimits.MAX_DACS * AbfLimits.MAX_EPOCHS);
        Section stringsSec = section(b, "StringsSection", STRINGS, 1, 0, Long.MAX_VALUE);
        Section data = section(b, "DataSection", DATA, 2, 1, Long.MAX_VALUE);

        long p = protocol.offset();
        int operationMode = b.int16(p);
        float intervalUs = b.float32(p + 2);
        long samplesPerEpisode = b.int32(p + 22);
        float adcRange = b.float32(p + 110);
        long adcResolution = b.int32(p + 118);

        List<String> strings = strings(b, stringsSec);

        int channels = (int) adcSec.entries();
        if (dataFormat != 0 && dataFormat != 1) {
            throw new CorruptAbfException("unknown data format " + dataFormat + " (expected 0 = int16 or 1 = float32)");
        }
        boolean floatData = dataFormat == 1;
        if (data.entryBytes() != (floatData ? 4 : 2)) {
            throw new CorruptAbfException("DataSection has " + data.entryBytes() + " bytes per sample for "
                    + (floatData ? "float32" : "int16") + " data");
        }

        List<AbfHeader.Adc> adcs = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            long o = adcSec.entry(i);
            int number = b.int16(o);
            boolean telegraph = b.int16(o + 2) != 0;
            float telegraphGain = b.float32(o + 6);
            int telegraphInstrument = b.int16(o + 4);
            int telegraphMode = b.int16(o + 18);
            float programmableGain = b.float32(o + 28);
            float instrumentScale = b.float32(o + 40);
            float instrumentOffset = b.float32(o + 44);
            float signalGain = b.float32(o + 48);
            float signalOffset = b.float32(o + 52);
            String name = string(strings, b.int32(o + 74));
            String units = string(strings, b.int32(o + 78));
            adcs.add(AbfScaling.adc(number, name.isEmpty() ? "ADC " + number : name, units, floatData, adcRange,
                    adcResolution, instrumentScale, instrumentOffset, signalGain, signalOffset, programmableGain,
                    telegraph ? telegraphGain : 1f, telegraph && telegraphInstrument == MULTICLAMP ? telegraphMode : -1));
        }

        List<AbfHeader.Epoch> allEpochs = new ArrayList<>();
        List<Integer> epochDac = new ArrayList<>();
        for (int i = 0; i < epochSec.entries(); i++) {
            long o = epochSec.entry(i);
            epochDac.add((int) b.int16(o + 2));
            allEpochs.add(new AbfHeader.Epoch(b.int16(o), b.int16(o + 4), b.float32(o + 6), b.float32(o + 10),
                    b.int32(o + 14), b.int32(o + 18), b.int32(o + 22), b.int32(o + 26)));
        }
        List<AbfHeader.Dac> dacs = new ArrayList<>();
        for (int i = 0; i < dacSec.entries(); i++) {
            long o = dacSec.entry(i);
            int number = b.int16(o);
            List<AbfHeader.Epoch> epochs = new ArrayList<>();
            for (int k = 0; k < allEpochs.size(); k++) {
                if (epochDac.get(k) == number) {
                    epochs.add(allEpochs.get(k));
                }
            }
            epochs.sort(Comparator.comparingInt(AbfHeader.Epoch::index));
            boolean enabled = b.int16(o + 40) != 0 && b.int16(o + 42) == 1;
            String name = string(strings, b.int32(o + 24));
            dacs.add(new AbfHeader.Dac(number, name.isEmpty() ? "DAC " + number : name, string(strings, b.int32(o + 28)),
                    b.float32(o + 12), enabled, b.int16(o + 44) != 0, epochs));
        }

        return AbfLimits.header(version, operationMode, floatData, data.offset(), data.entries(), episodes,
                samplesPerEpisode, intervalUs, 1e6 / intervalUs, adcs, dacs, AbfLimits.isoStart(startDate, startTimeMs),
                blankToNull(string(strings, protocolPathIndex)), guid, b);
    }

    private static Section section(AbfBytes b, String name, int index, long minEntryBytes, long minEntries, long maxEntries)
            throws CorruptAbfException {
        long o = SECTION_MAP + 16L * index;
        long block = b.uint32(o);
        long entryBytes = b.uint32(o + 4);
        long entries = b.int64(o + 8);
        if (entries == 0 && minEntries == 0) {
            return new Section(name, 0, 0, 0);
        }
        if (block == 0 || entries < minEntries || entries > maxEntries || entryBytes < minEntryBytes) {
            throw new CorruptAbfException("section map entry " + name + " is not usable (block " + block + ", "
                    + entryBytes + " bytes x " + entries + " entries): corrupt header");
        }
        long offset = block * BLOCK;
        if (entryBytes > b.size() || entries > b.size() / entryBytes) {
            throw new CorruptAbfException(name + " (" + entryBytes + " bytes x " + entries
                    + " entries) is larger than the file (" + b.size() + " bytes): truncated or corrupt");
        }
        b.require(offset, entryBytes * entries, name);
        return new Section(name, offset, entryBytes, entries);
    }

    /** The indexed strings: after the 44-byte string-cache header, NUL-terminated, index 1 = first. */
    private static List<String> strings(AbfBytes b, Section s) throws CorruptAbfException {
        List<String> out = new ArrayList<>();
        out.add("");
        if (s.entries() == 0) {
            return out;
        }
        long total = Math.min(s.entryBytes() * s.entries(), 1 << 20);
        b.require(s.offset(), total, "StringsSection");
        byte[] raw = b.bytes(s.offset(), (int) total);
        int start = raw.length >= 44 && raw[0] == 'S' && raw[1] == 'S' && raw[2] == 'C' && raw[3] == 'H' ? 44 : 0;
        for (int i = start; i < raw.length; ) {
            int end = i;
            while (end < raw.length && raw[end] != 0) {
                end++;
            }
            out.add(new String(raw, i, end - i, StandardCharsets.ISO_8859_1).trim());
            i = end + 1;
        }
        return out;
    }

    private static String string(List<String> strings, long index) {
        return index > 0 && index < strings.size() ? strings.get((int) index) : "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
