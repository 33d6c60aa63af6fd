package org.dicommeta.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;
import org.dicommeta.domain.JsonFlag;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.domain.StoreOptions;
import org.dicommeta.domain.XmlFlag;
import org.dicommeta.domain.XmlOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataRenderingTest {

    @TempDir
    Path dir;

    private static final List<RenderOptions> OPTIONS = List.of(JsonOptions.defaults(),
            JsonOptions.of(JsonFlag.INLINE_BINARY, JsonFlag.WRITE_KEYWORD),
            JsonOptions.of(JsonFlag.BULK_DATA_URI, JsonFlag.TRIM_WHITE_SPACE).withBulkDataUriTemplate("b/{tag}"),
            XmlOptions.defaults(), XmlOptions.of(XmlFlag.BULK_DATA_UUID, XmlFlag.WRITE_FULL_END_ELEMENT),
            XmlOptions.of(XmlFlag.IGNORE_ALL_DATA, XmlFlag.INLINE_BINARY));

    @Test
    @DisplayName("renders the same bytes the agent stores, as an array and as a stream")
    void sameBytesAsTheAgentStores() {
        DataSet ds = TestData.dataSet(1);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[] {1, 2, 3, 4});
        try (MetadataAgent agent = MetadataAgents.of(new FakeStore())) {
            String uid = agent.store(ds, UID.ExplicitVRLittleEndian, dir.resolve("1.dcm").toString(),
                    StoreOptions.indexOnly()).sopInstanceUid();
            for (RenderOptions o : OPTIONS) {
                agent.records(o.format()).store(ds, uid, o, true);
                byte[] stored = agent.records(o.format()).get(uid).orElseThrow();

                assertThat(MetadataRendering.render(ds, o)).as("%s", o).isEqualTo(stored);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                MetadataRendering.render(ds, o, out);
                assertThat(out.toByteArray()).as("streamed %s", o).isEqualTo(stored);
            }
        }
    }

    @Test
    @DisplayName("reads header-only unless a binary value could be written inline, for one format and for several")
    void readOptions() {
        assertThat(MetadataRendering.readOptionsFor(JsonOptions.defaults()).skipBulkData()).isTrue();
        assertThat(MetadataRendering.readOptionsFor(JsonOptions.of(JsonFlag.INLINE_BINARY)).skipBulkData()).isFalse();
        assertThat(MetadataRendering.readOptionsFor(JsonOptions.of(JsonFlag.BULK_DATA_URI)).skipBulkData()).isTrue();
        assertThat(MetadataRendering.readOptionsFor(XmlOptions.of(XmlFlag.BULK_DATA_UUID)).skipBulkData()).isTrue();
        assertThat(MetadataRendering.readOptionsFor(XmlOptions.of(XmlFlag.BULK_DATA_UUID, XmlFlag.INLINE_BINARY))
                .skipBulkData()).isFalse();
        assertThat(MetadataRendering.readOptionsFor(MetadataOptions.defaults()).skipBulkData()).isTrue();
        assertThat(MetadataRendering.readOptionsFor(MetadataOptions.both(JsonOptions.defaults(),
                XmlOptions.of(XmlFlag.INLINE_BINARY))).skipBulkData()).as("one format needs the values").isFalse();
    }
}
