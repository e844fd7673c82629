package org.patchmap.sim.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.patchmap.sim.Membrane;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DANDI metadata of a demo dandiset and of its assets, in dandi-schema's shapes (the fields
 * PatchMap and DANDI's own pages read), every text saying that the recordings are simulated. Each
 * asset also carries {@code simulated}: the model neuron's type, seed and parameters, the truth the
 * atlas is measured against.
 */
public final class DemoAssetMetadata {
    /** The model every demo cell is an instance of. */
    public static final String MODEL = "patchmap-sim single-compartment conductance-based neuron";
    /** The version every demo dandiset is published at. */
    public static final String VERSION = "0.261201.0000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoAssetMetadata() {
    }

    /** The version metadata ({@code GET /dandisets/{id}/versions/{version}/}) of {@code lab}'s dandiset. */
    public static ObjectNode dandiset(DemoLab lab, int cells, long bytes) {
        ObjectNode d = JSON.createObjectNode();
        d.put("schemaKey", "Dandiset");
        d.put("identifier", "DANDI:" + lab.dandisetId());
        d.put("id", "DANDI:" + lab.dandisetId() + "/" + VERSION);
        d.put("version", VERSION);
        d.put("name", lab.title() + " (simulated recordings, not real cells)");
        d.put("description", String.format(Locale.ROOT, "SIMULATED DATA, NOT REAL RECORDINGS. PatchMap's demo archive: "
                        + "whole-cell current-clamp recordings of model neurons (%s; cell types after Pospischil et al. "
                        + "2008) standing in for neurons of the %s of %s, recorded at %.0f °C and sampled at %.0f kHz "
                        + "with a long-square protocol (%.0f to %.0f pA in %.0f pA steps of %.1f s). Every file and every "
                        + "asset says it is simulated; each asset's 'simulated' field holds the model's type and parameters.",
                MODEL, lab.region(), commonName(lab.species()), lab.temperatureC(), lab.rateHz() / 1000,
                lab.protocol().firstPa(), lab.protocol().lastPa(), lab.protocol().stepPa(), lab.protocol().durationS()));
        ArrayNode keywords = d.putArray("keywords");
        List.of("simulated data", "patch clamp", "current clamp", lab.region(), "PatchMap demo").forEach(keywords::add);
        d.putArray("license").add("spdx:CC-BY-4.0");
        ObjectNode contributor = d.putArray("contributor").addObject();
        contributor.put("schemaKey", "Organization");
        contributor.put("name", "PatchMap simulator (simulated data)");
        contributor.putArray("roleName").add("dcite:Software");
        ObjectNode summary = d.putObject("assetsSummary");
        summary.put("schemaKey", "AssetsSummary");
        summary.put("numberOfFiles", cells);
        summary.put("numberOfBytes", bytes);
        summary.putArray("species").add(species(lab.species()).put("schemaKey", "SpeciesType"));
        summary.putArray("approach").addObject().put("name", "electrophysiological approach").put("schemaKey", "ApproachType");
        ArrayNode techniques = summary.putArray("measurementTechnique");
        techniques.addObject().put("name", "current clamp technique").put("schemaKey", "MeasurementTechniqueType");
        techniques.addObject().put("name", "patch clamp technique").put("schemaKey", "MeasurementTechniqueType");
        ArrayNode variables = summary.putArray("variableMeasured");
        variables.add("CurrentClampSeries");
        variables.add("CurrentClampStimulusSeries");
        return d;
    }

    /** What an asset's metadata adds to the archive's own fields (path, size, digest, URLs). */
    public static ObjectNode asset(DemoCell c) {
        ObjectNode a = JSON.createObjectNode();
        ObjectNode subject = a.putArray("wasAttributedTo").addObject();
        subject.put("schemaKey", "Participant");
        subject.put("identifier", c.subjectId());
        subject.set("species", species(c.lab().species()));
        subject.putObject("age").put("schemaKey", "PropertyValue").put("unitText", "ISO-8601 duration")
                .put("value", "P" + c.ageDays() + "D");
        subject.putObject("sex").put("schemaKey", "SexType")
                .put("name", c.female() ? "Female" : "Male")
                .put("identifier", c.female() ? "http://purl.obolibrary.org/obo/PATO_0000383"
                        : "http://purl.obolibrary.org/obo/PATO_0000384");
        subject.put("genotype", c.lab().genotype());
        a.putArray("approach").addObject().put("name", "electrophysiological approach").put("schemaKey", "ApproachType");
        a.putArray("measurementTechnique").addObject().put("name", "current clamp technique")
                .put("schemaKey", "MeasurementTechniqueType");
        ObjectNode session = a.putArray("wasGeneratedBy").addObject();
        session.put("schemaKey", "Session");
        session.put("name", c.cell().id());
        session.put("description", "simulated recording (not a real cell): "
                + c.cell().type().name().toLowerCase(Locale.ROOT) + " model neuron");
        ObjectNode simulated = a.putObject("simulated");
        simulated.put("type", c.cell().type().name().toLowerCase(Locale.ROOT));
        simulated.put("model", MODEL);
        simulated.put("seed", c.conditions().seed());
        ObjectNode parameters = simulated.putObject("parameters");
        parameters(c).forEach(parameters::put);
        return a;
    }

    /** The cell's drawn parameters and recording conditions, by name with unit. */
    public static Map<String, Double> parameters(DemoCell c) {
        Membrane m = c.cell().membrane();
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("diameter_um", m.diameterUm());
        p.put("capacitance_uF_cm2", m.capacitanceUfCm2());
        p.put("gLeak_mS_cm2", m.gLeak());
        p.put("eLeak_mV", m.eLeak());
        p.put("gNa_mS_cm2", m.gNa());
        p.put("gKd_mS_cm2", m.gKd());
        p.put("vT_mV", m.vT());
        p.put("gKv3_mS_cm2", m.gKv3());
        p.put("gA_mS_cm2", m.gA());
        p.put("gM_mS_cm2", m.gM());
        p.put("tauMaxM_ms", m.tauMaxMMs());
        p.put("gH_mS_cm2", m.gH());
        p.put("gT_mS_cm2", m.gT());
        p.put("vX_mV", m.vX());
        p.put("gL_mS_cm2", m.gL());
        p.put("temperature_C", c.conditions().temperatureC());
        p.put("samplingRate_Hz", c.conditions().samplingRateHz());
        p.put("noise_mV", c.conditions().rig().noiseMv());
        p.put("pinkNoise_mV", c.conditions().rig().pinkNoiseMv());
        p.put("seriesResistance_MOhm", c.conditions().rig().electrode().seriesResistanceMohm());
        p.put("bridgeBalance", c.conditions().rig().electrode().bridgeBalance());
        return p;
    }

    private static ObjectNode species(Species s) {
        return JSON.createObjectNode().put("name", s.name()).put("identifier", s.taxonUri());
    }

    private static String commonName(Species s) {
        String name = s.name();
        int dash = name.indexOf(" - ");
        return dash < 0 ? name : name.substring(dash + 3).toLowerCase(Locale.ROOT);
    }
}
