package org.patchmap.core.metadata;

import org.patchmap.core.metadata.Tokens.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the vocabulary's terms in a text with one pass over its words: a trie of the terms'
 * normal forms (built once), the longest term at each word wins. Mentions that do not say where
 * the cells are are dropped: negated ones ("not hippocampus", "non-hippocampal", "excluding the
 * striatum and amygdala"), projection targets ("BLA-projecting", "projecting to the VTA"), receptor
 * names ("M1 receptor") and organisations ("Allen Institute for Brain Science").
 */
final class RegionMentions {

    /** How a term names its region, with the confidence that kind of mention carries. */
    enum Kind {
        NAME(0.9), SYNONYM(0.9), ABBREVIATION(0.85), ADJECTIVE(0.6);

        final double confidence;

        Kind(double confidence) {
            this.confidence = confidence;
        }
    }

    /** A counted mention: {@code evidence} is the text's span [start, end) of text number {@code text}. */
    record Mention(BrainRegion region, Kind kind, String evidence, int text, int start, int end) {
    }

    private record Term(BrainRegion region, Kind kind, List<String> words, boolean caseSensitive) {
    }

    private static final class Node {
        final Map<String, Node> next = new HashMap<>();
        final List<Term> terms = new ArrayList<>(1);
    }

    /** Abbreviations this short match only as written: "DG", "M1", "VISp"; "dg" or "m1" in prose do not. */
    static final int CASE_SENSITIVE_MAX_CHARS = 4;

    /** What may stand between the words of one term: "dentate-gyrus", "Ammon's horn", "CA1-3". */
    private static final Pattern WORD_GAP = Pattern.compile("[\\s\\-_'\\u2019\\u2010\\u2011\\u2013]+");
    /** A gap that ends the clause: negation does not reach past it. */
    private static final Pattern CLAUSE_END = Pattern.compile("[.;:!?,()\\[\\]\\n]");
    /**
     * Between two items of one negated list: "not the striatum, or the amygdala". A comma alone does
     * not carry the negation: "unlike cortex, cerebellar neurons..." names the cerebellum.
     */
    private static final Pattern LIST_GAP = Pattern.compile("(?i),?\\s*(?:and|or|nor)\\s+(?:the\\s+)?");

    private static final Set<String> NEGATIONS = Set.of("not", "non", "no", "excluding", "except", "outside",
            "unlike", "without", "nor", "neither", "extra");
    /** Words a negation may reach over: "not in the hippocampus". */
    private static final Set<String> SKIPPED = Set.of("the", "a", "an", "of", "in", "from", "any", "its", "their",
            "mouse", "rat", "human");
    /** A region followed by these is not where the cells are. */
    private static final Set<String> NOT_A_PLACE_AFTER = Set.of("projecting", "targeting", "receptor", "agonist",
            "antagonist", "science", "initiative", "observatory", "institute", "research", "atlas", "foundation");
    private static final Set<String> PROJECTION_VERBS = Set.of("projecting", "project", "projection", "innervating");

    private final Node root = new Node();

    RegionMentions(BrainRegionVocabulary vocabulary) {
        for (BrainRegion r : vocabulary.all()) {
            add(r, Kind.NAME, r.name());
            r.synonyms().forEach(s -> add(r, Kind.SYNONYM, s));
            r.abbreviations().forEach(a -> add(r, Kind.ABBREVIATION, a));
            vocabulary.adjectives(r).forEach(a -> add(r, Kind.ADJECTIVE, a));
        }
    }

    private void add(BrainRegion region, Kind kind, String term) {
        List<Token> words = Tokens.of(term);
        Node node = root;
        for (Token w : words) {
            node = node.next.computeIfAbsent(w.norm(), k -> new Node());
        }
        int chars = words.stream().mapToInt(w -> w.text().length()).sum();
        boolean caseSensitive = kind == Kind.ABBREVIATION && chars <= CASE_SENSITIVE_MAX_CHARS;
        node.terms.add(new Term(region, kind, words.stream().map(Token::text).toList(), caseSensitive));
    }

    /** The counted mentions of one text, in text order; {@code textIndex} is carried into each. */
    List<Mention> find(String text, int textIndex) {
        List<Mention> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        List<Token> tokens = Tokens.of(text);
        Mention previous = null;
        boolean previousNegated = false;
        int i = 0;
        while (i < tokens.size()) {
            int[] end = new int[1];
            Term term = longest(text, tokens, i, end);
            if (term == null) {
                i++;
                continue;
            }
            int last = end[0];
            Mention m = new Mention(term.region(), term.kind(),
                    text.substring(tokens.get(i).start(), tokens.get(last).end()), textIndex,
                    tokens.get(i).start(), tokens.get(last).end());
            boolean negated = negated(text, tokens, i)
                    || previousNegated && LIST_GAP.matcher(text.substring(previous.end(), m.start())).matches();
            if (!negated && !notAPlace(text, tokens, i, last)) {
                out.add(m);
            }
            previous = m;
            previousNegated = negated;
            i = last + 1;
        }
        return out;
    }

    /** The longest term starting at word {@code i}; its last word's index goes into {@code end[0]}. */
    private Term longest(String text, List<Token> tokens, int i, int[] end) {
        Node node = root;
        Term best = null;
        for (int j = i; j < tokens.size(); j++) {
            if (j > i && !WORD_GAP.matcher(text.substring(tokens.get(j - 1).end(), tokens.get(j).start())).matches()) {
                break;
            }
            node = node.next.get(tokens.get(j).norm());
            if (node == null) {
                break;
            }
            for (Term t : node.terms) {
                if (!t.caseSensitive() || writtenAs(t, tokens, i)) {
                    best = t;
                    end[0] = j;
                    break;
                }
            }
        }
        return best;
    }

    /** Exactly as the abbreviation is written, or with a plural "s": "DRGs". */
    private static boolean writtenAs(Term t, List<Token> tokens, int i) {
        for (int k = 0; k < t.words().size(); k++) {
            String written = tokens.get(i + k).text();
            String word = t.words().get(k);
            if (!written.equals(word) && !written.equals(word + "s")) {
                return false;
            }
        }
        return true;
    }

    /** A negation word before the mention in the same clause, over articles and "in"/"of". */
    private static boolean negated(String text, List<Token> tokens, int i) {
        for (int j = i - 1, steps = 0; j >= 0 && steps < 4; j--, steps++) {
            if (CLAUSE_END.matcher(text.substring(tokens.get(j).end(), tokens.get(j + 1).start())).find()) {
                return false;
            }
            String w = tokens.get(j).norm();
            if (NEGATIONS.contains(w)) {
                return true;
            }
            if (!SKIPPED.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /** "BLA-projecting", "M1 receptor", "Brain Science"; "projecting to (the) VTA". */
    private static boolean notAPlace(String text, List<Token> tokens, int first, int last) {
        if (last + 1 < tokens.size()
                && WORD_GAP.matcher(text.substring(tokens.get(last).end(), tokens.get(last + 1).start())).matches()
                && NOT_A_PLACE_AFTER.contains(tokens.get(last + 1).norm())) {
            return true;
        }
        int j = first - 1;
        if (j >= 0 && tokens.get(j).norm().equals("the")) {
            j--;
        }
        return j >= 1 && tokens.get(j).norm().equals("to") && PROJECTION_VERBS.contains(tokens.get(j - 1).norm());
    }
}
