package org.patchmap.core.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recording temperature a free text states. Methods sections name several temperatures
 * (ice-cold cutting solution, slices kept at 4 °C, stored at −80 °C, recorded at 34 °C), so a
 * candidate near a storage or slicing word is dropped, one near a recording word ("record",
 * "bath", "perfus", "temperature-controlled") wins over one without, a number wins over a
 * phrase, and sentences about another dandiset ("See Dandiset #8 ..., recorded under the room
 * temperature") are skipped.
 */
public final class TemperatureText {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+(?=\\S)");
    private static final Pattern OTHER_DATASET = Pattern.compile("dandiset\\s*#?\\s*\\d+|DANDI:\\d{6}", Pattern.CASE_INSENSITIVE);
    private static final Pattern WITH_UNIT = Pattern.compile("(?<![\\w.])" + Temperature.VALUE + Temperature.UNIT);
    /** "at 35 degrees" (no C): only after "at", and not "degrees of visual angle". */
    private static final Pattern AT_DEGREES = Pattern.compile("\\bat\\s+(" + Temperature.NUMBER
            + ")()\\s*degrees(?!\\s*(?:of|[a-zA-Z]))", Pattern.CASE_INSENSITIVE);
    /** "34C", "34 C": only in a sentence that says "temperature". */
    private static final Pattern BARE_C = Pattern.compile("(?<![\\w.])" + Temperature.VALUE + "\\s*C(?![a-zA-Z])");
    private static final Pattern TEMPERATURE_WORD = Pattern.compile("temperature", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_RECORDING = Pattern.compile(
            "ice[\\s-]*cold|chilled|stor(?:ed|age|e)|slicing|cut(?:ting)?|incubat|recover|fix(?:ed|ation)|frozen|freez|anesthe|anaesthe",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RECORDING = Pattern.compile(
            "record|bath|perfus|superfus|temperature[\\s-]*controlled|patch|experiments? (?:were|was) (?:performed|done|carried)",
            Pattern.CASE_INSENSITIVE);
    /** How far around a candidate (characters) its context words count. */
    private static final int CONTEXT = 60;
    static final double NUMBER_NEAR_RECORDING = 0.8;
    static final double NUMBER = 0.7;

    private TemperatureText() {
    }

    /** The recording temperature the text states, or empty. */
    public static Optional<Temperature> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (String sentence : SENTENCE_END.split(text)) {
            if (OTHER_DATASET.matcher(sentence).find()) {
                continue;
            }
            List<Pattern> forms = new ArrayList<>(List.of(WITH_UNIT, AT_DEGREES));
            if (TEMPERATURE_WORD.matcher(sentence).find()) {
                forms.add(BARE_C);
            }
            List<int[]> taken = new ArrayList<>();
            for (Pattern form : forms) {
                Matcher m = form.matcher(sentence);
                while (m.find()) {
                    if (overlaps(taken, m.start(), m.end())) {
                        continue;
                    }
                    taken.add(new int[] {m.start(), m.end()});
                    int position = order * 100_000 + m.start();
                    context(sentence, m.start(), m.end()).ifPresent(recording ->
                            Temperature.inRange(Temperature.value(m), m.group().strip(), false,
                                            recording ? NUMBER_NEAR_RECORDING : NUMBER)
                                    .ifPresent(t -> candidates.add(new Candidate(t, recording, position))));
                }
            }
            Optional<Temperature> phrase = Temperature.phrase(sentence);
            if (phrase.isPresent()) {
                int at = sentence.indexOf(phrase.get().text());
                int end = at + phrase.get().text().length();
                int position = order * 100_000 + at;
                context(sentence, at, end).ifPresent(recording ->
                        candidates.add(new Candidate(phrase.get(), recording, position)));
            }
            order++;
        }
        return candidates.stream()
                .min(Comparator.comparing((Candidate c) -> !c.nearRecording())
                        .thenComparing(c -> c.temperature().phrase())
                        .thenComparingInt(Candidate::position))
                .map(Candidate::temperature);
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        return taken.stream().anyMatch(r -> start < r[1] && end > r[0]);
    }

    /**
     * Whether the words around {@code [start, end)} make it a recording temperature (true), leave
     * it open (false), or make it a storage/slicing one (empty: the nearest context word is such).
     */
    private static Optional<Boolean> context(String sentence, int start, int end) {
        int toRecording = distance(RECORDING, sentence, start, end);
        int toOther = distance(NOT_RECORDING, sentence, start, end);
        if (toOther < toRecording) {
            return Optional.empty();
        }
        return Optional.of(toRecording <= CONTEXT);
    }

    /** Characters between {@code [start, end)} and the nearest match of {@code words} within CONTEXT; else MAX_VALUE. */
    private static int distance(Pattern words, String sentence, int start, int end) {
        Matcher m = words.matcher(sentence);
        m.region(Math.max(0, start - CONTEXT), Math.min(sentence.length(), end + CONTEXT));
        int best = Integer.MAX_VALUE;
        while (m.find()) {
            int d = m.end() <= start ? start - m.end() : m.start() >= end ? m.start() - end : 0;
            best = Math.min(best, d);
        }
        return best;
    }

    private record Candidate(Temperature temperature, boolean nearRecording, int position) {
    }
}
