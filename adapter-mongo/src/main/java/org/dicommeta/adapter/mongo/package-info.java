/**
 * The MongoDB backend ({@code mongodb:} and {@code mongodb+srv:} URIs), an adapter of the hexagon: it
 * implements {@link org.dicommeta.ports.MetadataStore} with the MongoDB sync driver and translates the
 * driver's exceptions into the domain's. One document per instance keyed by SOP Instance UID
 * ({@code _id}), with each format's record embedded in it, so that a record and the flag the counts read
 * change in one atomic single-document write and no record can outlive its instance; records too large
 * for a document go to a chunk collection. Correctness never relies on multi-document transactions, so
 * the store works sharded on {@code _id}. Public: {@link org.dicommeta.adapter.mongo.MongoStoreProvider}
 * and {@link org.dicommeta.adapter.mongo.MongoStoreSettings}; the rest is internal.
 */
package org.dicommeta.adapter.mongo;
