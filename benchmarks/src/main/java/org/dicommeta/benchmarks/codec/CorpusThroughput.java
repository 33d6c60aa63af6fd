package org.dicommeta.benchmarks.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.io.Part10Reader;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.codec.json.DicomJsonWriter;
import org.dicommeta.codec.json.JsonWriteOptions;
import org.dicommeta.codec.xml.NativeXmlWriter;
import org.dicommeta.codec.xml.XmlWriteOptions;

/**
 * The codec side of {@code benchmarks/codec-vs-pydicom}: converts the same list of files as the
 * pydicom side, in one JVM, header-only read plus render, and prints files per second.
 *
 * <p>Usage: {@code CorpusThroughput LISTFILE [json|xml] [warmupSeconds] [measureSeconds]}. Files
 * that fail to read are counted and skipped in every pass (the pydicom side lists only files it
 * reads). The rendered bytes go to a counting sink, so disk speed does not enter the result.
 */
public final class CorpusThroughput {

    private CorpusThroughput() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                files.add(Path.of(line.strip()));
            }
        }
        String format = args.length > 1 ? args[1] : "json";
        double warmup = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        double measure = args.length > 3 ? Double.parseDouble(args[3]) : 20;
        JsonWriteOptions json = JsonWriteOptions.defaults();
        XmlWriteOptions xml = XmlWriteOptions.defaults();
        Counting sink = new Counting();
        List<Path> ok = new ArrayList<>();
        for (Path f : files) {
            try {
                convert(f, format, json, xml, sink);
                ok.add(f);
            } catch (DicomCodecException | java.io.UncheckedIOException e) {
                // counted below; the same files are skipped in every pass
            }
        }
        run(ok, format, json, xml, sink, warmup);
        sink.bytes = 0;
        long start = System.nanoTime();
        long converted = run(ok, format, json, xml, sink, measure);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "codec %s: %d files listed, %d converted per pass, %d failed; %d conversions in %.2f s"
                + " = %.1f files/s, %.1f MB/s rendered%n", format, files.size(), ok.size(), files.size() - ok.size(),
                converted, seconds, converted / seconds, sink.bytes / seconds / 1e6);
    }

    private static long run(List<Path> files, String format, JsonWriteOptions json, XmlWriteOptions xml, Counting sink,
            double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        do {
            for (Path f : files) {
                convert(f, format, json, xml, sink);
                n++;
            }
        } while (System.nanoTime() < deadline);
        return n;
    }

    private static void convert(Path f, String format, JsonWriteOptions json, XmlWriteOptions xml, OutputStream sink) {
        DataSet ds = Part10Reader.read(f, ReadOptions.headerOnly()).dataSet();
        if (format.equals("xml")) {
            NativeXmlWriter.write(ds, sink, xml);
        } else {
            DicomJsonWriter.write(ds, sink, json);
        }
    }

    /** Counts bytes and drops them. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
