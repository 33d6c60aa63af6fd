package org.dicommeta.codec.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.io.DicomFile;
import org.dicommeta.codec.io.Part10Reader;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.codec.xml.NativeXmlReader;
import org.dicommeta.codec.xml.NativeXmlWriter;
import org.dicommeta.codec.xml.XmlWriteOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec against the golden outputs of DCMTK (dcm2json, dcm2xml -nat) and pydicom committed
 * under {@code golden/} (made by {@code conformance/make_golden.py}), compared semantically with the
 * normalisations of {@code conformance/README.md}; and the Part 10 -> JSON/XML -> data set -> JSON/XML
 * round trips on the same files.
 */
class GoldenFilesTest {

    private static final String BIG_ENDIAN = "1.2.840.10008.1.2.2";
    private static final JsonWriteOptions JSON = JsonWriteOptions.builder().inlineBinary(true).build();
    private static final XmlWriteOptions XML = XmlWriteOptions.builder().inlineBinary(true).build();

    static Stream<Path> files() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenFilesTest.class.getResource("/golden").toURI());
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> p.toString().endsWith(".dcm")).sorted().forEach(out::add);
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(10);
        return out.stream();
    }

    private static Path sibling(Path dcm, String suffix) {
        String n = dcm.getFileName().toString();
        return dcm.resolveSibling(n.substring(0, n.length() - 4) + suffix);
    }

    private static String utf8(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static DicomFile read(Path dcm) {
        return Part10Reader.read(dcm, ReadOptions.full());
    }

    private static boolean encapsulated(DataSet ds) {
        org.dicommeta.codec.Element px = ds.get(0x7FE00010);
        return px != null && px.fragments() != null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @DisplayName("JSON equals dcm2json's after the documented normalisations")
    void jsonMatchesDcmtk(Path dcm) throws IOException {
        Path golden = sibling(dcm, ".dcmtk.json");
        Assumptions.assumeTrue(Files.exists(golden), "dcm2json could not convert this file");
        DataSet ds = read(dcm).dataSet();
        byte[] ours = DicomJsonWriter.toBytes(ds, JSON);
        Set<String> drop = Set.of("00080005");
        assertThat(GoldenComparison.firstDifference(GoldenComparison.json(ours, drop, false),
                GoldenComparison.json(Files.readAllBytes(golden), drop, false), "$")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @DisplayName("JSON equals pydicom's after the documented normalisations")
    void jsonMatchesPydicom(Path dcm) throws IOException {
        Path golden = sibling(dcm, ".pydicom.json");
        Assumptions.assumeTrue(Files.exists(golden), "pydicom could not convert this file");
        DicomFile f = read(dcm);
        byte[] ours = DicomJsonWriter.toBytes(f.dataSet(), JSON);
        boolean bigEndian = BIG_ENDIAN.equals(f.transferSyntaxUid());
        assertThat(GoldenComparison.firstDifference(GoldenComparison.json(ours, Set.of(), false),
                GoldenComparison.json(Files.readAllBytes(golden), Set.of(), bigEndian), "$")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @DisplayName("XML equals dcm2xml -nat's after the documented normalisations")
    void xmlMatchesDcmtk(Path dcm) throws IOException {
        Path golden = sibling(dcm, ".dcmtk.xml");
        Assumptions.assumeTrue(Files.exists(golden), "dcm2xml could not convert this file");
        DataSet ds = read(dcm).dataSet();
        byte[] ours = NativeXmlWriter.toBytes(ds, XML);
        // N5: dcm2xml writes an empty InlineBinary for encapsulated pixel data
        Set<String> drop = encapsulated(ds) ? Set.of("00080005", "7FE00010") : Set.of("00080005");
        assertThat(GoldenComparison.firstDifference(GoldenComparison.xml(ours, drop, false),
                GoldenComparison.xml(Files.readAllBytes(golden), drop, true), "$")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @DisplayName("Part 10 -> JSON -> data set -> JSON and the same for XML are byte-identical")
    void roundTrips(Path dcm) {
        DataSet ds = read(dcm).dataSet();
        for (JsonWriteOptions o : new JsonWriteOptions[] {JSON, JsonWriteOptions.builder().minify(true)
                .writeKeyword(true).bulkDataUri(true).build()}) {
            byte[] json = DicomJsonWriter.toBytes(ds, o);
            assertThat(utf8(DicomJsonWriter.toBytes(DicomJsonReader.read(json), o))).as("JSON " + o).isEqualTo(utf8(json));
        }
        for (XmlWriteOptions o : new XmlWriteOptions[] {XML, XmlWriteOptions.builder().bulkDataUri(true).build()}) {
            byte[] xml = NativeXmlWriter.toBytes(ds, o);
            assertThat(utf8(NativeXmlWriter.toBytes(NativeXmlReader.read(new ByteArrayInputStream(xml)), o)))
                    .as("XML " + o).isEqualTo(utf8(xml));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @DisplayName("header-only read renders the same metadata, binary values as BulkDataURI")
    void headerOnlyMatchesFullRead(Path dcm) {
        DataSet full = read(dcm).dataSet();
        DataSet header = Part10Reader.read(dcm, ReadOptions.headerOnly()).dataSet();
        JsonWriteOptions uris = JsonWriteOptions.builder().bulkDataUri(true).build();
        assertThat(new String(DicomJsonWriter.toBytes(header, uris), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(DicomJsonWriter.toBytes(full, uris), java.nio.charset.StandardCharsets.UTF_8));
    }
}
