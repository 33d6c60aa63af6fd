package org.dicommeta.tck;

/**
 * Optional abilities of a backend. A kit test that needs one a store does not declare is skipped, with
 * the reason printed, never passed silently. Everything not listed here is mandatory.
 */
public enum StoreCapability {

    /**
     * Records larger than 16 MiB round-trip byte for byte. A MongoDB document is limited to 16 MiB
     * (BSON), so a backend storing records inline in documents may not declare this.
     */
    LARGE_RECORDS_OVER_16MB
}
