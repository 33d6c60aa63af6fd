package org.dicommeta.tck;

import java.util.EnumSet;
import java.util.Set;
import org.dicommeta.ports.MetadataStore;
import org.junit.jupiter.api.DisplayName;

/** The kit verified against its own oracle, the in-memory reference store. */
@DisplayName("contract kit on the in-memory reference store")
class ReferenceStoreContractTest implements MetadataStoreContract {

    @Override
    public MetadataStore openEmptyStore() {
        return new ReferenceMetadataStore();
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return EnumSet.allOf(StoreCapability.class);
    }
}
