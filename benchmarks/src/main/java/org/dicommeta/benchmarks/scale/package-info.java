/**
 * The URI-driven scale benchmark ({@link org.dicommeta.benchmarks.scale.ScaleBenchmark}): counts of every
 * scope at a million instances, and a MISSING generation run over a hundred thousand header-only sources
 * beside a render-only baseline, with the heap's high-water mark. It drives any backend the same way, from
 * its store URI, through the provider SPI and the agent (a driving adapter outside the hexagon's core).
 */
package org.dicommeta.benchmarks.scale;
