/**
 * The published contract test kit: JUnit 5 interfaces ({@link org.dicommeta.tck.MetadataStoreContract} and
 * the per-area interfaces it is made of) whose default test methods check every behaviour of the agent
 * contract, through the agent ({@code MetadataAgents.of(store)}) and directly at the driven port
 * ({@link org.dicommeta.ports.MetadataStore}). An adapter runs the kit by implementing
 * {@link org.dicommeta.tck.StoreUnderTest#openEmptyStore()}; the in-memory
 * {@link org.dicommeta.tck.ReferenceMetadataStore} is the oracle the kit is verified against. It sits
 * outside the hexagon, as a test-time client of both ports and of the core.
 */
package org.dicommeta.tck;
