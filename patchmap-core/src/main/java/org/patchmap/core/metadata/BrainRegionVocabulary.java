package org.patchmap.core.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The controlled vocabulary of brain regions shipped as {@code brain-regions.tsv} next to this
 * class: one tree of UBERON and Allen Mouse Brain Atlas terms with synonyms, abbreviations and
 * adjectives. Reading checks its integrity (ids well formed and unique, parents present, no
 * cycle, names lower case, no name, synonym, abbreviation or adjective shared by two terms) and
 * refuses a file that breaks it, naming the line and the cause.
 */
public final class BrainRegionVocabulary {

    static final String RESOURCE = "brain-regions.tsv";
    private static final Pattern ID = Pattern.compile("UBERON:\\d{7}|MBA:\\d+");
    private static final String HEADER = "id\tname\tparent_id\tsynonyms\tabbreviations\tadjectives";

    private static volatile BrainRegionVocabulary standard;

    private final String version;
    private final List<BrainRegion> all;
    private final Map<String, BrainRegion> byId;
    private final Map<String, BrainRegion> byKey;
    private final Map<String, List<String>> adjectives;

    private BrainRegionVocabulary(String version, List<BrainRegion> all, Map<String, List<String>> adjectives) {
        this.version = version;
        this.all = List.copyOf(all);
        this.adjectives = Map.copyOf(adjectives);
        this.byId = new HashMap<>();
        all.forEach(r -> byId.put(r.id(), r));
        this.byKey = new HashMap<>();
    }

    /** The shipped vocabulary, read once. */
    public static BrainRegionVocabulary standard() {
        BrainRegionVocabulary v = standard;
        if (v == null) {
            synchronized (BrainRegionVocabulary.class) {
                if (standard == null) {
                    standard = readResource();
                }
                v = standard;
            }
        }
        return v;
    }

