package org.patchmap.core.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A species by its NCBI Taxonomy id, from the shipped table {@code species.tsv}: what DANDI
 * and NWB files write ({@code Mus musculus - House mouse}, an NCBITaxon URL or CURIE, a common
 * name) and what free text says ("mice", "patients").
 *
 * @param taxonId        {@code NCBITaxon:10090}
 * @param scientificName {@code Mus musculus}
 * @param names          the names structured metadata uses for it
 * @param words          the words that name it in free text
 */
public record Species(String taxonId, String scientificName, List<String> names, List<String> words) {
    /** NCBITaxon:32644 "unidentified": DANDI's way of saying the submitter did not tell. */
    public static final String UNIDENTIFIED = "NCBITaxon:32644";
    private static final Pattern TAXON = Pattern.compile("NCBITaxon[:_](\\d+)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Table TABLE = Table.load();

    public Species {
        names = List.copyOf(names);
        words = List.copyOf(words);
    }

    /** Every species of the table, in its order. */
    public static List<Species> all() {
        return TABLE.species;
    }

    /**
     * The species a structured field names: an NCBITaxon URL or CURIE, a scientific or common
     * name, DANDI's "Scientific - Common" form or a list joined by ';'. Empty when unknown or
     * "unidentified".
     */
    public static Optional<Species> lookup(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        Matcher taxon = TAXON.matcher(nameOrId.strip());
        if (taxon.find()) {
            return Optional.ofNullable(TABLE.byId.get("NCBITaxon:" + taxon.group(1)));
        }
        for (String part : nameOrId.split("\\s+-\\s+|;")) {
            Species s = TABLE.byName.get(key(part));
            if (s != null) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** {@link #lookup} that throws naming the input when the table does not know it. */
    public static Species require(String nameOrId) {
        return lookup(nameOrId).orElseThrow(() -> new IllegalArgumentException("species " + (nameOrId == null ? "null"
                : "\"" + nameOrId + "\"") + ": not in the species table (an NCBITaxon id, a scientific or a common name)"));
    }

    /** The species free text names, in order of first mention, each once ("non-human" is not human). */
    public static List<Species> mentionedIn(String text) {
        Set<Species> out = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = TABLE.words.matcher(text);
            while (m.find()) {
                out.add(TABLE.byWord.get(key(m.group())));
            }
        }
        return List.copyOf(out);
    }

    /** The first word of {@link #mentionedIn} that names this species in the text, for evidence. */
    public Optional<String> evidenceIn(String text) {
        if (text != null) {
            Matcher m = TABLE.words.matcher(text);
            while (m.find()) {
                if (TABLE.byWord.get(key(m.group())) == this) {
                    return Optional.of(m.group());
                }
            }
        }
        return Optional.empty();
    }

    private static String key(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The parsed resource: lookups by id, by structured name, by text word. */
    private record Table(List<Species> species, Map<String, Species> byId, Map<String, Species> byName,
                         Map<String, Species> byWord, Pattern words) {
        static Table load() {
            List<Species> all = new ArrayList<>();
            try (InputStream in = Species.class.getResourceAsStream("species.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("species.tsv is missing from the classpath");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                int n = 0;
                while ((line = reader.readLine()) != null) {
                    n++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    if (f.length != 4 || !f[0].matches("\\d+")) {
                        throw new IllegalStateException("species.tsv line " + n + ": expected taxon, name, names, words: " + line);
                    }
                    all.add(new Species("NCBITaxon:" + f[0], f[1], List.of(f[2].split(";")), List.of(f[3].split(";"))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Species> byId = new HashMap<>();
            Map<String, Species> byName = new HashMap<>();
            Map<String, Species> byWord = new HashMap<>();
            for (Species s : all) {
                byId.put(s.taxonId(), s);
                byName.put(key(s.scientificName()), s);
                s.names().forEach(name -> byName.putIfAbsent(key(name), s));
                s.words().forEach(word -> byWord.putIfAbsent(key(word), s));
            }
            // Longest first, so that "Drosophila suzukii" wins over "Drosophila" and "pig-tailed macaque" over "pig".
            String alternatives = byWord.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                    .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
                    .collect(Collectors.joining("|"));
            Pattern words = Pattern.compile("(?<![\\w-])(?:" + alternatives + ")(?!\\w)",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return new Table(List.copyOf(all), Map.copyOf(byId), Map.copyOf(byName), Map.copyOf(byWord), words);
        }
    }
}
