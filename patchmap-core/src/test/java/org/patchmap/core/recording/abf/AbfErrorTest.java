package org.patchmap.core.recording.abf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.testing.SharedData;
import org.patchmap.core.recording.UnreadableFileException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Files that are not readable ABF give one exact message naming the file and the cause, never a crash. */
class AbfErrorTest {
    @TempDir
    Path dir;

    private Path copy(String real, String name, java.util.function.UnaryOperator<byte[]> change) throws Exception {
        byte[] b = Files.readAllBytes(SharedData.cell(real));
        Path p = dir.resolve(name);
        Files.write(p, change.apply(b));
        return p;
    }

    private static String message(Path p) {
        return assertThrows(UnreadableFileException.class, () -> AbfReader.read(p)).getMessage();
    }

    private static byte[] put32(byte[] b, int offset, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return b;
    }

    @Test
    void textFileRenamedAbf() throws Exception {
        Path p = dir.resolve("notes.abf");
        Files.writeString(p, "hello, this is a lab notebook, not a recording\n", StandardCharsets.UTF_8);
        assertEquals("notes.abf: not an ABF file: signature 'hell', expected 'ABF ' or 'ABF2'", message(p));
    }

    @Test
    void emptyAndTinyFiles() throws Exception {
        Path p = dir.resolve("empty.abf");
        Files.write(p, new byte[0]);
        assertEquals("empty.abf: not an ABF file: 0 bytes, too short for a signature", message(p));
        Path q = dir.resolve("sig-only.abf");
        Files.write(q, "ABF2".getBytes(StandardCharsets.US_ASCII));
        assertEquals("sig-only.abf: ABF2 file info block at byte 0 (+512 bytes) lies past the end of the file (4 bytes): "
                + "truncated or corrupt", message(q));
    }

    @Test
    void missingFile() {
        String m = message(dir.resolve("nowhere.abf"));
        assertTrue(m.startsWith("nowhere.abf: cannot read the file (java.nio.file.NoSuchFileException"), m);
    }

    @Test
    void truncatedAbf2() throws Exception {
        Path p = copy("171116sh_0018.abf", "171116sh_0018.abf", b -> Arrays.copyOf(b, 100_000));
        assertEquals("171116sh_0018.abf: DataSection (2 bytes x 1020000 entries) is larger than the file "
                + "(100000 bytes): truncated or corrupt", message(p));
    }

    @Test
    void truncatedAbf2InsideTheLastSweep() throws Exception {
        Path p = copy("File_axon_5.abf", "File_axon_5.abf", b -> Arrays.copyOf(b, 11 * 512 + 2 * 179_000));
        assertEquals("File_axon_5.abf: DataSection at byte 5632 (+360000 bytes) lies past the end of the file "
                + "(363632 bytes): truncated or corrupt", message(p));
    }

    @Test
    void truncatedAbf1() throws Exception {
        Path p = copy("PYR2.abf", "PYR2.abf", b -> Arrays.copyOf(b, 500_000));
        assertEquals("PYR2.abf: data section (520000 samples at byte 8192) lies past the end of the file "
                + "(500000 bytes): truncated or corrupt", message(p));
        Path q = copy("PYR2.abf", "PYR2-header.abf", b -> Arrays.copyOf(b, 3000));
        assertEquals("PYR2-header.abf: ABF1 header at byte 0 (+6144 bytes) lies past the end of the file "
                + "(3000 bytes): truncated or corrupt", message(q));
    }

    @Test
    void abf2SectionPointersZeroed() throws Exception {
        Path p = copy("171116sh_0018.abf", "zeroed.abf", b -> {
            Arrays.fill(b, 76, 76 + 18 * 16, (byte) 0);
            return b;
        });
        assertEquals("zeroed.abf: section map entry ProtocolSection is not usable (block 0, 0 bytes x 0 entries): "
                + "corrupt header", message(p));
    }

