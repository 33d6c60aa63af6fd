package org.dicommeta.cli;

import org.dicommeta.domain.MetadataFormat;
import picocli.CommandLine.Option;

/** Exactly one of {@code --json} or {@code --xml}, for commands that act on one format. */
final class OneFormat {

    @Option(names = "--json", required = true, description = "DICOM JSON records (PS3.18 Annex F).")
    boolean json;

    @Option(names = "--xml", required = true, description = "Native DICOM Model XML records (PS3.19 Annex A).")
    boolean xml;

    MetadataFormat format() {
        return json ? MetadataFormat.JSON : MetadataFormat.XML;
    }
}
