package org.patchmap.core.recording;

/**
 * Subject and session metadata stated in the file itself, as written (no interpretation:
 * {@code metadata.MetadataExtractor} maps it to vocabularies). Any field may be null.
 *
 * @param species      e.g. "Mus musculus" (NWB /general/subject/species)
 * @param age          e.g. "P60D" (NWB /general/subject/age)
 * @param sex          e.g. "M"
 * @param genotype     e.g. "Pvalb-IRES-Cre/wt"
 * @param subjectId    NWB /general/subject/subject_id
 * @param cellId       cell identifier (NWB intracellular electrode/cell id, ABF file GUID or name)
 * @param temperature  recording temperature as written, e.g. "34 C" (ABF: the telegraph temperature when present)
 * @param sessionStart session start time, ISO 8601 as written
 * @param description  session or file description
 * @param lab          the lab, as written (NWB /general/lab), e.g. "Skinner Lab"
 * @param institution  the institution, as written (NWB /general/institution), e.g. "University of Toronto"
 */
public record SubjectInfo(String species, String age, String sex, String genotype, String subjectId, String cellId,
                          String temperature, String sessionStart, String description, String lab,
                          String institution) {
    public static final SubjectInfo NONE = new SubjectInfo(null, null, null, null, null, null, null, null, null);

    /** Without lab or institution (ABF files state neither). */
    public SubjectInfo(String species, String age, String sex, String genotype, String subjectId, String cellId,
                       String temperature, String sessionStart, String description) {
        this(species, age, sex, genotype, subjectId, cellId, temperature, sessionStart, description, null, null);
    }

    /** The same with {@code lab} and {@code institution}. */
    public SubjectInfo withLab(String lab, String institution) {
        return new SubjectInfo(species, age, sex, genotype, subjectId, cellId, temperature, sessionStart, description,
                lab, institution);
    }
}
