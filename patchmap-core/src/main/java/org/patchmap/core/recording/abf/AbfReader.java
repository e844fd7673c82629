package org.patchmap.core.recording.abf;

import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.SubjectInfo;
import org.patchmap.core.recording.UnreadableFileException;
import org.patchmap.core.sweep.Sweep;

import org.patchmap.core.recording.ReadBudget;
import org.patchmap.core.recording.ReadLimits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads episodic current-clamp ABF 1.x and 2.x files (Axon pCLAMP/Clampex) into {@link Recording}s
 * (spec section 1): response in mV, stimulus in pA from the command epoch table, or from the
 * recorded current channel when there is no command in a current unit.
 * <p>
 * Hand-written: there is no maintained Java ABF library on Maven Central, so the format is read
 * from its public description (the ABF1 fixed header layout and the ABF2 section map, as
 * documented by the Axon ABF File Support Pack and pyABF). Header parsing is in
 * {@link AbfV1Header}/{@link AbfV2Header}, scaling in {@link AbfScaling}, the command in
 * {@link EpochWaveform}, the channel choice in {@link ChannelChoice}.
 * <p>
 * Every error is an {@link UnreadableFileException} whose message names the file and the cause.
 * The file is memory-mapped (never copied to the heap) and every count and offset from the header
 * is checked against the file size before anything is allocated from it.
 */
public final class AbfReader {
    private AbfReader() {
    }

    public static Recording read(Path file) throws UnreadableFileException {
        return read(file, ReadLimits.defaults());
    }

    /** Reads {@code file} within {@code limits}; over them, the file is unreadable with that reason. */
    public static Recording read(Path file, ReadLimits limits) throws UnreadableFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new UnreadableFileException(name + ": " + size + " bytes: larger than this reader accepts (2 GB)");
            }
            return read(name, channel.map(FileChannel.MapMode.READ_ONLY, 0, size), limits);
        } catch (IOException e) {
            throw new UnreadableFileException(name + ": cannot read the file (" + e + ")", e);
        }
    }

    /** Reads a file held in memory ({@code bytes} from its position to its limit) within {@code limits}. */
    public static Recording read(String name, ByteBuffer bytes, ReadLimits limits) throws UnreadableFileException {
        ReadBudget budget = ReadBudget.start(limits);
        try {
            long size = bytes.remaining();
            if (size < 4) {
                throw new CorruptAbfException("not an ABF file: " + size + " bytes, too short for a signature");
            }
            AbfBytes b = new AbfBytes(bytes.slice());
            AbfHeader header = header(b);
            ChannelChoice choice = ChannelChoice.choose(header);
            // two double arrays per sweep (response and stimulus)
            budget.reserve(16L * header.sweepCount() * header.samplesPerSweep(), "the sweeps' samples");
            return new Recording(name, "abf", sweeps(b, header, choice), choice.skipped(),
                    new SubjectInfo(null, null, null, null, null, header.guid(), null, header.sessionStart(),
                            header.protocolPath()));
        } catch (CorruptAbfException e) {
            throw new UnreadableFileException(name + ": " + e.getMessage(), e);
        } catch (ReadBudget.OverBudgetException e) {
            throw new UnreadableFileException(name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // the checks above should make this unreachable; a corrupt file must still never escape as a crash
            throw new UnreadableFileException(name + ": corrupt ABF file (" + e + ")", e);
        }
    }

    private static AbfHeader header(AbfBytes b) throws CorruptAbfException {
        byte[] sig = b.bytes(0, 4);
        String signature = new String(sig, StandardCharsets.ISO_8859_1);
        switch (signature) {
            case "ABF2":
                return AbfV2Header.parse(b);
            case "ABF ":
                return AbfV1Header.parse(b);
            default:
                throw new CorruptAbfException("not an ABF file: signature " + printable(sig) + ", expected 'ABF ' or 'ABF2'");
        }
    }

    private static List<Sweep> sweeps(AbfBytes b, AbfHeader h, ChannelChoice c) throws CorruptAbfException {
        int n = h.samplesPerSweep();
        int channels = h.adcs().size();
        List<Sweep> out = new ArrayList<>(h.sweepCount());
        for (int s = 0; s < h.sweepCount(); s++) {
            double[] v = channel(b, h, c.response(), c.responseIndex(), s, c.responseToMv());
            double[] i;
            if (c.command() != null) {
                i = EpochWaveform.build(c.command(), s, n);
                for (int k = 0; k < n; k++) {
                    i[k] *= c.stimulusToPa();
                }
            } else {
                i = channel(b, h, c.recordedCurrent(), c.currentIndex(), s, c.stimulusToPa());
            }
            out.add(new Sweep(s, "sweep " + s, h.samplingRateHz(), v, i));
        }
        return out;
    }

    /** Channel {@code index} (its position in the interleave) of sweep {@code s}, scaled, times {@code factor}. */
    private static double[] channel(AbfBytes b, AbfHeader h, AbfHeader.Adc adc, int index, int s, double factor) {
        int n = h.samplesPerSweep();
        int channels = h.adcs().size();
        long first = (long) s * n * channels + index;
        double scale = adc.scale() * factor;
        double offset = adc.offset() * factor;
        double[] out = new double[n];
        if (!h.floatData()) {
            // the sweep's interleaved int16 samples in one bulk copy, not one bounds-checked read each
            short[] raw = new short[n * channels];
            b.samplesInt16(h.dataOffset(), first - index, raw, raw.length);
            for (int k = 0; k < n; k++) {
                out[k] = raw[k * channels + index] * scale + offset;
            }
            return out;
        }
        for (int k = 0; k < n; k++) {
            long at = first + (long) k * channels;
            double raw = b.sampleFloat32(h.dataOffset(), at);
            out[k] = raw * scale + offset;
        }
        return out;
    }

    private static String printable(byte[] sig) {
        StringBuilder s = new StringBuilder("'");
        for (byte x : sig) {
            int c = x & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.append("'").toString();
    }
}