    @Test
    void abf2DataPointerZeroed() throws Exception {
        // only the DataSection entry (index 10) of the section map
        Path p = copy("File_axon_5.abf", "nodata.abf", b -> {
            Arrays.fill(b, 76 + 10 * 16, 76 + 11 * 16, (byte) 0);
            return b;
        });
        assertEquals("nodata.abf: section map entry DataSection is not usable (block 0, 0 bytes x 0 entries): "
                + "corrupt header", message(p));
    }

    @Test
    void abf1DataPointerZeroed() throws Exception {
        Path p = copy("PYR5_rebound.abf", "PYR5_rebound.abf", b -> put32(b, 40, 0));
        assertEquals("PYR5_rebound.abf: data section pointer is 0: corrupt header", message(p));
    }

    @Test
    void absurdCounts() throws Exception {
        Path sweeps = copy("171116sh_0018.abf", "sweeps.abf", b -> put32(b, 12, Integer.MAX_VALUE));
        assertEquals("sweeps.abf: the header says 2147483647 sweeps of 60000 samples but the data section holds only "
                + "1020000 samples: truncated or corrupt", message(sweeps));
        Path adcs = copy("171116sh_0018.abf", "adcs.abf", b -> put32(b, 76 + 16 + 8, 1 << 30));
        assertEquals("adcs.abf: section map entry ADCSection is not usable (block 2, 128 bytes x 1073741824 entries): "
                + "corrupt header", message(adcs));
        Path samples = copy("PYR2.abf", "samples.abf", b -> put32(b, 138, -7));
        assertEquals("samples.abf: -7 samples per sweep for 2 channel(s) is not usable: corrupt header", message(samples));
        Path rate = copy("PYR2.abf", "rate.abf", b -> put32(b, 122, Float.floatToIntBits(0f)));
        assertEquals("rate.abf: sampling interval 0.0 µs is not plausible: corrupt header", message(rate));
    }

    @Test
    void gapFreeAndVoltageClamp() throws Exception {
        // nOperationMode is the first field of the ABF2 ProtocolSection (block 1)
        Path gapFree = copy("File_axon_5.abf", "gapfree.abf", b -> {
            b[512] = 3;
            return b;
        });
        assertEquals("gapfree.abf: gap-free recording (operation mode 3): no fixed-length sweeps to read", message(gapFree));
        // the only ADC's units string 'mV' (StringsSection index 4) renamed to 'pA': a voltage-clamp-like file
        Path vc = copy("File_axon_5.abf", "vclamp.abf", b -> {
            String s = new String(b, StandardCharsets.ISO_8859_1);
            int at = s.indexOf("_Ipatch\0mV\0") + 8;
            b[at] = 'p';
            b[at + 1] = 'A';
            return b;
        });
        assertEquals("vclamp.abf: no membrane potential channel (mV or V) among the recorded channels "
                + "['_Ipatch' (pA)]: voltage-clamp or not a current-clamp recording", message(vc));
        // MultiClamp telegraph (instrument 24) in mode 0 = voltage clamp: ADC entry at block 2, nTelegraphMode at +18
        Path mode = copy("File_axon_5.abf", "mode.abf", b -> {
            b[2 * 512 + 18] = 0;
            return b;
        });
        assertEquals("mode.abf: channel '_Ipatch' (mV) was recorded with the MultiClamp telegraph in voltage clamp "
                + "(mode 0): not a current-clamp recording", message(mode));
    }

