/**
 * The one implementation of the metadata agent, sitting between the driving port
 * ({@link org.dicommeta.domain.MetadataAgent}) and the driven ports ({@link org.dicommeta.ports.MetadataStore}):
 * it reads Part 10 sources with dicom-codec, renders DICOM JSON (PS3.18 Annex F) and the Native DICOM
 * Model (PS3.19 Annex A.1), records provenance, validates every UID before it reaches a store, and runs
 * the bulk generation engine (snapshot to a spill file, bounded queue, parallel workers, one coordinator
 * that batches writes and delivers events in order). Public: {@link org.dicommeta.core.MetadataAgents}
 * (the entry point) and {@link org.dicommeta.core.MetadataRendering} (rendering without a store, as the
 * agent renders); core never depends on an adapter, which it finds through {@link java.util.ServiceLoader}.
 */
package org.dicommeta.core;
