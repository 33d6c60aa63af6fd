/**
 * The {@code dicom-metadata} command line: a driving adapter for people and scripts. It parses options
 * with picocli, opens a {@link org.dicommeta.domain.MetadataAgent} from a store URI through
 * {@code org.dicommeta.core.MetadataAgents} and calls only the domain's contract (import, generate,
 * count, exists, get, delete); {@code dump} uses the codec directly, without a store. This is the one
 * module allowed to write to standard output and standard error. Exit codes are listed in
 * {@link org.dicommeta.cli.ExitCodes}.
 */
package org.dicommeta.cli;
