package org.dicommeta.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.StoreProvider;
import org.dicommeta.ports.StoreRequest;

/** Registered for the tests in META-INF/services: opens a {@link FakeStore} for {@code fake:} URIs. */
public final class FakeStoreProvider implements StoreProvider {

    /** Every store opened, by the URI's path, with the options it was opened with. */
    static final Map<String, FakeStore> OPENED = new ConcurrentHashMap<>();
    static final Map<String, Map<String, String>> OPTIONS = new ConcurrentHashMap<>();

    public FakeStoreProvider() {
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public List<String> schemes() {
        return List.of("fake:");
    }

    @Override
    public boolean accepts(String uri) {
        return uri != null && uri.startsWith("fake:");
    }

    @Override
    public MetadataStore open(StoreRequest request) {
        StoreRequest.Split split = request.split();
        FakeStore store = new FakeStore();
        OPENED.put(split.driverUri(), store);
        OPTIONS.put(split.driverUri(), split.libraryOptions());
        return store;
    }
}
