package org.dicommeta.benchmarks.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.UID;
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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Header-only parse + render of a realistic CT instance ({@link CtHeaders}: about 200 attributes,
 * 512 x 512 pixels, 0.5 MB explicit VR little endian file): what the metadata generation does per
 * instance. The parse skips Pixel Data without reading it; the render writes it as a BulkDataURI
 * (the default for a skipped value). The render-only benchmarks isolate the writers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeaderRenderBenchmark {

    private Path file;
    private DataSet header;
    private final JsonWriteOptions json = JsonWriteOptions.defaults();
    private final JsonWriteOptions jsonMinified = JsonWriteOptions.builder().minify(true).build();
    private final XmlWriteOptions xml = XmlWriteOptions.defaults();
    private final OutputStream discard = OutputStream.nullOutputStream();

    /** Writes the CT file once. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("ct-header-benchmark", ".dcm");
        Part10Writer.write(file, CtHeaders.ctSlice(7), UID.ExplicitVRLittleEndian);
        header = Part10Reader.read(file, ReadOptions.headerOnly()).dataSet();
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Header-only read of the file. */
    @Benchmark
    public DataSet parseHeaderOnly() {
        return Part10Reader.read(file, ReadOptions.headerOnly()).dataSet();
    }

    /** Header-only read + pretty-printed DICOM JSON. */
    @Benchmark
    public void parseAndRenderJson() {
        DicomJsonWriter.write(Part10Reader.read(file, ReadOptions.headerOnly()).dataSet(), discard, json);
    }

    /** Header-only read + Native DICOM Model XML. */
    @Benchmark
    public void parseAndRenderXml() {
        NativeXmlWriter.write(Part10Reader.read(file, ReadOptions.headerOnly()).dataSet(), discard, xml);
    }

    /** JSON rendering of the already parsed header. */
    @Benchmark
    public void renderJson(Blackhole bh) {
        bh.consume(DicomJsonWriter.toBytes(header, json));
    }

    /** Minified JSON rendering of the already parsed header. */
    @Benchmark
    public void renderJsonMinified(Blackhole bh) {
        bh.consume(DicomJsonWriter.toBytes(header, jsonMinified));
    }

    /** XML rendering of the already parsed header. */
    @Benchmark
    public void renderXml(Blackhole bh) {
        bh.consume(NativeXmlWriter.toBytes(header, xml));
    }
}
