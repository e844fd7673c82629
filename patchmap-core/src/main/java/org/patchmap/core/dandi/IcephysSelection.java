package org.patchmap.core.dandi;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which dandisets hold intracellular electrophysiology (icephys), decided from a version's
 * metadata before any file is downloaded. Three rules, tried in order; the first that matches
 * gives the reason:
 * <ol>
 *   <li>{@code assetsSummary.variableMeasured} has an icephys NWB type ({@link #ICEPHYS_TYPES},
 *       response series first): {@code variableMeasured has CurrentClampSeries};</li>
 *   <li>{@code assetsSummary.measurementTechnique} names current clamp, voltage clamp, patch
 *       clamp or whole-cell: {@code measurementTechnique mentions "current clamp"};</li>
 *   <li>because DANDI's summaries are incomplete (the Allen Patch-seq dandisets list only
 *       {@code ProcessingModule} and "analytical technique"), the name, then the description,
 *       then the keywords describe patch-clamp, whole-cell, Patch-seq, perforated patch,
 *       intracellular electrophysiology/recordings, current clamp or sharp electrodes:
 *       {@code name mentions "Patch-seq"}.</li>
 * </ol>
 * Text matching is case-insensitive on whole words (underscores count as spaces, so
 * {@code 20210923_AIBS_Patchseq_human} matches), and "intracellular" only counts when followed
 * by electrophysiology or recording(s): "intracellular calcium", "extracellular" and
 * "juxtacellular" recordings are not icephys, and "sharp" needs "electrode" (not "sharp wave").
 * Being a candidate only means the dandiset's NWB files are worth downloading: the long-square
 * extraction decides per file whether a cell comes out.
 */
public final class IcephysSelection {

    /** The decision and why, e.g. {@code variableMeasured has CurrentClampSeries}. */
    public record Selection(boolean candidate, String reason) {
    }

    /** NWB icephys neurodata types, in the order a reason prefers them (current-clamp responses first). */
    public static final List<String> ICEPHYS_TYPES = List.of(
            "CurrentClampSeries", "PatchClampSeries", "IntracellularRecordingsTable",
            "CurrentClampStimulusSeries", "VoltageClampSeries", "VoltageClampStimulusSeries",
            "IZeroClampSeries", "SweepTable", "SimultaneousRecordingsTable",
            "SequentialRecordingsTable", "RepetitionsTable", "ExperimentalConditionsTable");

    private static final String DASH = "[\\s\\-\\u2010\\u2011\\u2012\\u2013]?";

    private static final Pattern TECHNIQUE = Pattern.compile(
            "\\b(?:current" + DASH + "clamp|voltage" + DASH + "clamp|patch" + DASH + "clamp|whole" + DASH + "cell)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern TEXT = Pattern.compile(
            "\\b(?:"
                    + "patch" + DASH + "clamp(?:ed|ing|s)?"
                    + "|patch" + DASH + "seq(?:uencing)?"
                    + "|whole" + DASH + "cell"
                    + "|perforated" + DASH + "patch"
                    + "|intracellular(?:ly)?(?:\\s*(?:and|or|/|&)\\s*extracellular)?\\s+"
                    + "(?:electrophysiolog\\w*|recordings?|recorded)"
                    + "|current" + DASH + "clamp(?:ed|ing)?"
                    + "|sharp" + DASH + "(?:micro)?" + DASH + "electrodes?"
                    + ")\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private IcephysSelection() {
    }

    public static Selection decide(DandisetVersion v) {
        for (String type : ICEPHYS_TYPES) {
            for (String measured : v.variableMeasured()) {
                if (measured.strip().equalsIgnoreCase(type)) {
                    return new Selection(true, "variableMeasured has " + type);
                }
            }
        }
        for (String technique : v.measurementTechniques()) {
            Optional<String> m = find(TECHNIQUE, technique);
            if (m.isPresent()) {
                return new Selection(true, "measurementTechnique mentions \"" + m.get() + "\"");
            }
        }
        Optional<String> m = find(TEXT, v.name());
        if (m.isPresent()) {
            return new Selection(true, "name mentions \"" + m.get() + "\"");
        }
        m = find(TEXT, v.description());
        if (m.isPresent()) {
            return new Selection(true, "description mentions \"" + m.get() + "\"");
        }
        for (String keyword : v.keywords()) {
            m = find(TEXT, keyword);
            if (m.isPresent()) {
                return new Selection(true, "keywords mention \"" + m.get() + "\"");
            }
        }
        return new Selection(false, "no icephys type, technique or wording in the metadata");
    }

    /** The first match in the text, underscores read as spaces, whitespace collapsed; empty if none. */
    private static Optional<String> find(Pattern p, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normalised = text.replace('_', ' ').replaceAll("\\s+", " ");
        Matcher m = p.matcher(normalised);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
