/**
 * The file-system backend, a driven adapter of the hexagon: it implements
 * {@link org.dicommeta.ports.MetadataStore} over a directory tree and is found from {@code file:} URIs
 * through {@link org.dicommeta.adapter.filesystem.FileStoreProvider}. Every write goes to a temporary
 * file that is forced to disk and atomically renamed, so no reader ever sees part of a record; one
 * exclusive lock file keeps a second process out; an in-memory sorted index, built by one scan at open
 * and updated under the same per-UID lock as the files, answers counts in O(1) and keyset pages in
 * O(log n + page). Only the provider and {@link org.dicommeta.adapter.filesystem.FileStoreSettings} are
 * public; the layout, the cost model and every option are described in the module's README.md.
 */
package org.dicommeta.adapter.filesystem;
