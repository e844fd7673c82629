package org.patchmap.deploy.infra;

/**
 * A user of the broker's SASL_PLAINTEXT listener, authenticated by SCRAM-SHA-512 and created when the log
 * directory is formatted (so it exists before the first client connects).
 *
 * @param name     the user name, e.g. "ingest-service"
 * @param password its password: letters, digits and {@code -_.} only (the format tool's syntax has no escapes)
 */
public record ScramUser(String name, String password) {
    public static final String MECHANISM = "SCRAM-SHA-512";

    public ScramUser {
        for (String value : new String[] {name, password}) {
            if (value == null || !value.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("a SCRAM user name or password must be letters, digits and -_. only");
            }
        }
    }
}
