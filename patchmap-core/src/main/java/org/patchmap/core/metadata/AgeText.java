package org.patchmap.core.metadata;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An age stated in free text: "P21-P35 mice", "postnatal days P75 to P81", "between 5 and 12
 * days postnatal", "4-7 months of age", "8-week-old". "Adult" and "aged" state no number and
 * give nothing. The first statement in the text wins.
 */
public final class AgeText {
    private static final String TO = "\\s*(?:-|–|to|and)\\s*";
    private static final String UNIT = "(days?|weeks?|months?|years?)";
    private static final List<Pattern> FORMS = List.of(
            // P21-P35, P75 to P81, P21–35
            Pattern.compile("(?<![\\w-])P(\\d{1,3})" + TO + "P?(\\d{1,3})(?!\\w)"),
            // postnatal day 14, postnatal days 5-12
            Pattern.compile("postnatal\\s+days?\\s+P?(\\d{1,3})(?:" + TO + "P?(\\d{1,3}))?(?!\\w)", Pattern.CASE_INSENSITIVE),
            // 5 and 12 days postnatal
            Pattern.compile("(?<![\\w.])(\\d{1,3})(?:" + TO + "(\\d{1,3}))?\\s+days?\\s+postnatal", Pattern.CASE_INSENSITIVE),
            // 4-7 months of age, 8-week-old, 30 years old
            Pattern.compile("(?<![\\w.])(\\d{1,3}(?:\\.\\d+)?)(?:" + TO + "(\\d{1,3}(?:\\.\\d+)?))?[\\s-]*" + UNIT
                    + "[\\s-]*(?:old|of\\s+age)", Pattern.CASE_INSENSITIVE),
            // P14 mice, aged P30
            Pattern.compile("(?:(?<=aged\\s)|(?<=at\\s))P(\\d{1,3})(?!\\w)|(?<![\\w-])P(\\d{1,3})\\s+(?:mice|mouse|rats?|pups|animals)",
                    Pattern.CASE_INSENSITIVE));

    private AgeText() {
    }

    /** The first age the text states, in days; empty when it states none. */
    public static Optional<IsoAge> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<IsoAge> best = Optional.empty();
        int bestStart = Integer.MAX_VALUE;
        for (int f = 0; f < FORMS.size(); f++) {
            Matcher m = FORMS.get(f).matcher(text);
            if (m.find() && m.start() < bestStart) {
                bestStart = m.start();
                best = Optional.of(age(f, m));
            }
        }
        return best;
    }

    private static IsoAge age(int form, Matcher m) {
        String low;
        String high;
        double unit = 1;
        if (form == 4) {
            low = m.group(1) != null ? m.group(1) : m.group(2);
            high = null;
        } else {
            low = m.group(1);
            high = m.group(2);
        }
        if (form == 3) {
            unit = switch (m.group(3).toLowerCase().charAt(0)) {
                case 'w' -> 7;
                case 'm' -> IsoAge.DAYS_PER_MONTH;
                case 'y' -> IsoAge.DAYS_PER_YEAR;
                default -> 1;
            };
        }
        double a = Double.parseDouble(low) * unit;
        double b = high == null ? a : Double.parseDouble(high) * unit;
        return new IsoAge((Math.min(a, b) + Math.max(a, b)) / 2, Math.min(a, b), Math.max(a, b), m.group().strip());
    }
}
