package org.dicommeta.codec.io;

import java.util.Objects;
import org.dicommeta.codec.DataSet;

/**
 * A parsed DICOM file: its File Meta Information (group 0002, PS3.10 §7.1), the data set, and the
 * transfer syntax the data set was encoded in.
 *
 * @param fileMetaInformation the group 0002 elements; empty for old raw data sets without meta
 * @param dataSet             the data set proper (no group 0002 elements)
 * @param transferSyntaxUid   the transfer syntax of the data set: from (0002,0010), or the one
 *                            detected for a raw data set
 */
public record DicomFile(DataSet fileMetaInformation, DataSet dataSet, String transferSyntaxUid) {

    /** Checks for nulls. */
    public DicomFile {
        Objects.requireNonNull(fileMetaInformation, "fileMetaInformation");
        Objects.requireNonNull(dataSet, "dataSet");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
    }

    /** True when the file had File Meta Information. */
    public boolean hasFileMetaInformation() {
        return !fileMetaInformation.isEmpty();
    }
}
