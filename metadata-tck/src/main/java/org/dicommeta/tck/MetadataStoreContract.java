package org.dicommeta.tck;

/**
 * The whole contract test kit: every behaviour of the agent contract (docs: agent-contract.md), on one
 * backend. An adapter runs it with a test class of about ten lines:
 *
 * <pre>{@code
 * class FileStoreContractTest implements MetadataStoreContract {
 *     @TempDir Path dir;
 *     private int n;
 *
 *     @Override
 *     public MetadataStore openEmptyStore() {
 *         return StoreProviders.find("file:" + dir, providers).open(StoreRequest.of("file:" + dir.resolve("s" + n++)));
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
 */
public interface MetadataStoreContract extends InstanceContract, RecordContract, CountContract, DeleteContract,
        GenerationContract, FlagContract, ErrorContract, PortContract {
}
