package org.dicommeta.it.filesystem;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.StoreProviders;
import org.dicommeta.ports.StoreRequest;
import org.dicommeta.tck.MetadataStoreContract;
import org.dicommeta.tck.StoreCapability;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole contract kit on the file backend, opened the way users open it: a {@code file:} URI
 * resolved through {@link java.util.ServiceLoader}. Each store is a fresh directory.
 */
@DisplayName("contract kit on the file backend")
class FileStoreContractIT implements MetadataStoreContract {

    private static final AtomicInteger STORES = new AtomicInteger();

    @TempDir
    Path dir;

    @Override
    public MetadataStore openEmptyStore() {
        String uri = "file:" + dir.resolve("store-" + STORES.incrementAndGet()).toAbsolutePath();
        return StoreProviders.find(uri, StoreProviders.installed(getClass().getClassLoader()))
                .open(StoreRequest.of(uri));
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return Set.of(StoreCapability.LARGE_RECORDS_OVER_16MB);
    }
}
