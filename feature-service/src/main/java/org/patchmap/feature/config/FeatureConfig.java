package org.patchmap.feature.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed view of the {@code patchmap.*} settings of application.properties. */
@ConfigMapping(prefix = "patchmap")
public interface FeatureConfig {
    Traces traces();

    interface Traces {
        /** GridFS bucket holding the families' traces. */
        @WithDefault("traces")
        String bucket();
    }
}
