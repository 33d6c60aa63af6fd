package org.dicommeta.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored DICOM instance: its identifying attributes and where it can be loaded again from.
 *
 * @param sopInstanceUid    (0008,0018), the key; validated
 * @param studyInstanceUid  (0020,000D), may be null when the source lacks it
 * @param seriesInstanceUid (0020,000E), may be null
 * @param patientId         (0010,0020), may be null
 * @param sopClassUid       (0008,0016), may be null
 * @param transferSyntaxUid (0002,0010) of the source, may be null for raw data sets
 * @param source            a file path or URI from which the instance can be loaded again
 * @param storedAt          when the index entry was written
 */
public record Instance(String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid, String patientId,
        String sopClassUid, String transferSyntaxUid, String source, Instant storedAt) {

    public Instance {
        Uids.requireSopInstanceUid(sopInstanceUid);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(storedAt, "storedAt");
    }

    public Instance withStoredAt(Instant when) {
        return new Instance(sopInstanceUid, studyInstanceUid, seriesInstanceUid, patientId, sopClassUid,
                transferSyntaxUid, source, when);
    }
}
