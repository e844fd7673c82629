package org.patchmap.sim.demo;

/**
 * A species as DANDI's asset metadata names it: the dandi-schema label and the NCBI Taxonomy URI.
 *
 * @param name     e.g. "Mus musculus - House mouse"
 * @param taxonUri e.g. "http://purl.obolibrary.org/obo/NCBITaxon_10090"
 */
public record Species(String name, String taxonUri) {
    public static final Species MOUSE = new Species("Mus musculus - House mouse",
            "http://purl.obolibrary.org/obo/NCBITaxon_10090");
    public static final Species RAT = new Species("Rattus norvegicus - Norway rat",
            "http://purl.obolibrary.org/obo/NCBITaxon_10116");
    public static final Species HUMAN = new Species("Homo sapiens - Human",
            "http://purl.obolibrary.org/obo/NCBITaxon_9606");
    public static final Species MACAQUE = new Species("Macaca mulatta - Rhesus monkey",
            "http://purl.obolibrary.org/obo/NCBITaxon_9544");
}
