package org.patchmap.core.recording;

import org.patchmap.core.recording.abf.AbfReader;
import org.patchmap.core.recording.nwb.NwbReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Opens a recording by what it is, not by what it is called: the first bytes decide between NWB
 * (HDF5), ABF 1.x ("ABF ") and ABF 2.x ("ABF2"). Uploads are checked the same way.
 */
public final class RecordingReader {
    /** The formats PatchMap reads. */
    public enum Format { NWB, ABF }

    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] GZIP = {0x1f, (byte) 0x8b};

    private RecordingReader() {
    }

    /** Reads a NWB or ABF file into its current-clamp sweeps. */
    public static Recording read(Path file) throws UnreadableFileException {
        return read(file, ReadLimits.defaults());
    }

    /** Reads a NWB or ABF file within {@code limits} of memory and time. */
    public static Recording read(Path file, ReadLimits limits) throws UnreadableFileException {
        return switch (format(file)) {
            case NWB -> NwbReader.read(file, limits);
            case ABF -> AbfReader.read(file, limits);
        };
    }

    /** Reads a file held in memory, {@code name} naming it in messages. */
    public static Recording read(String name, ByteBuffer bytes, ReadLimits limits) throws UnreadableFileException {
        byte[] head = new byte[Math.min(8, bytes.remaining())];
        bytes.get(bytes.position(), head);
        return switch (format(name, head, head.length)) {
            case NWB -> NwbReader.read(name, bytes, limits);
            case ABF -> AbfReader.read(name, bytes, limits);
        };
    }

    /** The file's format from its first bytes; a specific error when it is neither. */
    public static Format format(Path file) throws UnreadableFileException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(file.getFileName() + ": no such file");
        } catch (IOException e) {
            throw new UnreadableFileException(file.getFileName() + ": cannot read: " + e.getMessage(), e);
        }
        return format(file.getFileName().toString(), head, n);
    }

    /** The format of a file whose first {@code n} bytes are {@code head}. */
    public static Format format(String fileName, byte[] head, int n) throws UnreadableFileException {
        if (n == 0) {
            throw new UnreadableFileException(fileName + ": empty file");
        }
        if (startsWith(head, n, HDF5)) {
            return Format.NWB;
        }
        if (startsWith(head, n, GZIP)) {
            // NwbReader names the gzip case precisely (a whole HDF5 file compressed with gzip).
            return Format.NWB;
        }
        if (startsWith(head, n, "ABF ".getBytes()) || startsWith(head, n, "ABF2".getBytes())) {
            return Format.ABF;
        }
        throw new UnreadableFileException(fileName + ": neither NWB (HDF5) nor ABF: the file starts with bytes "
                + HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(n, 8)));
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
