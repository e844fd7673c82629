package org.patchmap.core.recording.nwb;

import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.patchmap.core.recording.SubjectInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Subject and session metadata as written in the file: /general/subject/{species, age, sex,
 * genotype, subject_id}, /session_start_time, /session_description, /general/{lab, institution};
 * the cell id is the {@code cell_id} of the electrode the sweeps were recorded with (NWB 2.6+; the electrode's
 * {@code description} describes the pipette, not the cell, so it is not used); the temperature is a
 * {@code temperature} field of /general, /general/intracellular_ephys, the electrode or a
 * /general/lab_meta_data group when one exists (MIES keeps it in its lab notebook, which is not read).
 * Anything missing is null. Metadata is best effort: a damaged field never costs the sweeps.
 */
final class NwbMetadata {
    private NwbMetadata() {
    }

    static SubjectInfo read(Group root, Series firstResponse) {
        Group general = safeGroup(root, "general");
        Group subject = safeGroup(general, "subject");
        Group icephys = safeGroup(general, "intracellular_ephys");
        Group electrode = electrode(icephys, firstResponse);
        return new SubjectInfo(field(subject, "species"), field(subject, "age"), field(subject, "sex"),
                field(subject, "genotype"), field(subject, "subject_id"), field(electrode, "cell_id"),
                temperature(general, icephys, electrode), field(root, "session_start_time"),
                field(root, "session_description"), field(general, "lab"), field(general, "institution"));
    }

    private static Group electrode(Group icephys, Series response) {
        try {
            if (response != null && Hdf.child(response.group(), "electrode") instanceof Group g) {
                return g;
            }
            List<Group> electrodes = new ArrayList<>();
            if (icephys != null) {
                for (Node n : Hdf.children(icephys)) {
                    Node r = Hdf.resolve(n);
                    if (r instanceof Group g && "IntracellularElectrode".equals(Hdf.attributeText(g, "neurodata_type"))) {
                        electrodes.add(g);
                    }
                }
            }
            return electrodes.size() == 1 ? electrodes.get(0) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String temperature(Group general, Group icephys, Group electrode) {
        List<Group> places = new ArrayList<>();
        for (Group g : new Group[]{general, icephys, electrode}) {
            if (g != null) {
                places.add(g);
            }
        }
        Group meta = safeGroup(general, "lab_meta_data");
        try {
            if (meta != null) {
                for (Node n : Hdf.children(meta)) {
                    if (Hdf.resolve(n) instanceof Group g) {
                        places.add(g);
                    }
                }
            }
        } catch (RuntimeException e) {
            // best effort
        }
        for (Group g : places) {
            String t = field(g, "temperature");
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static Group safeGroup(Group g, String name) {
        try {
            return Hdf.childGroup(g, name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String field(Group g, String name) {
        try {
            return Hdf.field(g, name);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
