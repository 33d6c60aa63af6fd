package org.dicommeta.ports;

import java.util.List;

/**
 * Finds and opens a backend from a URI. Registered in
 * {@code META-INF/services/org.dicommeta.ports.StoreProvider} and found through {@link java.util.ServiceLoader},
 * so it needs a public no-argument constructor.
 *
 * <p>Protocol: the library asks every provider {@link #accepts(String)} in turn and opens the store of
 * the first that says yes. {@code accepts} only looks at the URI's shape: it never connects and never
 * throws. {@link #open(StoreRequest)} may connect, migrate and lock; the caller then owns the store and
 * closes it. Implementations are stateless and thread-safe.
 */
public interface StoreProvider {

    /** A short name for messages ("filesystem", "jdbc", "mongo"). */
    String name();

    /** The URI prefixes this provider recognises, for the error that lists them ("file:", "jdbc:postgresql:"). */
    List<String> schemes();

    /** Whether this provider can open {@code uri}. Never throws; false for null. */
    boolean accepts(String uri);

    /**
     * Opens the store {@code request} names.
     *
     * @throws org.dicommeta.domain.BackendUnavailableException when the backend cannot be reached
     * @throws org.dicommeta.domain.BackendException when it can but opening fails (permission, schema, lock)
     * @throws IllegalArgumentException when an option is unknown or malformed
     */
    MetadataStore open(StoreRequest request);
}
