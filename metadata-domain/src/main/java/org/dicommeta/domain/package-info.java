/**
 * The metadata agent's contract: the driving port of the hexagon. It names what a caller can ask of
 * the library (store instances, store and read metadata records per {@link MetadataFormat}, count by
 * {@link MetadataScope}, generate in bulk with progress and cancellation) and the vocabulary of those
 * requests: formats, flags, options, events, results and the exception tree. The package is pure:
 * it depends on the JDK and on dicom-codec's data model only, and does no I/O; the one
 * implementation lives in metadata-core, the storage behind it in the adapters.
 */
package org.dicommeta.domain;
