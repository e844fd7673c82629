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
        if (s.startsWith("{")) {
            return fromJson(s);
        }
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "", "unknown", "n/a", "na", "none", "null", "not specified" -> Optional.empty();
            default -> Optional.of(s);
        };
    }

    /**
     * Some converters write the subject's genotype as a JSON object ({@code {"Animal_Strain":
     * "Sprague Dawley", "Animal_Genotype": null}} in 99111002.nwb): its stated values, joined.
     */
    private static Optional<String> fromJson(String s) {
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = JSON.readTree(s);
        } catch (java.io.IOException e) {
            return Optional.of(s); // not JSON after all: verbatim
        }
        java.util.List<String> values = new java.util.ArrayList<>();
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                of(f.getValue().asText()).ifPresent(values::add);
            }
        });
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", values));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
