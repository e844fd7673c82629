package org.patchmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchmap.testing.SharedData;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code patchmap features} and {@code families} on several files: folders expanded to their
 * recordings in path order, files analysed on several workers but written in input order, the
 * same bytes whatever the number of workers, a bad file or an empty folder one entry with its error.
 */
class FeaturesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aFolderIsItsRecordingsInPathOrderAndWorkersDoNotChangeTheOutput() throws Exception {
        Path cells = Files.createDirectories(dir.resolve("cells"));
        Path sub = Files.createDirectories(cells.resolve("b-sub"));
        Files.copy(SharedData.cell("File_axon_5.abf"), cells.resolve("c.abf"));
        Files.copy(SharedData.cell("2025053101.nwb"), cells.resolve("a.NWB")); // no long square: an error entry
        Files.copy(SharedData.cell("FergusonEtAl2015_PYR2.nwb"), sub.resolve("pyr2.nwb"));
        Files.writeString(cells.resolve("notes.txt"), "not a recording");
        Files.writeString(cells.resolve(".hidden.abf"), "not looked at");
        Path empty = Files.createDirectories(dir.resolve("empty"));

        String one = run(new FeaturesCommand(), "--threads", "1", cells.toString(), empty.toString());
        String two = run(new FeaturesCommand(), "--threads", "2", cells.toString(), empty.toString());
        String many = run(new FeaturesCommand(), "--threads", "7", cells.toString(), empty.toString());
        assertEquals(one, two);
        assertEquals(one, many);

        List<String> files = new ArrayList<>();
        JsonNode out = JSON.readTree(one);
        out.forEach(c -> files.add(c.get("file").asText()));
        assertEquals(List.of("a.NWB", "pyr2.nwb", "c.abf", "empty"), files);
        assertTrue(out.get(0).get("error").asText().startsWith("a.NWB: "), out.get(0).toString());
        assertEquals(13, out.get(1).get("sweeps").size());
        assertEquals(9, out.get(2).get("sweeps").size());
        assertTrue(out.get(1).has("features") && out.get(2).has("features"));
        assertEquals("empty: a folder without .nwb or .abf files", out.get(3).get("error").asText());

        // a folder gives what its files give, listed one by one
        String listed = run(new FeaturesCommand(), cells.resolve("a.NWB").toString(), sub.resolve("pyr2.nwb").toString(),
                cells.resolve("c.abf").toString(), empty.toString());
        assertEquals(one, listed);
        // and families reports the same files, without spikes or features
        JsonNode families = JSON.readTree(run(new FamiliesCommand(), cells.toString()));
        assertEquals(3, families.size());
        assertTrue(!families.get(1).has("features") && families.get(1).get("sweeps").size() == 13);
    }

    @Test
    void aMissingFileIsOneEntryWithItsError() throws Exception {
        JsonNode out = JSON.readTree(run(new FeaturesCommand(), dir.resolve("missing.abf").toString()));
        assertEquals(1, out.size());
        assertEquals("missing.abf: no such file", out.get(0).get("error").asText());
    }

    private static String run(FileCommand command, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = new CommandLine((Callable<Integer>) command).execute(args);
        assertEquals(0, status);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
