package org.patchmap.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * What the model said, after checking. {@code region} and {@code species} are null unless the
 * answer parsed as JSON and named a term from the lists the model was given (compared without
 * case, returned in the list's spelling); "unknown" counts as no answer.
 *
 * @param region  a vocabulary region name, or null
 * @param species a listed scientific name, or null
 * @param outcome how the question ended
 * @param detail  why, for logs and the stored result
 */
public record ModelAnswer(String region, String species, ModelOutcome outcome, String detail) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ModelAnswer failed(ModelOutcome outcome, String detail) {
        return new ModelAnswer(null, null, outcome, detail);
    }

    /** Checks the assistant message {@code content} against the allowed terms. */
    static ModelAnswer parse(String content, Collection<String> regions, Collection<String> species) {
        JsonNode n;
        try {
            n = JSON.readTree(stripFence(content));
        } catch (IOException e) {
            return failed(ModelOutcome.MALFORMED, "not JSON: " + shorten(content));
        }
        if (n == null || !n.isObject()) {
            return failed(ModelOutcome.MALFORMED, "not a JSON object: " + shorten(content));
        }
        String r = n.path("region").isTextual() ? n.get("region").asText().strip() : null;
        String s = n.path("species").isTextual() ? n.get("species").asText().strip() : null;
        Optional<String> region = listed(r, regions);
        Optional<String> sp = listed(s, species);
        boolean regionOff = r != null && !isUnknown(r) && region.isEmpty();
        boolean speciesOff = s != null && !isUnknown(s) && sp.isEmpty();
        if (regionOff || speciesOff) {
            return failed(ModelOutcome.OUT_OF_VOCABULARY, (regionOff ? "region '" + shorten(r) + "' " : "")
                    + (speciesOff ? "species '" + shorten(s) + "' " : "") + "not in the lists: answer discarded");
        }
        if (region.isEmpty() && sp.isEmpty()) {
            return failed(ModelOutcome.NO_ANSWER, "the model did not name a region or a species");
        }
        return new ModelAnswer(region.orElse(null), sp.orElse(null), ModelOutcome.ANSWERED, "");
    }

    private static Optional<String> listed(String value, Collection<String> allowed) {
        if (value == null || isUnknown(value)) {
            return Optional.empty();
        }
        return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst();
    }

    private static boolean isUnknown(String v) {
        return v.isEmpty() || v.toLowerCase(Locale.ROOT).equals("unknown");
    }

    /** Local models often wrap JSON in a ```json fence despite being asked not to. */
    private static String stripFence(String s) {
        String t = s.strip();
        if (t.startsWith("```")) {
            t = t.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return t;
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
