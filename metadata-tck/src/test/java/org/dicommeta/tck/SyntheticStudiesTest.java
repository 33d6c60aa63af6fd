package org.dicommeta.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.io.DicomFile;
import org.dicommeta.codec.io.Part10Reader;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.domain.Uids;
import org.dicommeta.tck.data.SyntheticStudies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic data builder, through its public API only (package org.dicommeta.tck.data stays free of JUnit). */
class SyntheticStudiesTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedBuildsEqualDataSetsAndOtherSeedsOtherUids() {
        var a = SyntheticStudies.study(5, 4, 3);
        var b = SyntheticStudies.study(5, 4, 3);
        var c = SyntheticStudies.study(6, 4, 3);

        assertThat(a.instances()).isEqualTo(b.instances());
        assertThat(a.sopInstanceUids()).doesNotContainAnyElementsOf(c.sopInstanceUids());
        assertThat(a.studyInstanceUid()).isNotEqualTo(c.studyInstanceUid());
    }

    @Test
    void uidsAreValidAndUnique() {
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            var s = SyntheticStudies.study(seed, 5, 5);
            assertThat(Uids.isValid(s.studyInstanceUid())).isTrue();
            for (DataSet ds : s.instances()) {
                String uid = ds.getString(Tag.SOPInstanceUID);
                assertThat(Uids.isValid(uid)).as(uid).isTrue();
                assertThat(uid).startsWith("2.25.");
                assertThat(seen.add(uid)).as("unique: %s", uid).isTrue();
                assertThat(Uids.isValid(ds.getString(Tag.SeriesInstanceUID))).isTrue();
            }
        }
    }

    @Test
    void aStudyHasItsModalitiesInTwoSeriesWithNestedSequencesPrivateDataAndPixels() {
        var s = SyntheticStudies.study(8, 3, 2);

        assertThat(s.instances()).hasSize(5);
        assertThat(s.instances().stream().map(ds -> ds.getString(Tag.SOPClassUID)))
                .containsExactly(UID.CTImageStorage, UID.CTImageStorage, UID.CTImageStorage, UID.MRImageStorage,
                        UID.MRImageStorage);
        DataSet second = s.instances().get(1);
        assertThat(second.getSequence(Tag.ReferencedImageSequence).get(0).getString(Tag.ReferencedSOPInstanceUID))
                .isEqualTo(s.sopInstanceUids().get(0));
        assertThat(second.getSequence(Tag.ProcedureCodeSequence).get(0).getSequence(Tag.EquivalentCodeSequence))
                .hasSize(1);
        assertThat(second.get(SyntheticStudies.PRIVATE_CREATOR, 0x00290012).bytes()).hasSize(16);
        assertThat(second.get(Tag.PixelData).bytes()).hasSize(SyntheticStudies.ROWS * SyntheticStudies.COLUMNS * 2);
        assertThat(s.instances().get(0).contains(Tag.ReferencedImageSequence)).isFalse();
        assertThat(s.instances().get(3).getString(Tag.SeriesInstanceUID))
                .isNotEqualTo(second.getString(Tag.SeriesInstanceUID));
    }

    @Test
    void eachCharsetCarriesItsNames() {
        var japanese = SyntheticStudies.builder(2).charset(SyntheticStudies.PatientCharset.UTF8_JAPANESE).build();
        var latin = SyntheticStudies.builder(2).charset(SyntheticStudies.PatientCharset.LATIN1).build();

        DataSet j = japanese.instances().get(0);
        assertThat(j.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 192");
        assertThat(j.getString(Tag.PatientName).split("=")).hasSize(3);
        assertThat(latin.instances().get(0).getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 100");
        assertThat(latin.patientName()).matches(".*[äöüßÅøèé].*");
    }

    @Test
    void writtenFilesReadBackAsTheSameDataSets() {
        var s = SyntheticStudies.study(3, 2, 1);

        List<Path> files = SyntheticStudies.writeStudy(dir, s);

        assertThat(files).hasSize(3);
        for (int i = 0; i < files.size(); i++) {
            DicomFile f = Part10Reader.read(files.get(i), ReadOptions.full());
            assertThat(f.transferSyntaxUid()).isEqualTo(UID.ExplicitVRLittleEndian);
            assertThat(f.dataSet()).as("instance %d", i).isEqualTo(s.instances().get(i));
            assertThat(files.get(i).getFileName().toString()).isEqualTo(s.sopInstanceUids().get(i) + ".dcm");
        }
        DataSet j = Part10Reader.read(files.get(0), ReadOptions.full()).dataSet();
        assertThat(j.getString(Tag.PatientName)).isEqualTo(s.patientName());
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> SyntheticStudies.builder(1).ct(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
