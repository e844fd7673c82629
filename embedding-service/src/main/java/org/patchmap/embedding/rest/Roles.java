package org.patchmap.embedding.rest;

/** The roles a bearer token carries in its {@code groups} claim (docs/security.md). */
final class Roles {
    /** An operator: polls, builds maps, admits uploads to the reference map. */
    static final String ADMIN = "admin";

    private Roles() {
    }
}
