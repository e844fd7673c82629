package org.patchmap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.core.map.SyntheticCells;
import org.patchmap.core.qc.MapFeatures;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapCommandTest {
    @TempDir
    Path dir;

    /** 300 synthetic cells, with an extra column the command must ignore, and 2 cells short of features. */
    private Path input() throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("cell_id,comment,dandiset");
        MapFeatures.INPUTS.forEach(i -> header.append(',').append(i.source()));
        lines.add(header.toString());
        List<SyntheticCells.Row> rows = SyntheticCells.generate(300, 5, 0.05, 5);
        for (int r = 0; r < rows.size(); r++) {
            SyntheticCells.Row row = rows.get(r);
            StringBuilder line = new StringBuilder(row.cellId() + ",\"free, text\"," + row.dandiset());
            int f = 0;
            for (Double v : row.raw().values()) {
                boolean blank = (r == 17 || r == 230) && f++ < 6; // too few features left
                line.append(',').append(v == null || blank ? (r == 230 ? "NaN" : "") : Double.toString(v));
            }
            lines.add(line.toString());
        }
        Path in = dir.resolve("cells.csv");
        Files.write(in, lines);
        return in;
    }

    private static int run(Path in, Path out, ByteArrayOutputStream err, String... extra) {
        MapCommand command = new MapCommand();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("--features", in.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return new CommandLine(command).execute(args.toArray(String[]::new));
    }

    @Test
    void twoRunsGiveByteIdenticalMapsOfEveryCellWithEnoughFeaturesInInputOrder() throws IOException {
        Path in = input();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(in, dir.resolve("a.csv"), err));
        assertEquals(0, run(in, dir.resolve("b.csv"), new ByteArrayOutputStream()));
        byte[] a = Files.readAllBytes(dir.resolve("a.csv"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b.csv")));

        List<String> lines = Files.readAllLines(dir.resolve("a.csv"));
        assertEquals("cell_id,x,y,cluster", lines.get(0));
        List<String> ids = lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList();
        List<String> expected = new ArrayList<>();
        List<SyntheticCells.Row> rows = SyntheticCells.generate(300, 5, 0.05, 5);
        long shortOnes = 0;
        for (int r = 0; r < rows.size(); r++) {
            long present = rows.get(r).raw().values().stream().filter(v -> v != null).count();
            boolean blanked = r == 17 || r == 230;
            if (!blanked && present >= 12) {
                expected.add(rows.get(r).cellId());
            } else {
                shortOnes++;
            }
        }
        assertEquals(expected, ids);
        assertTrue(lines.get(1).matches("cell-00000,-?\\d+\\.\\d{6},-?\\d+\\.\\d{6},\\d+"), lines.get(1));
        String messages = err.toString(StandardCharsets.UTF_8);
        assertEquals(shortOnes, messages.lines().count(), messages);
        assertTrue(messages.contains("cells.csv: cell-00017 left off the map: "), messages);
        assertTrue(messages.contains("cells.csv: cell-00230 left off the map: "), messages);
    }

    @Test
    void anotherSeedGivesAnotherMap() throws IOException {
        Path in = input();
        run(in, dir.resolve("a.csv"), new ByteArrayOutputStream());
        run(in, dir.resolve("c.csv"), new ByteArrayOutputStream(), "--seed", "7");
        assertTrue(!List.of(Files.readAllLines(dir.resolve("a.csv"))).equals(List.of(Files.readAllLines(dir.resolve("c.csv")))));
    }

    @Test
    void aMissingColumnOrANonNumberNamesTheFileAndTheCause() throws IOException {
        Path noTau = dir.resolve("no-tau.csv");
        Files.writeString(noTau, "cell_id,input_resistance\na,100\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(noTau, dir.resolve("x.csv"), err));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(noTau + ": no column tau, v_baseline, "),
                err.toString(StandardCharsets.UTF_8));

        Path in = input();
        List<String> lines = new ArrayList<>(Files.readAllLines(in));
        lines.set(3, lines.get(3).replaceFirst(",000001,[^,]*,", ",000001,abc,"));
        Files.write(in, lines);
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertEquals(2, run(in, dir.resolve("y.csv"), err2));
        assertEquals(in + " line 4, cell cell-00002: input_resistance \"abc\" is not a number\n",
                err2.toString(StandardCharsets.UTF_8));
    }
}
