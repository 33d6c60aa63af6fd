/**
 * JMH benchmarks of the generation engine (metadata-core) driven through the agent contract over a
 * real backend, the file store: what a user of {@code dicom-metadata generate} gets, from the selection
 * snapshot through loading, rendering and batched writes. Not run by {@code mvn verify}; run the
 * executable jar (see {@link org.dicommeta.benchmarks.engine.GenerationEngineBenchmark}).
 */
package org.dicommeta.benchmarks.engine;
