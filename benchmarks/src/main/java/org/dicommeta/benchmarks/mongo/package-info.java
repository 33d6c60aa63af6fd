/**
 * Benchmark support for the MongoDB backend where no MongoDB server can be had: a launcher for the
 * in-process wire-protocol server {@code de.bwaldvogel:mongo-java-server}, so the URI-driven scale
 * benchmark ({@link org.dicommeta.benchmarks.scale.ScaleBenchmark}) can run against it from another JVM.
 * Numbers measured this way describe that imitation server, not MongoDB.
 */
package org.dicommeta.benchmarks.mongo;
