package org.patchmap.core.metadata;

import java.util.Locale;
import java.util.Optional;

/** A subject's sex as DANDI (PATO terms "Male"/"Female"/"Unknown"/"Other") and NWB ("M", "F", "U", "O") write it. */
public enum Sex {
    MALE("male", "PATO:0000384"), FEMALE("female", "PATO:0000383"), UNKNOWN("unknown", null), OTHER("other", null);

    private final String label;
    private final String termId;

    Sex(String label, String termId) {
        this.label = label;
        this.termId = termId;
    }

    /** "male", "female", "unknown", "other". */
    public String label() {
        return label;
    }

    /** The PATO term for male and female, else null. */
    public String termId() {
        return termId;
    }

    /** The sex a field states; empty for a blank or unrecognised value. */
    public static Optional<Sex> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith("pato_0000384") || s.endsWith("pato:0000384")) {
            return Optional.of(MALE);
        }
        if (s.endsWith("pato_0000383") || s.endsWith("pato:0000383")) {
            return Optional.of(FEMALE);
        }
        return switch (s) {
            case "m", "male" -> Optional.of(MALE);
            case "f", "female" -> Optional.of(FEMALE);
            case "u", "unknown", "unk", "not known" -> Optional.of(UNKNOWN);
            case "o", "other" -> Optional.of(OTHER);
            default -> Optional.empty();
        };
    }
}
