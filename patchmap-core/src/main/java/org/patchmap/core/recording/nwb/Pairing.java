package org.patchmap.core.recording.nwb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pairs each current-clamp response with its stimulus (spec section 1), in three stages, each
 * working on what the previous left unpaired:
 * <ol>
 * <li>the {@code sweep_number} attribute, when both sides have it (several series with one number,
 * as MIES writes for several headstages, are told apart by their electrode link, then by name
 * order);</li>
 * <li>the IntracellularRecordingsTable, whose object references are resolved against the series
 * found (read only when stage 1 left something, so files with sweep numbers never pay for it);</li>
 * <li>names: first the numbers in the names ("data_00017_AD0" and "data_00017_DA0",
 * "ic__Step__3" and "ics__Step__3") when they match one-to-one, then the rank in natural
 * numeric-aware order when both sides have as many left. Never the position in alphabetical
 * order, which puts "_10" before "_2".</li>
 * </ol>
 * A stimulus carrying a different sweep number than the response is never paired with it.
 */
final class Pairing {
    /**
     * A response and its stimulus; start/count select the samples (count -1 = all).
     *
     * @param name the sweep's name: the response's, with the sample range when one series gives several sweeps
     */
    record Pair(Series response, Series stimulus, String name, long responseStart, long responseCount,
                long stimulusStart, long stimulusCount) {
        static Pair whole(Series r, Series s) {
            return new Pair(r, s, r.name(), 0, -1, 0, -1);
        }
    }

    /** Loads the icephys table rows on demand. */
    interface TableSource {
        List<IcephysTable.Row> rows() throws BadNwbException;
    }

    record Result(List<Pair> pairs, List<Series> unpaired) {
    }

    private final List<Pair> pairs = new ArrayList<>();
    private final List<Series> left;
    private final List<Series> unused;

    private Pairing(List<Series> responses, List<Series> stimuli) {
        left = sorted(responses);
        unused = sorted(stimuli);
    }

    static Result pair(List<Series> responses, List<Series> stimuli, TableSource table) throws BadNwbException {
        Pairing p = new Pairing(responses, stimuli);
        p.bySweepNumber();
        if (!p.left.isEmpty()) {
            p.byTable(table);
        }
        if (!p.left.isEmpty() && !p.unused.isEmpty()) {
            p.byNames();
        }
        return new Result(List.copyOf(p.pairs), List.copyOf(p.left));
    }

