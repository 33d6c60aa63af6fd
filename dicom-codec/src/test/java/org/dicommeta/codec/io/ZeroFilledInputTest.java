package org.dicommeta.codec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dicommeta.codec.InvalidDicomException;
import org.dicommeta.codec.Tag;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of zero bytes has no preamble prefix and starts with group 0000, the DIMSE command group
 * (PS3.7 §E.1), which no stored data set holds: it must not pass as a raw data set of empty elements.
 */
class ZeroFilledInputTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("300 zero bytes are not DICOM: from a path and a stream, header-only and full, naming source and offset")
    void zeroBytesAreRejected() throws IOException {
        Path zeros = Files.write(dir.resolve("zeros.dcm"), new byte[300]);
        for (ReadOptions options : new ReadOptions[] {ReadOptions.headerOnly(), ReadOptions.full()}) {
            assertThatThrownBy(() -> Part10Reader.read(zeros, options)).isInstanceOfSatisfying(
                    InvalidDicomException.class, e -> {
                        assertThat(e.source()).isEqualTo(zeros.toString());
                        assertThat(e.offset()).isZero();
                        assertThat(e.getMessage()).contains(zeros.toString()).contains("not DICOM")
                                .contains("0000");
                    });
            assertThatThrownBy(() -> Part10Reader.read(new ByteArrayInputStream(new byte[300]), "upload-7", options))
                    .isInstanceOfSatisfying(InvalidDicomException.class, e -> {
                        assertThat(e.source()).isEqualTo("upload-7");
                        assertThat(e.offset()).isZero();
                    });
        }
    }

    @Test
    @DisplayName("a raw data set without preamble or meta is still read")
    void rawDataSetStillReads() {
        byte[] raw = new Part10ReaderTest.Bytes().implicitElement(Tag.PatientID, "P3").toArray();
        DicomFile f = Part10Reader.read(new ByteArrayInputStream(raw), "raw", ReadOptions.full());
        assertThat(f.dataSet().getString(Tag.PatientID)).isEqualTo("P3");
    }
}
