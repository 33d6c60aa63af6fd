package org.dicommeta.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.StoreProvider;
import org.dicommeta.ports.StoreProviders;
import org.dicommeta.ports.StoreRequest;

/**
 * Creates metadata agents: from a store URI, through the backends installed on the class path, or over a
 * store the caller already holds.
 *
 * <pre>{@code
 * try (MetadataAgent agent = MetadataAgents.open("file:./metadata-store")) {
 *     agent.store(Path.of("ct-0001.dcm"), StoreOptions.withMetadata(MetadataOptions.defaults()));
 *     long missing = agent.json().count(MetadataScope.MISSING);
 * }
 * }</pre>
 */
public final class MetadataAgents {

    private MetadataAgents() {
    }

    /**
     * Opens the store {@code uri} names; see {@link #open(String, Map)}.
     */
    public static MetadataAgent open(String uri) {
        return open(uri, Map.of());
    }

    /**
     * Opens the store {@code uri} names with the first installed backend that accepts it, and returns an
     * agent over it. The agent owns that store: closing the agent closes it.
     *
     * <p>Backends are found with {@link java.util.ServiceLoader} through the thread's context class
     * loader, then through this class's loader (for backends only it can see).
     *
     * @param uri     a store URI ({@code file:/data/meta}, {@code jdbc:postgresql://...},
     *                {@code mongodb://...}); library options may ride in its query prefixed {@code dicommeta.}
     * @param options library options (without the prefix); they win over those in the URI
     * @throws org.dicommeta.domain.UnsupportedStoreUriException when no backend accepts the URI; the message
     *         masks any password and lists the available schemes
     * @throws org.dicommeta.domain.BackendUnavailableException when the backend cannot be reached
     * @throws org.dicommeta.domain.BackendException when it can but opening fails
     */
    public static MetadataAgent open(String uri, Map<String, String> options) {
        Objects.requireNonNull(uri, "uri");
        StoreProvider provider = StoreProviders.find(uri, providers());
        MetadataStore store = provider.open(new StoreRequest(uri, options));
        return new DefaultMetadataAgent(store, true);
    }

    /**
     * An agent over a store the caller opened. The caller keeps ownership: closing the agent cancels
     * and awaits its generation runs but leaves the store open.
     */
    public static MetadataAgent of(MetadataStore store) {
        return new DefaultMetadataAgent(Objects.requireNonNull(store, "store"), false);
    }

    /** The providers of the context class loader, then those only this class's loader can see. */
    static List<StoreProvider> providers() {
        List<StoreProvider> out = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            out.addAll(StoreProviders.installed(context));
        }
        ClassLoader own = MetadataAgents.class.getClassLoader();
        if (own != context) {
            for (StoreProvider p : StoreProviders.installed(own)) {
                if (out.stream().noneMatch(q -> q.getClass().getName().equals(p.getClass().getName()))) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
