package org.patchmap.core;

/** The version stamped on every computed result, so that a number can be traced to its code. */
public final class CodeVersion {
    private CodeVersion() {
    }

    /** "patchmap-core 0.1.0-SNAPSHOT" from the jar manifest, or "patchmap-core dev" when run from classes. */
    public static String current() {
        String v = CodeVersion.class.getPackage().getImplementationVersion();
        return "patchmap-core " + (v == null ? "dev" : v);
    }
}
