package org.patchmap.events;

/**
 * Kafka topic names shared by every service. Each consuming service writes what it could not
 * process to {@code <topic>.dlq}; the dead letter names the service, so two consumers of one
 * topic can share its dead-letter topic.
 */
public final class Topics {
    /** A file to process: {@link AssetEvent}, keyed by its cell key. */
    public static final String ASSETS = "patchmap.assets";
    /** The long-square family of one cell: {@link SweepFamilyEvent}, keyed by cell id. */
    public static final String SWEEPS = "patchmap.sweeps";
    /** The features of one cell: {@link FeaturesEvent}, keyed by cell id. */
    public static final String FEATURES = "patchmap.features";
    /** Species, region, age, sex, temperature of one cell: {@link MetadataEvent}, keyed by cell id. */
    public static final String METADATA = "patchmap.metadata";
    /** A new map version or a cell placed on the current one: {@link MapEvent}. */
    public static final String MAPS = "patchmap.maps";
    /** An uploaded file whose cells' data expired: {@link UploadExpiredEvent}, keyed by its file key. */
    public static final String UPLOADS_EXPIRED = "patchmap.uploads.expired";

    private Topics() {
    }

    /** The dead-letter topic of a consumed topic. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
