package org.patchmap.core.metadata;

import java.util.Optional;

/**
 * A genotype or strain as stated ({@code C57BL/6J}, {@code Pvalb-IRES-Cre/wt;Ai14(RCL-tdT)/wt}):
 * kept verbatim, only trimmed, because strain and allele names are case- and punctuation-sensitive.
 */
public final class Genotype {
    private Genotype() {
    }

    /** The stated genotype trimmed; empty when blank or a placeholder ("unknown", "n/a", "none"). */
    public static Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "", "unknown", "n/a", "na", "none", "null", "not specified" -> Optional.empty();
            default -> Optional.of(s);
        };
    }
}
