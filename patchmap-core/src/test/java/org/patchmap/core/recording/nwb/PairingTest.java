package org.patchmap.core.recording.nwb;

import io.jhdf.HdfFile;
import org.junit.jupiter.api.Test;
import org.patchmap.testing.SharedData;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pairing's stages on series stubs (no file needed), and the icephys table of 99111002.nwb. */
class PairingTest {
    private static long next = 1000;

    private static Series response(String name, Integer sweep) {
        return new Series(name, Series.CURRENT_CLAMP, null, next++, sweep);
    }

    private static Series stimulus(String name, Integer sweep) {
        return new Series(name, Series.CURRENT_CLAMP_STIMULUS, null, next++, sweep);
    }

    private static List<String> pairs(Pairing.Result r) {
        List<String> out = new ArrayList<>();
        for (Pairing.Pair p : r.pairs()) {
            out.add(p.name() + "=" + p.stimulus().name()
                    + (p.responseCount() < 0 ? "" : "[" + p.responseStart() + "+" + p.responseCount() + "]"));
        }
        out.sort(String::compareTo);
        return out;
    }

    private static IcephysTable.Row row(Series r, Series s) {
        return new IcephysTable.Row(r.address(), 0, -1, s.address(), 0, -1);
    }

    @Test
    void sweepNumbersFirst() throws Exception {
        Series r1 = response("r_1", 7);
        Series r2 = response("r_2", 3);
        Series s1 = stimulus("s_1", 3);
        Series s2 = stimulus("s_2", 7);
        // the table and the names would both say r_1=s_1: sweep numbers win
        Pairing.Result p = Pairing.pair(List.of(r1, r2), List.of(s1, s2), () -> List.of(row(r1, s1), row(r2, s2)));
        assertEquals(List.of("r_1=s_2", "r_2=s_1"), pairs(p));
        assertEquals(List.of(), p.unpaired());
    }

    @Test
    void tableBeforeNames() throws Exception {
        Series r1 = response("cc_1", null);
        Series r2 = response("cc_2", null);
        Series s1 = stimulus("st_1", null);
        Series s2 = stimulus("st_2", null);
        Pairing.Result p = Pairing.pair(List.of(r1, r2), List.of(s1, s2), () -> List.of(row(r1, s2), row(r2, s1)));
        assertEquals(List.of("cc_1=st_2", "cc_2=st_1"), pairs(p));
    }

    @Test
    void tableSlicesAndSeveralRowsPerResponse() throws Exception {
        Series r = response("gapfree", null);
        Series s = stimulus("command", null);
        Pairing.Result p = Pairing.pair(List.of(r), List.of(s), () -> List.of(
                new IcephysTable.Row(r.address(), 0, 500, s.address(), 0, 500),
                new IcephysTable.Row(r.address(), 500, 500, s.address(), 500, 500)));
        assertEquals(List.of("gapfree [0, 500)=command[0+500]", "gapfree [500, 1000)=command[500+500]"), pairs(p));
    }

    @Test
    void missingStimulusInTheTableFallsBackToNames() throws Exception {
        Series r = response("cc_1", null);
        Series s = stimulus("st_1", null);
        Pairing.Result p = Pairing.pair(List.of(r), List.of(s),
                () -> List.of(new IcephysTable.Row(r.address(), 0, -1, s.address(), -1, -1)));
        assertEquals(List.of("cc_1=st_1"), pairs(p));
    }

    @Test
    void namesByNumbersThenNaturalRank() throws Exception {
        List<Series> rs = List.of(response("CurrentClampSeries_10", null), response("CurrentClampSeries_2", null),
                response("CurrentClampSeries_1", null));
        List<Series> ss = List.of(stimulus("CurrentClampStimulusSeries_1", null),
                stimulus("CurrentClampStimulusSeries_10", null), stimulus("CurrentClampStimulusSeries_2", null));
        assertEquals(List.of("CurrentClampSeries_10=CurrentClampStimulusSeries_10",
                "CurrentClampSeries_1=CurrentClampStimulusSeries_1", "CurrentClampSeries_2=CurrentClampStimulusSeries_2"),
                pairs(Pairing.pair(rs, ss, List::of)));
        // no numbers in common: rank in natural order (a_2 first), not in alphabetical order (a_10 first)
        assertEquals(List.of("a_10=b_6", "a_2=b_5"), pairs(Pairing.pair(List.of(response("a_10", null),
                response("a_2", null)), List.of(stimulus("b_6", null), stimulus("b_5", null)), List::of)));
    }

    @Test
    void differentSweepNumbersNeverPair() throws Exception {
        Series r = response("data_00005_AD0", 5);
        Series s = stimulus("data_00006_DA0", 6);
        Pairing.Result p = Pairing.pair(List.of(r), List.of(s), () -> List.of(row(r, s)));
        assertEquals(List.of(), p.pairs());
        assertEquals(List.of(r), p.unpaired());
    }

    @Test
    void unequalCountsLeaveTheRestUnpaired() throws Exception {
        Series r1 = response("vm_a", null);
        Series r2 = response("vm_b", null);
        Pairing.Result p = Pairing.pair(List.of(r1, r2), List.of(stimulus("cmd", null)), List::of);
        assertEquals(List.of(), p.pairs(), "1 stimulus for 2 unrelated responses: no guess");
        assertEquals(2, p.unpaired().size());
    }

    @Test
    void naturalOrder() {
        List<String> names = new ArrayList<>(List.of("CurrentClampSeries_10", "CurrentClampSeries_2",
                "CurrentClampSeries_1", "CurrentClampSeries_02", "a", "CurrentClampSeries_1b"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("CurrentClampSeries_1", "CurrentClampSeries_1b", "CurrentClampSeries_2",
                "CurrentClampSeries_02", "CurrentClampSeries_10", "a"), names);
        assertEquals(List.of("17", "0"), NaturalOrder.numbers("data_00017_AD0"));
    }

    /** 99111002.nwb's IntracellularRecordingsTable: 16 rows, each ic__Step__k with ics__Step__k, whole series. */
    @Test
    void icephysTableOf99111002() throws Exception {
        java.nio.file.Path file = SharedData.cell("99111002.nwb");
        new ReadContext(java.nio.file.Files.size(file),
                org.patchmap.core.recording.ReadBudget.start(org.patchmap.core.recording.ReadLimits.defaults())).enter();
        try (HdfFile h = new HdfFile(file)) {
            List<IcephysTable.Row> rows = IcephysTable.read(h);
            assertEquals(16, rows.size());
            List<Series> responses = SeriesFinder.find(Hdf.childGroup(h, "acquisition"));
            List<Series> stimuli = SeriesFinder.find(Hdf.childGroup(Hdf.childGroup(h, "stimulus"), "presentation"));
            for (IcephysTable.Row row : rows) {
                Series r = responses.stream().filter(s -> s.address() == row.response()).findFirst().orElseThrow();
                Series s = stimuli.stream().filter(x -> x.address() == row.stimulus()).findFirst().orElseThrow();
                assertEquals(r.name().replace("ic__", "ics__"), s.name());
                assertEquals(0, row.responseStart());
                assertEquals(7168, row.responseCount());
                assertEquals(7168, row.stimulusCount());
            }
            // and the reader pairs through it: no sweep numbers, and the stage after it is not needed
            Pairing.Result p = Pairing.pair(responses, stimuli, () -> rows);
            assertEquals(16, p.pairs().size());
            for (Pairing.Pair pair : p.pairs()) {
                assertEquals(7168, pair.responseCount(), "the counts come from the table");
            }
        } finally {
            ReadContext.leave();
        }
    }
}
