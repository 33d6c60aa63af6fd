package org.dicommeta.ports;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.dicommeta.domain.UnsupportedStoreUriException;

/** Looks providers up through {@link ServiceLoader}. */
public final class StoreProviders {

    private StoreProviders() {
    }

    /** Every provider on the class path of {@code loader}, in discovery order. */
    public static List<StoreProvider> installed(ClassLoader loader) {
        List<StoreProvider> out = new ArrayList<>();
        ServiceLoader.load(StoreProvider.class, loader).forEach(out::add);
        return out;
    }

    /**
     * The first provider that accepts {@code uri}.
     *
     * @throws UnsupportedStoreUriException naming the masked URI and every available scheme
     */
    public static StoreProvider find(String uri, List<StoreProvider> providers) {
        for (StoreProvider p : providers) {
            boolean yes;
            try {
                yes = p.accepts(uri);
            } catch (RuntimeException e) {
                // The SPI says accepts never throws; a provider that does is treated as a "no".
                yes = false;
            }
            if (yes) {
                return p;
            }
        }
        String schemes = providers.stream()
                .map(p -> String.join(", ", p.schemes()) + " (" + p.name() + ")")
                .collect(Collectors.joining("; "));
        throw new UnsupportedStoreUriException(uri, schemes.isEmpty() ? "none installed" : schemes);
    }
}