    private static BrainRegionVocabulary readResource() {
        try (InputStream in = BrainRegionVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + ": not on the classpath next to " + BrainRegionVocabulary.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(RESOURCE, reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Reads the TSV format; {@code source} names the input in error messages. */
    static BrainRegionVocabulary parse(String source, List<String> lines) {
        String version = null;
        boolean header = false;
        List<BrainRegion> regions = new ArrayList<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Map<String, List<String>> adjectives = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = source + " line " + (i + 1) + ": ";
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith("version:")) {
                    version = comment.substring("version:".length()).strip();
                }
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException(where + "expected the header \"" + HEADER.replace("\t", "\\t")
                            + "\", found \"" + line + "\"");
                }
                header = true;
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(where + "expected 6 tab-separated columns, found " + f.length);
            }
            String id = f[0].strip();
            String name = f[1].strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where + "id \"" + id + "\" is neither UBERON:<7 digits> nor MBA:<digits>");
            }
            if (lineOf.containsKey(id)) {
                throw new IllegalArgumentException(where + "id " + id + " already on line " + lineOf.get(id));
            }
            if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(where + "name \"" + name + "\" of " + id + " is not lower case");
            }
            lineOf.put(id, i + 1);
            String parent = f[2].strip();
            regions.add(new BrainRegion(name, id, parent.isEmpty() ? null : parent, list(f[3]), list(f[4])));
            adjectives.put(id, list(f[5]));
        }
        if (version == null || version.isEmpty()) {
            throw new IllegalArgumentException(source + ": no \"# version: ...\" line");
        }
        if (!header) {
            throw new IllegalArgumentException(source + ": no header line \"" + HEADER.replace("\t", "\\t") + "\"");
        }
        BrainRegionVocabulary v = new BrainRegionVocabulary(version, regions, adjectives);
        v.checkTree(source, lineOf);
        v.indexTerms(source, lineOf);
        return v;
    }

    private static List<String> list(String field) {
        return field.isBlank() ? List.of()
                : Arrays.stream(field.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private void checkTree(String source, Map<String, Integer> lineOf) {
        for (BrainRegion r : all) {
            if (r.parentId() != null && !byId.containsKey(r.parentId())) {
                throw new IllegalArgumentException(source + " line " + lineOf.get(r.id()) + ": parent " + r.parentId()
                        + " of " + r.id() + " (" + r.name() + ") is not in the vocabulary");
            }
            Set<String> seen = new HashSet<>();
            for (BrainRegion p = r; p != null; p = p.parentId() == null ? null : byId.get(p.parentId())) {
                if (!seen.add(p.id())) {
                    throw new IllegalArgumentException(source + " line " + lineOf.get(r.id()) + ": " + r.id()
                            + " (" + r.name() + ") is its own ancestor through " + p.id());
                }
            }
        }
    }

    /** Every name, synonym, abbreviation and adjective under its normal form; two terms may not share one. */
    private void indexTerms(String source, Map<String, Integer> lineOf) {
        for (BrainRegion r : all) {
            for (String term : terms(r)) {
                String key = Tokens.key(term);
                if (key.isEmpty()) {
                    throw new IllegalArgumentException(source + " line " + lineOf.get(r.id()) + ": empty term in " + r.id());
                }
                BrainRegion other = byKey.putIfAbsent(key, r);
                if (other != null && other != r) {
                    throw new IllegalArgumentException(source + " line " + lineOf.get(r.id()) + ": \"" + term + "\" of "
                            + r.id() + " (" + r.name() + ") is already a term of " + other.id() + " (" + other.name() + ")");
                }
            }
        }
    }

    private List<String> terms(BrainRegion r) {
        List<String> out = new ArrayList<>();
        out.add(r.name());
        out.addAll(r.synonyms());
        out.addAll(r.abbreviations());
        out.addAll(adjectives(r));
        return out;
    }

    /** E.g. {@code 2026.11.1}, the {@code # version:} line of the resource. */
    public String version() {
        return version;
    }

    public Optional<BrainRegion> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id.strip()));
    }

    /**
     * The term with this name, synonym, abbreviation or adjective, case-insensitively and with
     * plurals and hyphens folded ("Dentate-gyri" finds the dentate gyrus).
     */
    public Optional<BrainRegion> byName(String nameOrSynonym) {
        return Optional.ofNullable(nameOrSynonym == null ? null : byKey.get(Tokens.key(nameOrSynonym)));
    }

    /** Parent first, root last; empty for a root. */
    public List<BrainRegion> ancestors(BrainRegion region) {
        List<BrainRegion> out = new ArrayList<>();
        for (String p = region.parentId(); p != null; p = byId.get(p).parentId()) {
            out.add(byId.get(p));
        }
        return out;
    }

    /** In file order. */
    public List<BrainRegion> all() {
        return all;
    }

    /** The adjectives that name this region ("hippocampal"); matched with a lower confidence. */
    List<String> adjectives(BrainRegion region) {
        return adjectives.getOrDefault(region.id(), List.of());
    }

    /** True when {@code ancestor} strictly encloses {@code region}. */
    boolean isBelow(BrainRegion region, BrainRegion ancestor) {
        for (String p = region.parentId(); p != null; p = byId.get(p).parentId()) {
            if (p.equals(ancestor.id())) {
                return true;
            }
        }
        return false;
    }

    /** The deepest region enclosing (or equal to) all of them; empty when they share no root. */
    Optional<BrainRegion> lowestCommonAncestor(List<BrainRegion> regions) {
        if (regions.isEmpty()) {
            return Optional.empty();
        }
        List<BrainRegion> chain = new ArrayList<>();
        chain.add(regions.get(0));
        chain.addAll(ancestors(regions.get(0)));
        for (BrainRegion candidate : chain) {
            boolean enclosesAll = true;
            for (BrainRegion r : regions) {
                if (r != candidate && !isBelow(r, candidate)) {
                    enclosesAll = false;
                    break;
                }
            }
            if (enclosesAll) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
