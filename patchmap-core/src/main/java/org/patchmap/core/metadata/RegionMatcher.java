package org.patchmap.core.metadata;

import org.patchmap.core.metadata.RegionMentions.Mention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The most specific brain region that a dandiset's texts support, from the vocabulary's names,
 * synonyms, abbreviations and adjectives (see {@link RegionMentions} for what counts as a mention).
 * <ol>
 *   <li>The texts come in order of authority (title, description, keywords): the first text that
 *       names a region other than a broad one (brain, forebrain...) decides; later texts only refine
 *       its regions ("human cortex" in the title, "human neocortex" in the description gives
 *       neocortex) and are ignored where they conflict (title beats description).</li>
 *   <li>Within that text a region gives way to a more specific one it encloses (hippocampus and CA1
 *       give CA1).</li>
 *   <li>Unrelated regions (CA1 and CA3) give their lowest common ancestor when it is not a broad one
 *       (hippocampus proper); otherwise the one with the most mentions along its lineage in all texts,
 *       then the more specific, then the first named. Both lower the confidence.</li>
 *   <li>Only broad regions named: that region, at a low confidence.</li>
 * </ol>
 */
public final class RegionMatcher {

    /** Common ancestors that say too little to be an answer when two regions conflict. */
    private static final Set<String> BROAD = Set.of("UBERON:0001017", "UBERON:0000010", "UBERON:0000955",
            "UBERON:0001890", "UBERON:0001893");
    private static final double[] TEXT_WEIGHT = {1.0, 0.95, 0.9};
    private static final double COMMON_ANCESTOR = 0.8;
    private static final double CHOSEN_AMONG_UNRELATED = 0.6;
    private static final double BROAD_ONLY = 0.5;

    private static volatile RegionMatcher standard;

    private final BrainRegionVocabulary vocabulary;
    private final RegionMentions mentions;

    public RegionMatcher(BrainRegionVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.mentions = new RegionMentions(vocabulary);
    }

    /** On the shipped vocabulary, built once. */
    public static RegionMatcher standard() {
        RegionMatcher m = standard;
        if (m == null) {
            synchronized (RegionMatcher.class) {
                if (standard == null) {
                    standard = new RegionMatcher(BrainRegionVocabulary.standard());
                }
                m = standard;
            }
        }
        return m;
    }

    /** The most specific region the texts support (title first, then description, then keywords), or empty. */
    public Optional<RegionMatch> match(List<String> texts) {
        List<List<Mention>> perText = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            perText.add(mentions.find(texts.get(i), i));
        }
        List<Mention> all = perText.stream().flatMap(List::stream).toList();
        int primary = -1;
        for (int i = 0; i < perText.size() && primary < 0; i++) {
            if (perText.get(i).stream().anyMatch(m -> !broad(m.region()))) {
                primary = i;
            }
        }
        if (primary < 0) {
            return all.isEmpty() ? Optional.empty() : Optional.of(broadOnly(all));
        }
        List<Mention> decisive = perText.get(primary).stream().filter(m -> !broad(m.region())).toList();
        int decider = primary;
        List<Mention> later = all.stream().filter(m -> m.text() > decider).toList();

        List<RegionMatch> candidates = new ArrayList<>();
        for (BrainRegion region : mostSpecific(regions(decisive))) {
            RegionMatch refined = refine(region, first(decisive, region), later);
            if (candidates.stream().noneMatch(c -> c.region().equals(refined.region()))) {
                candidates.add(refined);
            }
        }
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        List<BrainRegion> regions = candidates.stream().map(RegionMatch::region).toList();
        Optional<BrainRegion> common = vocabulary.lowestCommonAncestor(regions);
        if (common.isPresent() && !broad(common.get())) {
            return Optional.of(new RegionMatch(common.get(), joinedEvidence(candidates),
                    minConfidence(candidates) * COMMON_ANCESTOR));
        }
        RegionMatch chosen = candidates.stream()
                .max(Comparator.comparingInt((RegionMatch c) -> support(c.region(), all))
                        .thenComparingInt(c -> vocabulary.ancestors(c.region()).size())
                        .thenComparingInt(c -> -candidates.indexOf(c)))
                .orElseThrow();
        return Optional.of(new RegionMatch(chosen.region(), chosen.evidence(),
                chosen.confidence() * CHOSEN_AMONG_UNRELATED));
    }

    /** The region, or the most specific region below it that later texts name (their common ancestor if several). */
    private RegionMatch refine(BrainRegion region, Mention own, List<Mention> later) {
        List<Mention> below = later.stream().filter(m -> vocabulary.isBelow(m.region(), region)).toList();
        List<BrainRegion> specific = mostSpecific(regions(below));
        if (specific.size() == 1) {
            return of(first(below, specific.get(0)));
        }
        if (specific.size() > 1) {
            BrainRegion common = vocabulary.lowestCommonAncestor(specific).orElse(region);
            if (vocabulary.isBelow(common, region)) {
                List<RegionMatch> parts = specific.stream().map(r -> of(first(below, r))).toList();
                return new RegionMatch(common, joinedEvidence(parts), minConfidence(parts) * COMMON_ANCESTOR);
            }
        }
        return of(own);
    }

    private RegionMatch broadOnly(List<Mention> all) {
        BrainRegion region = mostSpecific(regions(all)).get(0);
        RegionMatch m = of(first(all, region));
        return new RegionMatch(m.region(), m.evidence(), m.confidence() * BROAD_ONLY);
    }

    private static RegionMatch of(Mention m) {
        double weight = TEXT_WEIGHT[Math.min(m.text(), TEXT_WEIGHT.length - 1)];
        return new RegionMatch(m.region(), m.evidence(), m.kind().confidence * weight);
    }

    /** Mentions of the region, its ancestors (not broad ones) or its descendants, in all texts. */
    private int support(BrainRegion region, List<Mention> all) {
        int n = 0;
        for (Mention m : all) {
            BrainRegion r = m.region();
            if (!broad(r) && (r.equals(region) || vocabulary.isBelow(region, r) || vocabulary.isBelow(r, region))) {
                n++;
            }
        }
        return n;
    }

    /** Distinct regions without those that enclose another of them, in order of first mention. */
    private List<BrainRegion> mostSpecific(List<BrainRegion> regions) {
        return regions.stream()
                .filter(r -> regions.stream().noneMatch(o -> vocabulary.isBelow(o, r)))
                .toList();
    }

    private static List<BrainRegion> regions(List<Mention> mentions) {
        Map<String, BrainRegion> distinct = new LinkedHashMap<>();
        mentions.forEach(m -> distinct.putIfAbsent(m.region().id(), m.region()));
        return new ArrayList<>(distinct.values());
    }

    private static Mention first(List<Mention> mentions, BrainRegion region) {
        return mentions.stream().filter(m -> m.region().equals(region)).findFirst().orElseThrow();
    }

    private static String joinedEvidence(List<RegionMatch> parts) {
        return parts.stream().map(RegionMatch::evidence).distinct().collect(Collectors.joining(", "));
    }

    private static double minConfidence(List<RegionMatch> parts) {
        return parts.stream().mapToDouble(RegionMatch::confidence).min().orElse(0);
    }

    private static boolean broad(BrainRegion r) {
        return BROAD.contains(r.id());
    }
}
