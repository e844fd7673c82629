package org.patchmap.core.dandi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A person among a dandiset's {@code contributor} entries (dandi-schema's {@code Person}).
 *
 * @param name         as written, usually "Family, Given" ("Tolias, Andreas Savas"), sometimes "Given Family"
 * @param roles        the {@code roleName} values, e.g. "dcite:ContactPerson", "dcite:Supervision"
 * @param affiliations the names of the person's affiliations, e.g. "Allen Institute for Brain Science"
 */
public record Contributor(String name, List<String> roles, List<String> affiliations) {
    public Contributor {
        roles = List.copyOf(roles);
        affiliations = List.copyOf(affiliations);
    }

    /** The persons of a version's {@code contributor} list (organisations left out), in its order. */
    static List<Contributor> people(JsonNode version) {
        List<Contributor> out = new ArrayList<>();
        JsonNode list = version == null ? null : version.get("contributor");
        if (list == null || !list.isArray()) {
            return out;
        }
        for (JsonNode c : list) {
            String name = Json.text(c, "name");
            // The summary collection's entries and the API's both say schemaKey "Person" for a person.
            if ("Person".equals(Json.text(c, "schemaKey")) && name != null && !name.isBlank()) {
                out.add(new Contributor(name.strip(), Json.strings(c, "roleName"),
                        Json.strings(c, "affiliation", "name")));
            }
        }
        return out;
    }
}
