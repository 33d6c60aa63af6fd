/**
 * Benchmarks of the DICOM codec: the JMH benchmark of header-only parse + render of a realistic CT
 * instance, and the one-JVM corpus converter that the side-by-side comparison with pydicom
 * (benchmarks/codec-vs-pydicom) runs. Outside the hexagon: they drive dicom-codec directly.
 */
package org.dicommeta.benchmarks.codec;
