package org.dicommeta.it.mongo;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dicommeta.adapter.mongo.MongoStoreProvider;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.StoreRequest;
import org.dicommeta.tck.MetadataStoreContract;
import org.dicommeta.tck.StoreCapability;
import org.junit.jupiter.api.BeforeAll;

/** The whole contract kit on MongoDB; each test gets its own collection prefix. */
class MongoStoreContractIT implements MetadataStoreContract {

    @BeforeAll
    static void announce() {
        System.out.println("[dicom-metadata IT] MongoStoreContractIT uses " + MongoTestServer.describe());
    }

    @Override
    public MetadataStore openEmptyStore() {
        String prefix = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
        return new MongoStoreProvider().open(new StoreRequest(MongoTestServer.uri(), Map.of("prefix", prefix)));
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return Set.of(StoreCapability.LARGE_RECORDS_OVER_16MB);
    }
}
