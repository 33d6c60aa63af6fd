package org.dicommeta.benchmarks.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;
import org.dicommeta.codec.dict.ElementDictionary;
import org.dicommeta.codec.io.Part10Reader;
import org.dicommeta.codec.io.Part10Writer;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.codec.json.DicomJsonWriter;
import org.dicommeta.codec.json.JsonWriteOptions;
import org.dicommeta.codec.xml.NativeXmlWriter;
import org.dicommeta.codec.xml.XmlWriteOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why the writers render bytes directly: the same CT header through JSON-P's {@code JsonGenerator}
 * and StAX's {@code XMLStreamWriter} (a simplified rendering: no PN groups, no DS normalisation, no
 * escaping beyond the APIs' own), against {@link DicomJsonWriter} and {@link NativeXmlWriter}
 * (minified JSON, so both sides write the same whitespace).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StandardApiRenderBenchmark {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());
    private static final XMLOutputFactory STAX = XMLOutputFactory.newFactory();

    private DataSet header;
    private final JsonWriteOptions minified = JsonWriteOptions.builder().minify(true).build();

    /** Reads the header of a CT file written once. */
    @Setup
    public void setUp() throws IOException {
        Path file = Files.createTempFile("ct-api-benchmark", ".dcm");
        Part10Writer.write(file, CtHeaders.ctSlice(3), UID.ExplicitVRLittleEndian);
        header = Part10Reader.read(file, ReadOptions.headerOnly()).dataSet();
        Files.delete(file);
    }

    private static String hex(int tag) {
        String h = Integer.toHexString(tag).toUpperCase(java.util.Locale.ROOT);
        return "00000000".substring(h.length()) + h;
    }

    /** {@link DicomJsonWriter}, minified. */
    @Benchmark
    public byte[] directJson() {
        return DicomJsonWriter.toBytes(header, minified);
    }

    /** {@link NativeXmlWriter}. */
    @Benchmark
    public byte[] directXml() {
        return NativeXmlWriter.toBytes(header, XmlWriteOptions.defaults());
    }

    /** JSON-P JsonGenerator (Parsson). */
    @Benchmark
    public byte[] jsonGenerator() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            generate(g, header);
        }
        return out.toByteArray();
    }

    private static void generate(JsonGenerator g, DataSet ds) {
        g.writeStartObject();
        for (Element e : ds) {
            g.writeStartObject(hex(e.tag()));
            g.write("vr", e.vr().name());
            if (e.vr() == VR.SQ) {
                g.writeStartArray("Value");
                for (DataSet item : e.items()) {
                    generate(g, item);
                }
                g.writeEnd();
            } else if (e.vr().isBinary()) {
                if (e.isBulkData()) {
                    g.write("BulkDataURI", "bulkdata/" + hex(e.tag()));
                } else if (e.bytes() != null) {
                    g.write("InlineBinary", Base64.getEncoder().encodeToString(e.bytes()));
                }
            } else if (!e.isEmpty()) {
                g.writeStartArray("Value");
                for (String s : e.strings()) {
                    if (e.vr() == VR.PN) {
                        g.writeStartObject().write("Alphabetic", s).writeEnd();
                    } else if (e.vr().isNumeric() && e.vr() != VR.AT || e.vr().isNumericString() && !s.isBlank()) {
                        g.write(new BigDecimal(s.strip()));
                    } else {
                        g.write(s);
                    }
                }
                g.writeEnd();
            }
            g.writeEnd();
        }
        g.writeEnd();
    }

    /** StAX XMLStreamWriter (the JDK's). */
    @Benchmark
    public byte[] xmlStreamWriter() throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        XMLStreamWriter w = STAX.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("NativeDicomModel");
        stax(w, header);
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        return out.toByteArray();
    }

    private static void stax(XMLStreamWriter w, DataSet ds) throws XMLStreamException {
        for (Element e : ds) {
            w.writeStartElement("DicomAttribute");
            w.writeAttribute("tag", hex(e.tag()));
            w.writeAttribute("vr", e.vr().name());
            String keyword = ElementDictionary.keywordOf(e.tag());
            if (keyword != null) {
                w.writeAttribute("keyword", keyword);
            }
            if (e.vr() == VR.SQ) {
                int n = 1;
                for (DataSet item : e.items()) {
                    w.writeStartElement("Item");
                    w.writeAttribute("number", Integer.toString(n++));
                    stax(w, item);
                    w.writeEndElement();
                }
            } else if (e.vr().isBinary()) {
                if (e.isBulkData()) {
                    w.writeEmptyElement("BulkData");
                    w.writeAttribute("uri", "bulkdata/" + hex(e.tag()));
                }
            } else {
                int n = 1;
                for (String s : e.strings()) {
                    w.writeStartElement("Value");
                    w.writeAttribute("number", Integer.toString(n++));
                    w.writeCharacters(s);
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
        }
    }
}