    /**
     * Random byte changes in the headers: every outcome is a Recording or an UnreadableFileException, fast
     * (in this thread's CPU time, which what else runs on the machine does not lengthen).
     */
    @Test
    void corruptHeadersNeverCrash() throws Exception {
        for (String real : new String[]{"File_axon_5.abf", "PYR5_rebound.abf", "2020_03_02_0000.abf"}) {
            byte[] original = Files.readAllBytes(SharedData.cell(real));
            int headerBytes = original[3] == '2' ? 12 * 512 : 6144;
            Random random = new Random(42);
            int readable = 0;
            int errors = 0;
            for (int round = 0; round < 300; round++) {
                byte[] b = original.clone();
                int changes = 1 + random.nextInt(8);
                for (int c = 0; c < changes; c++) {
                    b[random.nextInt(headerBytes)] = (byte) random.nextInt(256);
                }
                Path p = dir.resolve("fuzz.abf");
                Files.write(p, b);
                try {
                    AbfReader.read(p);
                    readable++;
                } catch (UnreadableFileException e) {
                    assertTrue(e.getMessage().startsWith("fuzz.abf: "), e.getMessage());
                    errors++;
                } catch (Throwable t) {
                    fail(real + " round " + round + ": " + t, t);
                }
            }
            System.out.println("ABF fuzz " + real + ": " + readable + " readable, " + errors + " unreadable");
        }
    }

    /** Extreme values (0, -1, MAX, MIN, NaN, infinity...) in every header field the reader uses. */
    @Test
    void extremeFieldValuesNeverCrash() throws Exception {
        int[] values = {0, -1, 1, 3, 0x7FFFFFFF, 0x80000000, 0x00010000, Float.floatToIntBits(Float.NaN),
                Float.floatToIntBits(Float.POSITIVE_INFINITY), Float.floatToIntBits(1e-30f), Float.floatToIntBits(-1e30f)};
        java.util.List<Integer> abf2 = new java.util.ArrayList<>(java.util.List.of(4, 12, 16, 20, 30, 40, 72));
        for (int o = 76; o < 76 + 18 * 16; o += 4) {
            abf2.add(o);
        }
        for (int o : new int[]{0, 2, 22, 110, 118}) {
            abf2.add(512 + o);
        }
        for (int o : new int[]{0, 2, 4, 6, 18, 28, 40, 44, 48, 52, 74, 78}) {
            abf2.add(2 * 512 + o);
        }
        for (int o : new int[]{0, 12, 24, 28, 40, 42, 44}) {
            abf2.add(3 * 512 + o);
        }
        for (int k = 0; k < 3; k++) {
            for (int o : new int[]{0, 2, 4, 6, 10, 14, 18, 22, 26}) {
                abf2.add(5 * 512 + 48 * k + o);
            }
        }
        abf2.add(8 * 512 + 8); // string cache header
        java.util.List<Integer> abf1 = new java.util.ArrayList<>(java.util.List.of(4, 8, 10, 16, 20, 24, 40, 100, 120,
                122, 138, 244, 252, 366, 410, 412, 1394, 2296, 2300, 2304, 2308, 2310, 2348, 2352, 2428, 2432, 2508,
                2512, 2588, 2592, 4512, 4576, 4580, 922, 926, 730, 1050));
        fuzzFields("File_axon_5.abf", abf2, values);
        fuzzFields("PYR5_rebound.abf", abf1, values);
    }

    private void fuzzFields(String real, java.util.List<Integer> offsets, int[] values) throws Exception {
        byte[] original = Files.readAllBytes(SharedData.cell(real));
        int readable = 0;
        int errors = 0;
        for (int offset : offsets) {
            for (int value : values) {
                Path p = dir.resolve("field.abf");
                Files.write(p, put32(original.clone(), offset, value));
                try {
                    AbfReader.read(p);
                    readable++;
                } catch (UnreadableFileException e) {
                    assertTrue(e.getMessage().startsWith("field.abf: "), e.getMessage());
                    assertTrue(!e.getMessage().contains("corrupt ABF file (java."), "unchecked exception escaped the checks: "
                            + e.getMessage() + " (offset " + offset + ", value " + value + ")");
                    errors++;
                } catch (Throwable t) {
                    fail(real + " offset " + offset + " value " + value + ": " + t, t);
                }
            }
        }
        System.out.println("ABF field fuzz " + real + ": " + readable + " readable, " + errors + " unreadable");
    }
}
