package org.dicommeta.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;
import org.dicommeta.codec.io.Part10Writer;
import org.dicommeta.domain.Instance;

/** Small but real CT instances written as Part 10 files with the codec's writer. */
final class TestData {

    static final String STUDY = "1.2.826.0.1.3680043.10.543.1";
    static final String SERIES = STUDY + ".1";

    private TestData() {
    }

    static String uid(int i) {
        return SERIES + "." + (100000 + i);
    }

    static DataSet dataSet(int i) {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, uid(i));
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.PatientName, VR.PN, "Doe^Jane");
        ds.setString(Tag.PatientID, VR.LO, "PID-" + (i % 7));
        ds.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, SERIES);
        ds.setInt(Tag.Rows, VR.US, 8);
        ds.setInt(Tag.Columns, VR.US, 8);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        byte[] pixels = new byte[8 * 8 * 2];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (byte) (p + i);
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        return ds;
    }

    static Path write(Path dir, int i) {
        Path file = dir.resolve("ct-" + i + ".dcm");
        Part10Writer.write(file, dataSet(i), UID.ExplicitVRLittleEndian);
        return file;
    }

    /** Writes {@code n} files and indexes them directly in {@code store}; returns their UIDs in order. */
    static List<String> populate(FakeStore store, Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        List<String> uids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Path file = write(dir, i);
            store.putInstance(new Instance(uid(i), STUDY, SERIES, "PID", UID.CTImageStorage,
                    UID.ExplicitVRLittleEndian, file.toAbsolutePath().toString(), Instant.now()), false);
            uids.add(uid(i));
        }
        return uids;
    }
}
