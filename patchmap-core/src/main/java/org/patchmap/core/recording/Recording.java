package org.patchmap.core.recording;

import org.patchmap.core.sweep.Sweep;

import java.util.List;

/**
 * What a reader made of one file: its current-clamp sweeps (in the file's sweep order), the
 * series it saw but could not use, each with why, and the subject/session metadata it found.
 *
 * @param fileName base name of the file
 * @param format   "nwb" or "abf"
 * @param sweeps   current-clamp sweeps, voltage in mV and current in pA
 * @param skipped  series recognised and left out (voltage clamp, I=0 clamp, unpaired...), with reasons
 * @param subject  subject and session metadata found in the file
 */
public record Recording(String fileName, String format, List<Sweep> sweeps, List<SkippedSeries> skipped,
                        SubjectInfo subject) {
    public Recording {
        sweeps = List.copyOf(sweeps);
        skipped = List.copyOf(skipped);
    }

    /**
     * A series the reader recognised and did not use.
     *
     * @param name   series name (NWB) or sweep/channel (ABF)
     * @param reason why, e.g. "IZeroClampSeries: no current injected"
     */
    public record SkippedSeries(String name, String reason) {
    }
}