    private void bySweepNumber() {
        Map<Integer, List<Series>> stimuli = new TreeMap<>();
        for (Series s : unused) {
            if (s.sweepNumber() != null) {
                stimuli.computeIfAbsent(s.sweepNumber(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<Integer, List<Series>> responses = new TreeMap<>();
        for (Series r : left) {
            if (r.sweepNumber() != null && stimuli.containsKey(r.sweepNumber())) {
                responses.computeIfAbsent(r.sweepNumber(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<Integer, List<Series>> e : responses.entrySet()) {
            List<Series> rs = new ArrayList<>(e.getValue());
            List<Series> ss = new ArrayList<>(stimuli.get(e.getKey()));
            if (rs.size() > 1 || ss.size() > 1) {
                byElectrode(rs, ss);
            }
            if (rs.size() == ss.size()) {
                for (int k = 0; k < rs.size(); k++) {
                    add(Pair.whole(rs.get(k), ss.get(k)));
                }
            }
        }
    }

    /** Pairs (and removes from the lists) series that share an electrode no other series of the sweep has. */
    private void byElectrode(List<Series> rs, List<Series> ss) {
        Map<Long, List<Series>> rByElectrode = byElectrode(rs);
        Map<Long, List<Series>> sByElectrode = byElectrode(ss);
        for (Map.Entry<Long, List<Series>> e : rByElectrode.entrySet()) {
            List<Series> s = sByElectrode.get(e.getKey());
            if (e.getValue().size() == 1 && s != null && s.size() == 1) {
                add(Pair.whole(e.getValue().get(0), s.get(0)));
                rs.remove(e.getValue().get(0));
                ss.remove(s.get(0));
            }
        }
    }

    private static Map<Long, List<Series>> byElectrode(List<Series> series) {
        Map<Long, List<Series>> out = new LinkedHashMap<>();
        for (Series s : series) {
            Long electrode = s.electrode();
            if (electrode != null) {
                out.computeIfAbsent(electrode, k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    private void byTable(TableSource table) throws BadNwbException {
        List<IcephysTable.Row> rows = table.rows();
        if (rows.isEmpty()) {
            return;
        }
        // the address index: built once, from the series already found
        Map<Long, Series> responses = new HashMap<>();
        left.forEach(r -> responses.put(r.address(), r));
        Map<Long, Series> stimuli = new HashMap<>();
        for (Pair p : pairs) {
            stimuli.put(p.stimulus().address(), p.stimulus());
        }
        unused.forEach(s -> stimuli.put(s.address(), s));
        Map<Series, List<IcephysTable.Row>> found = new LinkedHashMap<>();
        for (IcephysTable.Row row : rows) {
            Series r = responses.get(row.response());
            Series s = row.hasStimulus() ? stimuli.get(row.stimulus()) : null;
            if (r != null && s != null && compatible(r, s)) {
                found.computeIfAbsent(r, k -> new ArrayList<>()).add(row);
            }
        }
        for (Map.Entry<Series, List<IcephysTable.Row>> e : found.entrySet()) {
            Series r = e.getKey();
            boolean several = e.getValue().size() > 1;
            for (IcephysTable.Row row : e.getValue()) {
                String name = several ? r.name() + " [" + row.responseStart() + ", "
                        + (row.responseStart() + row.responseCount()) + ")" : r.name();
                add(new Pair(r, stimuli.get(row.stimulus()), name, row.responseStart(), row.responseCount(),
                        row.stimulusStart(), row.stimulusCount()));
            }
        }
    }

    private void byNames() {
        Map<List<String>, List<Series>> rByNumbers = byNumbers(left);
        Map<List<String>, List<Series>> sByNumbers = byNumbers(unused);
        for (Map.Entry<List<String>, List<Series>> e : rByNumbers.entrySet()) {
            List<Series> s = sByNumbers.get(e.getKey());
            if (!e.getKey().isEmpty() && e.getValue().size() == 1 && s != null && s.size() == 1
                    && compatible(e.getValue().get(0), s.get(0))) {
                add(Pair.whole(e.getValue().get(0), s.get(0)));
            }
        }
        if (left.size() == unused.size()) {
            List<Series> rs = List.copyOf(left);
            List<Series> ss = List.copyOf(unused);
            for (int k = 0; k < rs.size(); k++) {
                if (compatible(rs.get(k), ss.get(k))) {
                    add(Pair.whole(rs.get(k), ss.get(k)));
                }
            }
        }
    }

    private static Map<List<String>, List<Series>> byNumbers(List<Series> series) {
        Map<List<String>, List<Series>> out = new LinkedHashMap<>();
        for (Series s : series) {
            out.computeIfAbsent(NaturalOrder.numbers(s.name()), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /** Two series with sweep numbers belong together only when the numbers are equal. */
    private static boolean compatible(Series r, Series s) {
        return r.sweepNumber() == null || s.sweepNumber() == null || Objects.equals(r.sweepNumber(), s.sweepNumber());
    }

    private void add(Pair p) {
        pairs.add(p);
        left.remove(p.response());
        unused.remove(p.stimulus());
    }

    private static List<Series> sorted(List<Series> series) {
        List<Series> out = new ArrayList<>(series);
        out.sort(Comparator.comparing(Series::name, NaturalOrder.INSTANCE));
        Set<Long> seen = new HashSet<>();
        out.removeIf(s -> !seen.add(s.address()));
        return out;
    }
}
