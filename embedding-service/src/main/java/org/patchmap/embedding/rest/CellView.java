package org.patchmap.embedding.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.patchmap.embedding.atlas.AtlasCell;
import org.patchmap.embedding.atlas.DandiLinks;
import org.patchmap.events.FeaturesEvent;
import org.patchmap.events.MetadataEvent;
import org.patchmap.events.Provenance;
import org.patchmap.events.SimulatedOrigin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/cells/{id}}: a cell's features and metadata as their events state them (a value nobody stated
 * is absent, not null), its DANDI links and where it is on the current map.
 */
@Schema(description = "A cell: features with units and QC reasons, metadata with sources, provenance, DANDI links "
        + "and its place on the current map; parts not known yet are absent")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellView(@Schema(description = "cell id") String cellId,
                       @Schema(description = "where the file comes from (from the features)") ProvenanceView provenance,
                       @Schema(description = "digest of the sweeps the features were computed from") String inputDigest,
                       @Schema(description = "ipfx feature name to value and unit") Map<String, Feature> features,
                       @Schema(description = "feature name to the reason it is missing or out of range")
                       Map<String, String> qc,
                       @Schema(description = "the code that computed the features") String codeVersion,
                       @Schema(description = "the file's metadata") Metadata metadata,
                       @Schema(description = "DANDI links pinned to the dandiset version") Links links,
                       @Schema(description = "where the cell is on the current map") CellMapView map) {

    static CellView of(AtlasCell a) {
        FeaturesEvent f = a.cell().features();
        Map<String, Feature> features = null;
        if (f != null) {
            features = new LinkedHashMap<>();
            for (Map.Entry<String, FeaturesEvent.FeatureValue> e : f.features().entrySet()) {
                features.put(e.getKey(), new Feature(e.getValue().value(), e.getValue().unit()));
            }
        }
        return new CellView(a.cell().cellId(), f == null ? null : ProvenanceView.of(f.provenance()),
                f == null ? null : f.inputDigest(), features, f == null ? null : f.qc(),
                f == null ? null : f.codeVersion(), Metadata.of(a.cell().metadata()), Links.of(a.links()),
                a.onMap() == null ? null : CellMapView.of(a.onMap()));
    }

    @Schema(description = "A feature value")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Feature(@Schema(description = "the number; absent when it could not be computed (see qc)")
                          Double value,
                          @Schema(description = "its unit") String unit) {
    }

    @Schema(description = "Where a file comes from; for uploads only source and path")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProvenanceView(@Schema(description = "dandi or upload") String source,
                                 @Schema(description = "six-digit DANDI identifier") String dandisetId,
                                 @Schema(description = "dandiset version") String version,
                                 @Schema(description = "DANDI asset UUID") String assetId,
                                 @Schema(description = "asset path, or the uploaded file name") String path,
                                 @Schema(description = "the dandiset version on dandiarchive.org") String dandisetUrl) {
        static ProvenanceView of(Provenance p) {
            return new ProvenanceView(p.source(), p.dandisetId(), p.version(), p.assetId(), p.path(),
                    p.dandisetUrl());
        }
    }

    @Schema(description = "What is known of the file's animal and recording, each value with its source; a value "
            + "nobody stated is absent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(@Schema(description = "the file key the metadata belongs to") String cellId,
                           @Schema(description = "where the file comes from") ProvenanceView provenance,
                           @Schema(description = "species with its NCBI Taxonomy id") Term species,
                           @Schema(description = "brain region with its UBERON or Allen atlas id") Term brainRegion,
                           @Schema(description = "age in days") Quantity ageDays,
                           @Schema(description = "male, female or unknown") Term sex,
                           @Schema(description = "genotype or strain as stated") Term genotype,
                           @Schema(description = "recording temperature, °C") Quantity temperatureC,
                           @Schema(description = "version of the region vocabulary") String vocabularyVersion,
                           @Schema(description = "when it was extracted") Instant extractedAt,
                           @Schema(description = "a simulated cell's truth; absent for a real cell")
                           Simulated simulated,
                           @Schema(description = "the lab that recorded the cell: the file's lab and institution "
                                   + "(source nwb), else the one its dandiset's contributors name (source dandiset)")
                           Term lab) {
        static Metadata of(MetadataEvent m) {
            return m == null ? null : new Metadata(m.cellId(), ProvenanceView.of(m.provenance()), Term.of(m.species()),
                    Term.of(m.brainRegion()), Quantity.of(m.ageDays()), Term.of(m.sex()), Term.of(m.genotype()),
                    Quantity.of(m.temperatureC()), m.vocabularyVersion(), m.extractedAt(), Simulated.of(m.simulated()),
                    Term.of(m.lab()));
        }
    }

    @Schema(description = "A simulated cell's truth, as the archive that serves it states it: the model type it was "
            + "drawn from, the model, the seed and the parameters")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Simulated(@Schema(description = "model type, lowercase words with underscores, e.g. fast_spiking")
                            String type,
                            @Schema(description = "the simulator and model; absent when not stated") String model,
                            @Schema(description = "the seed the cell was drawn with; absent when not stated") Long seed,
                            @Schema(description = "parameter name (unit in the name) to its value, in name order")
                            Map<String, Double> parameters) {
        static Simulated of(SimulatedOrigin s) {
            return s == null ? null : new Simulated(s.type(), s.model(), s.seed(), s.parameters());
        }
    }

    @Schema(description = "A categorical value with its source")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Term(@Schema(description = "the value") String label,
                       @Schema(description = "ontology id, absent when there is none") String termId,
                       @Schema(description = "asset, nwb, dandiset, text, embedding or model") String source,
                       @Schema(description = "0..1") double confidence) {
        static Term of(MetadataEvent.SourcedTerm t) {
            return t == null ? null : new Term(t.label(), t.termId(), t.source(), t.confidence());
        }
    }

    @Schema(description = "A numeric value with its source")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quantity(@Schema(description = "the number, in the unit the field names") double value,
                           @Schema(description = "the text it was read from") String text,
                           @Schema(description = "asset, nwb, dandiset, text, embedding or model") String source,
                           @Schema(description = "0..1") double confidence) {
        static Quantity of(MetadataEvent.SourcedQuantity q) {
            return q == null ? null : new Quantity(q.value(), q.text(), q.source(), q.confidence());
        }
    }

    @Schema(description = "Links of a DANDI file, pinned to its dandiset version")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Links(@Schema(description = "the dandiset version on dandiarchive.org") String dandiset,
                        @Schema(description = "the asset in the DANDI API") String asset,
                        @Schema(description = "the file") String download) {
        static Links of(DandiLinks l) {
            return l == null ? null : new Links(l.dandiset(), l.asset(), l.download());
        }
    }
}
