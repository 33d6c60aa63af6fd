/**
 * The command line end to end: {@code dicom-metadata} run in process through its picocli entry point
 * and, for Ctrl-C, as the shaded jar in a child JVM, over the file backend. It drives the whole
 * hexagon from the outside (CLI adapter, agent, engine, file store, codec) and checks what a user sees:
 * exit codes, the one-line errors, counts per scope, and that a cancelled run resumes exactly.
 */
package org.dicommeta.it.cli;
