package org.patchmap.core.recording.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of an ABF file that its reader trusts: ABF 1.x's fixed header (operation mode,
 * sweep and sample counts, data offset, channel count and map, sampling interval, epoch table)
 * and ABF 2.x's section table (block index, bytes and count of each of its 18 sections) and the
 * protocol, ADC, DAC and epoch entries it points to. Offsets from the Axon ABF File Support Pack
 * description, as the reader uses them.
 */
final class AbfFields {
    private static final int BLOCK = 512;
    private static final String[] SECTIONS = {"protocol", "adc", "dac", "epoch", "adc-per-dac", "epoch-per-dac",
            "user list", "stats region", "math", "strings", "data", "tag", "scope", "delta", "voice tag",
            "synch array", "annotation", "stats"};

    private AbfFields() {
    }

    static List<Field> find(byte[] file) {
        List<Field> out = new ArrayList<>();
        if (file.length < 512) {
            return out;
        }
        String sig = new String(file, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (sig.equals("ABF2")) {
            v2(ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN), out);
        } else if (sig.equals("ABF ")) {
            v1(out);
        }
        out.removeIf(f -> f.offset() + f.width() > file.length);
        return out;
    }

    private static void v1(List<Field> out) {
        int[][] header = {{4, 4}, {8, 2}, {10, 4}, {16, 4}, {40, 4}, {100, 2}, {120, 2}, {122, 4}, {138, 4},
                {244, 4}, {252, 4}, {410, 2}, {412, 2}, {2296, 2}, {2300, 2}, {2304, 2}, {2308, 2}, {2348, 4},
                {2428, 4}, {2508, 4}, {2588, 4}, {922, 4}, {986, 4}, {1050, 4}, {4512, 2}};
        for (int[] h : header) {
            out.add(new Field(h[0], h[1], "ABF1 header @" + h[0]));
        }
    }

    private static void v2(ByteBuffer b, List<Field> out) {
        out.add(new Field(8, 4, "ABF2 header size"));
        out.add(new Field(12, 4, "ABF2 sweep count"));
        out.add(new Field(30, 2, "ABF2 data format"));
        out.add(new Field(72, 4, "ABF2 protocol path index"));
        for (int k = 0; k < SECTIONS.length; k++) {
            int at = 76 + 16 * k;
            out.add(new Field(at, 4, SECTIONS[k] + " section block"));
            out.add(new Field(at + 4, 4, SECTIONS[k] + " section entry size"));
            out.add(new Field(at + 8, 8, SECTIONS[k] + " section entry count"));
        }
        long protocol = Integer.toUnsignedLong(b.getInt(76)) * BLOCK;
        if (protocol > 0 && protocol + 130 < b.capacity()) {
            int p = (int) protocol;
            out.add(new Field(p, 2, "protocol operation mode"));
            out.add(new Field(p + 2, 4, "protocol sample interval"));
            out.add(new Field(p + 22, 4, "protocol samples per sweep"));
            out.add(new Field(p + 110, 4, "protocol ADC range"));
            out.add(new Field(p + 118, 4, "protocol ADC resolution"));
        }
        entries(b, out, 1, new int[][]{{0, 2}, {4, 2}, {6, 4}, {28, 4}, {40, 4}, {48, 4}, {74, 4}, {78, 4}});
        entries(b, out, 2, new int[][]{{0, 2}, {24, 4}, {40, 2}, {42, 2}});
        entries(b, out, 5, new int[][]{{0, 2}, {2, 2}, {4, 2}, {6, 4}, {10, 4}, {14, 4}, {18, 4}, {22, 4}});
    }

    /** The first entries of section {@code k}: each of {@code fields} as {offset in entry, width}. */
    private static void entries(ByteBuffer b, List<Field> out, int k, int[][] fields) {
        long at = Integer.toUnsignedLong(b.getInt(76 + 16 * k)) * BLOCK;
        long size = Integer.toUnsignedLong(b.getInt(76 + 16 * k + 4));
        long count = b.getLong(76 + 16 * k + 8);
        for (long e = 0; e < Math.min(count, 4); e++) {
            for (int[] f : fields) {
                long o = at + e * size + f[0];
                if (o > 0 && o + f[1] <= b.capacity()) {
                    out.add(new Field((int) o, f[1], SECTIONS[k] + " entry @" + f[0]));
                }
            }
        }
    }
}
