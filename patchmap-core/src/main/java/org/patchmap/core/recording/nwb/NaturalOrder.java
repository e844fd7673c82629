package org.patchmap.core.recording.nwb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Numeric-aware name order: "CurrentClampSeries_2" before "CurrentClampSeries_10" (plain string
 * order puts 10 first, and pairing by position in that order pairs the wrong sweeps).
 */
final class NaturalOrder implements Comparator<String> {
    static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            boolean da = digit(a.charAt(i));
            boolean db = digit(b.charAt(j));
            int ei = run(a, i, da);
            int ej = run(b, j, db);
            int c;
            if (da && db) {
                c = compareDigits(a.substring(i, ei), b.substring(j, ej));
            } else {
                c = a.substring(i, ei).compareTo(b.substring(j, ej));
            }
            if (c != 0) {
                return c;
            }
            i = ei;
            j = ej;
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    /** The numbers in a name, as digit strings without leading zeros: "data_00017_AD0" gives [17, 0]. */
    static List<String> numbers(String name) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < name.length()) {
            boolean isDigit = digit(name.charAt(i));
            int e = run(name, i, isDigit);
            if (isDigit) {
                out.add(stripZeros(name.substring(i, e)));
            }
            i = e;
        }
        return out;
    }

    private static int run(String s, int from, boolean digits) {
        int e = from;
        while (e < s.length() && digit(s.charAt(e)) == digits) {
            e++;
        }
        return e;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int compareDigits(String x, String y) {
        String a = stripZeros(x);
        String b = stripZeros(y);
        int c = Integer.compare(a.length(), b.length());
        if (c == 0) {
            c = a.compareTo(b);
        }
        return c != 0 ? c : Integer.compare(x.length(), y.length());
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
