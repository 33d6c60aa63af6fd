package org.dicommeta.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract rows "delete(list)" and "delete all", and the model rule that deleting an instance deletes
 * its records and that no record exists without its instance.
 */
public interface DeleteContract extends StoreUnderTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("delete of a list returns how many records existed; unknown UIDs are not an error")
    default void deleteListReturnsHowManyExisted(MetadataFormat format) {
        MetadataFormat other = format == MetadataFormat.JSON ? MetadataFormat.XML : MetadataFormat.JSON;
        List<String> uids = kit().importStudy(60, 6);
        kit().generate(Kit.generation(MetadataOptions.defaults()), MetadataScope.ALL);
        kit().agent().records(format).delete(List.of(uids.get(5)));

        long deleted = kit().agent().records(format).delete(
                List.of(uids.get(0), uids.get(1), uids.get(5), "1.2.840.99999.3", uids.get(1)));

        assertThat(deleted).as("uids 0 and 1 had records; 5 had none; one UID is unknown; one is repeated")
                .isEqualTo(2);
        assertThat(kit().agent().records(format).exists(uids.get(0))).isFalse();
        assertThat(kit().agent().records(format).exists(uids.get(2))).isTrue();
        assertThat(kit().agent().records(other).exists(uids.get(0))).as("the other format is untouched").isTrue();
        assertThat(kit().agent().instance(uids.get(0))).as("the instance stays").isPresent();
        kit().assertCounts(format, 6, 3);
        kit().assertCounts(other, 6, 6);
        assertThat(kit().agent().records(format).delete(List.of())).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("delete all removes every record of the format, keeps the instances, returns the number, and then MISSING equals ALL")
    default void deleteAll(MetadataFormat format) {
        MetadataFormat other = format == MetadataFormat.JSON ? MetadataFormat.XML : MetadataFormat.JSON;
        List<String> uids = kit().importStudy(61, 9);
        kit().generate(Kit.generation(MetadataOptions.defaults()), MetadataScope.ALL);
        kit().agent().records(format).delete(uids.subList(0, 2));

        long deleted = kit().agent().records(format).deleteAll();

        assertThat(deleted).isEqualTo(7);
        var c = kit().counts(format);
        assertThat(c.missing()).isEqualTo(c.all()).isEqualTo(9);
        kit().assertCounts(other, 9, 9);
        assertThat(kit().agent().instance(uids.get(3))).isPresent();
        assertThat(kit().agent().records(format).deleteAll()).as("a second delete all").isZero();
    }

    @Test
    @DisplayName("deleting an instance deletes its records of both formats and returns how many instances existed")
    default void deletingAnInstanceDeletesItsRecords() {
        List<String> uids = kit().importStudy(62, 5);
        kit().generate(Kit.generation(MetadataOptions.defaults()), MetadataScope.ALL);

        long deleted = kit().agent().deleteInstances(List.of(uids.get(0), uids.get(1), "1.2.840.99999.4"));

        assertThat(deleted).isEqualTo(2);
        for (String uid : uids.subList(0, 2)) {
            assertThat(kit().agent().instance(uid)).isEmpty();
            assertThat(kit().agent().json().exists(uid)).isFalse();
            assertThat(kit().agent().xml().exists(uid)).isFalse();
            assertThat(kit().agent().json().get(uid)).isEmpty();
            assertThat(kit().agent().xml().info(uid)).isEmpty();
        }
        kit().assertCounts(MetadataFormat.JSON, 3, 3);
        kit().assertCounts(MetadataFormat.XML, 3, 3);
    }

    @Test
    @DisplayName("storing a deleted instance again brings none of its old records back")
    default void reStoringADeletedInstanceHasNoRecords() {
        List<Path> files = kit().writeStudy(63, 2, 0);
        List<String> uids = kit().importFiles(files);
        kit().generate(Kit.generation(MetadataOptions.defaults()), MetadataScope.ALL);
        kit().agent().deleteInstances(List.of(uids.get(0)));

        kit().importFiles(List.of(files.get(0)));

        assertThat(kit().agent().json().exists(uids.get(0))).isFalse();
        assertThat(kit().agent().xml().exists(uids.get(0))).isFalse();
        kit().assertCounts(MetadataFormat.JSON, 2, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("a record written at the port for an unknown or deleted instance is refused as NO_INSTANCE and leaves no orphan")
    default void noRecordWithoutItsInstance(MetadataFormat format) {
        List<String> uids = kit().importStudy(64, 2);
        kit().agent().deleteInstances(List.of(uids.get(1)));
        byte[] content = "{}".getBytes(StandardCharsets.UTF_8);

        List<RecordWriteOutcome> out = kit().store().putRecords(List.of(
                write(format, uids.get(1), content), write(format, "1.2.840.99999.5", content),
                write(format, uids.get(0), content)));

        assertThat(out).containsExactly(RecordWriteOutcome.NO_INSTANCE, RecordWriteOutcome.NO_INSTANCE,
                RecordWriteOutcome.WRITTEN);
        assertThat(kit().store().exists(format, uids.get(1))).isFalse();
        assertThat(kit().store().getRecord(format, "1.2.840.99999.5")).isEmpty();
        kit().assertCounts(format, 1, 1);
    }

    private static RecordWrite write(MetadataFormat format, String uid, byte[] content) {
        return new RecordWrite(new RecordInfo(uid, format, "", "kit", Instant.now(), content.length,
                Kit.sha256(content)), content, RecordWrite.Mode.REPLACE);
    }
}
