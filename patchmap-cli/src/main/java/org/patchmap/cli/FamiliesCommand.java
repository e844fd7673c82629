package org.patchmap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.patchmap.core.protocol.LongSquareDetector;
import org.patchmap.core.protocol.NoLongSquareException;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.core.recording.UnreadableFileException;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/** {@code patchmap families FILE...}: the long-square family of each file (spec section 1). */
@Command(name = "families", mixinStandardHelpOptions = true,
        description = "Read NWB/ABF files and print each one's long-square sweep family as JSON.")
final class FamiliesCommand extends FileCommand {
    @Override
    ObjectNode report(Path file) throws UnreadableFileException, NoLongSquareException {
        Recording recording = RecordingReader.read(file);
        return CellReports.family(recording, LongSquareDetector.detect(recording));
    }
}
