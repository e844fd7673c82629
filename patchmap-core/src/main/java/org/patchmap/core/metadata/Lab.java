package org.patchmap.core.metadata;

import org.patchmap.core.dandi.Contributor;
import org.patchmap.events.AssetEvent;
import org.patchmap.events.MetadataEvent.SourcedTerm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lab that recorded a cell, as a label for grouping cells on the map.
 *
 * <p>From the file (source "nwb"): NWB's {@code /general/lab} and {@code /general/institution},
 * joined as "lab, institution" ("Skinner Lab, University of Toronto"), so that two labs named
 * alike at two institutions stay apart; the lab alone when no institution is stated or the lab
 * names it already. Confidence 1.0; an institution without a lab gives the institution at
 * {@value #INSTITUTION_ONLY} (it holds many labs; the Allen Institute's files state only it).
 * A converter's template text ("my lab name", "My University") is not a lab.
 *
 * <p>From the dandiset (source "dandiset"): a lab is named after its head, so the first person
 * who supervised the work, else led the project, else is the contact person
 * ({@link AssetEvent#LAB_ROLES}) names it: "Tolias lab" (family name, from "Tolias, Andreas
 * Savas" or "Taufik A Valiante"), with the person's first affiliation when stated ("Valiante lab,
 * Krembil Brain Institute, University Health Network"). A contact person is often a member who
 * looks after the data rather than the head: one with an affiliation gives the affiliation
 * ("Allen Institute for Brain Science"), one without it their name's lab, both at
 * {@value #CONTACT}; a supervisor or project leader {@value #HEAD}.
 */
public final class Lab {
    static final double INSTITUTION_ONLY = 0.8;
    static final double HEAD = 0.8;
    static final double CONTACT = 0.6;
    private static final String CONTACT_ROLE = "dcite:ContactPerson";

    private Lab() {
    }

    /** The lab the file states, if any. */
    public static Optional<SourcedTerm> ofFile(String lab, String institution) {
        Optional<String> l = stated(lab);
        Optional<String> i = stated(institution);
        if (l.isPresent()) {
            boolean named = i.isEmpty() || l.get().toLowerCase(Locale.ROOT).contains(i.get().toLowerCase(Locale.ROOT));
            return Optional.of(new SourcedTerm(named ? l.get() : l.get() + ", " + i.get(), null, "nwb", 1.0));
        }
        return i.map(inst -> new SourcedTerm(inst, null, "nwb", INSTITUTION_ONLY));
    }

    /** The lab the dandiset's contributors name, if any. */
    public static Optional<SourcedTerm> ofDandiset(List<Contributor> people) {
        for (String role : AssetEvent.LAB_ROLES) {
            for (Contributor p : people) {
                Optional<String> family = familyName(p.name());
                if (p.roles().contains(role) && family.isPresent()) {
                    Optional<String> affiliation = p.affiliations().stream().map(Lab::stated)
                            .flatMap(Optional::stream).findFirst();
                    if (role.equals(CONTACT_ROLE)) {
                        return Optional.of(new SourcedTerm(affiliation.orElse(family.get() + " lab"), null,
                                "dandiset", CONTACT));
                    }
                    String label = family.get() + " lab" + affiliation.map(a -> ", " + a).orElse("");
                    return Optional.of(new SourcedTerm(label, null, "dandiset", HEAD));
                }
            }
        }
        return Optional.empty();
    }

    /** "Tolias, Andreas Savas" → "Tolias"; "Taufik A Valiante" → "Valiante". */
    static Optional<String> familyName(String name) {
        return stated(name).map(n -> {
            int comma = n.indexOf(',');
            if (comma >= 0) {
                return n.substring(0, comma).strip();
            }
            String[] words = n.split("\\s+");
            return words[words.length - 1];
        }).filter(f -> f.codePoints().anyMatch(Character::isLetter));
    }

    /** The value, stripped; empty when blank or a converter's template text. */
    private static Optional<String> stated(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String v = s.strip();
        // NeuroConv's and pynwb's example metadata: "my lab name", "My University".
        return v.toLowerCase(Locale.ROOT).startsWith("my ") ? Optional.empty() : Optional.of(v);
    }
}
