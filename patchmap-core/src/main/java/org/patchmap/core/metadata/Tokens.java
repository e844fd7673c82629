package org.patchmap.core.metadata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words of a text (runs of letters and digits) with their offsets and a normal form: lower case,
 * accents dropped, plural made singular ("dentate gyri" and "dentate gyrus" have the same normal
 * form). Vocabulary terms and texts go through the same steps, so they meet on normal forms.
 */
final class Tokens {

    /** One word: {@code text} as written, {@code norm} its normal form, [start, end) in the text. */
    record Token(String text, String norm, int start, int end) {
    }

    /** Latin and Greek plurals of anatomy that dropping an "s" does not undo. */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("gyri", "gyrus"), Map.entry("nuclei", "nucleus"), Map.entry("cortices", "cortex"),
            Map.entry("colliculi", "colliculus"), Map.entry("hippocampi", "hippocampus"),
            Map.entry("amygdalae", "amygdala"), Map.entry("ganglia", "ganglion"), Map.entry("thalami", "thalamus"),
            Map.entry("hypothalami", "hypothalamus"), Map.entry("striata", "striatum"),
            Map.entry("cerebella", "cerebellum"), Map.entry("corpora", "corpus"), Map.entry("fields", "field"));

    private Tokens() {
    }

    static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i);
            out.add(new Token(word, normalise(word), start, i));
        }
        return out;
    }

    /** The normal forms of a term's words joined by one space: the vocabulary's lookup key. */
    static String key(String term) {
        StringBuilder sb = new StringBuilder();
        for (Token t : of(term)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.norm());
        }
        return sb.toString();
    }

    static String normalise(String word) {
        String w = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String irregular = IRREGULAR.get(w);
        if (irregular != null) {
            return irregular;
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
