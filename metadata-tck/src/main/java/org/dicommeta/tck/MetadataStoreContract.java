package org.dicommeta.tck;

/**
 * The whole contract test kit: every behaviour of the agent contract (docs: agent-contract.md), on one
 * backend. An adapter runs it with a test class of about ten lines:
 *
 * <pre>{@code
 * class FileStoreContractIT implements MetadataStoreContract {
 *     private static final AtomicInteger STORES = new AtomicInteger();
 *     @TempDir Path dir;
 *
 *     @Override
 *     public MetadataStore openEmptyStore() {
 *         String uri = "file:" + dir.resolve("store-" + STORES.incrementAndGet()).toAbsolutePath();
 *         return StoreProviders.find(uri, StoreProviders.installed(getClass().getClassLoader()))
 *                 .open(StoreRequest.of(uri));
 *     }
 *
 *     @Override
 *     public Set<StoreCapability> capabilities() {
 *         return Set.of(StoreCapability.LARGE_RECORDS_OVER_16MB);
 *     }
 * }
 * }</pre>
 *
 * <p>Each area is its own interface, so an adapter can also run one area while it is being written:
 * {@link InstanceContract} (store instance), {@link RecordContract} (store metadata, exists, get,
 * provenance), {@link CountContract} (scopes and the count invariant), {@link DeleteContract},
 * {@link GenerationContract} (bulk generation), {@link FlagContract}, {@link ErrorContract} and
 * {@link PortContract} (the SPI's own protocol). Optional abilities are declared with
 * {@link StoreUnderTest#capabilities()}; tests that need a missing one are skipped with the reason.
 *
 * <p>The kit drives the store through {@code MetadataAgents.of(store)} and, for port-level checks,
 * directly. It uses small data (at most a few hundred synthetic instances per test), so the whole kit runs
 * on one backend in well under a minute.
 *
 * <p>Not checked here, because no backend-neutral test can do it: recovery after a crash of the process
 * (the file backend's own tests kill a writer), memory bounded by the selection size (the scale benchmark),
 * a second process opening the same store (adapter tests), and password masking of provider URIs
 * (provider tests).
 */
public interface MetadataStoreContract extends InstanceContract, RecordContract, CountContract, DeleteContract,
        GenerationContract, FlagContract, ErrorContract, PortContract {
}
