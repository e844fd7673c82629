package org.patchmap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.patchmap.core.analysis.CellAnalysis;
import org.patchmap.core.protocol.LongSquareDetector;
import org.patchmap.core.protocol.NoLongSquareException;
import org.patchmap.core.protocol.SweepFamily;
import org.patchmap.core.recording.Recording;
import org.patchmap.core.recording.RecordingReader;
import org.patchmap.core.recording.UnreadableFileException;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/** {@code patchmap features FILE...}: the family plus spikes per sweep and the cell features. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Read NWB/ABF files and print each one's long-square family, spikes per sweep and "
                + "ipfx-style cell features (null with a reason in qc when not computable) as JSON.")
final class FeaturesCommand extends FileCommand {
    @Override
    ObjectNode report(Path file) throws UnreadableFileException, NoLongSquareException {
        Recording recording = RecordingReader.read(file);
        SweepFamily family = LongSquareDetector.detect(recording);
        return CellReports.features(recording, family, CellAnalysis.features(family));
    }
}
