/**
 * Deterministic synthetic DICOM data for tests, demos and benchmarks: realistic CT and MR instances
 * (patient, study, series and image modules, nested sequences, person names in two character sets,
 * private elements, small pixel data) built on the codec's data model and written as Part 10 files.
 * It sits outside the hexagon proper: it depends only on dicom-codec and never on JUnit or AssertJ,
 * so the command line's {@code demo} and the benchmarks can ship it without test libraries.
 */
package org.dicommeta.tck.data;
