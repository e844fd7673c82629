package org.patchmap.sim.file;

import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import org.patchmap.core.recording.SubjectInfo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The NWB building blocks the layouts share, over jhdf's writer: typed objects (neurodata_type,
 * namespace, and an object_id that is a name-based UUID of the file's identifier and the object's
 * path, so the same recording always gets the same ids), text fields (MIES writes every text
 * dataset as a one-element array, pynwb as a scalar), and groups reached by path.
 */
final class NwbFile {
    static final String CORE = "core";

    private final WritableGroup root;
    private final String identifier;
    private final boolean textAsArray;

    NwbFile(WritableGroup root, String identifier, boolean textAsArray) {
        this.root = root;
        this.identifier = identifier;
        this.textAsArray = textAsArray;
    }

    WritableGroup root() {
        return root;
    }

    /** The root as an NWBFile of {@code version} with the groups every NWB file has. */
    /**
     * The root's NWB attributes and the session text every layout writes: description, start,
     * timestamps reference and creation date (all the start: no clock is read).
     *
     * @return the root group
     */
    WritableGroup header(String version, String description, String startTime) {
        nwbFile(version);
        text(root, "session_description", description);
        text(root, "session_start_time", startTime);
        text(root, "timestamps_reference_time", startTime);
        textList(root, "file_create_date", startTime);
        return root;
    }

    void nwbFile(String version) {
        typed(root, "NWBFile", CORE);
        root.putAttribute("nwb_version", version);
        for (String path : new String[]{"acquisition", "analysis", "processing", "general", "stimulus/presentation",
                "stimulus/templates"}) {
            group(path);
        }
        text(root, "identifier", identifier);
    }

    <T extends WritableNode> T typed(T node, String type, String namespace) {
        node.putAttribute("namespace", namespace);
        node.putAttribute("neurodata_type", type);
        node.putAttribute("object_id", objectId(node.getPath()));
        return node;
    }

    /** A new group {@code name} in {@code parent} of neurodata_type {@code type}. */
    WritableGroup typedGroup(WritableGroup parent, String name, String type, String namespace) {
        return typed(parent.putGroup(name), type, namespace);
    }

    /** The group at {@code path} below the root ("general/intracellular_ephys"), made when missing. */
    WritableGroup group(String path) {
        WritableGroup g = root;
        for (String name : path.split("/")) {
            Node child = g.getChild(name);
            g = child instanceof WritableGroup existing ? existing : g.putGroup(name);
        }
        return g;
    }

    /** A text dataset, as this producer writes text; nothing (null) when {@code value} is null. */
    WritableNode text(WritableGroup g, String name, String value) {
        return value == null ? null : g.putDataset(name, textAsArray ? new String[]{value} : value);
    }

    /** A one-element text array whatever the producer (NWB's file_create_date is a list). */
    static void textList(WritableGroup g, String name, String value) {
        g.putDataset(name, new String[]{value});
    }

    /** /general/subject (core Subject) with the fields the recording states and a simulated note. */
    void subject(SubjectInfo s, String description) {
        WritableGroup subject = typedGroup(group("general"), "subject", "Subject", CORE);
        text(subject, "description", description);
        if (s != null) {
            text(subject, "subject_id", s.subjectId());
            text(subject, "species", s.species());
            text(subject, "age", s.age());
            text(subject, "sex", s.sex());
            text(subject, "genotype", s.genotype());
        }
    }

    /**
     * /general/lab and /general/institution when the recording states them (a simulated lab's name says it is
     * simulated).
     */
    void lab(SubjectInfo s) {
        if (s != null) {
            text(group("general"), "lab", s.lab());
            text(group("general"), "institution", s.institution());
        }
    }

    /** A device under /general/devices. */
    void device(String name, String description) {
        WritableGroup d = typedGroup(group("general/devices"), name, "Device", CORE);
        d.putAttribute("description", description);
    }

    /**
     * An IntracellularElectrode under /general/intracellular_ephys. Its {@code device} link is
     * not written: jhdf's writer has no links.
     */
    WritableGroup electrode(String name, String description) {
        WritableGroup e = typedGroup(group("general/intracellular_ephys"), name, "IntracellularElectrode", CORE);
        text(e, "description", description);
        return e;
    }

    /** The sampling rate and start of a series: starting_time (s) with its rate and unit attributes. */
    static void startingTime(WritableGroup series, double startS, Object rate, String unit) {
        WritableNode t = series.putDataset("starting_time", startS);
        t.putAttribute("rate", rate);
        t.putAttribute("unit", unit);
    }

    /** Deflate-compressed chunks of {@code chunk} elements (at most the dataset's length), optionally shuffled. */
    static DatasetCreationOptions deflate(int level, int chunk, int length, boolean shuffle) {
        DatasetCreationOptions.Builder b = DatasetCreationOptions.builder().chunkDimensions(Math.min(chunk, length));
        if (shuffle) {
            b.shuffle();
        }
        return b.deflate(level).build();
    }

    String objectId(String path) {
        return UUID.nameUUIDFromBytes((identifier + "\n" + path).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
