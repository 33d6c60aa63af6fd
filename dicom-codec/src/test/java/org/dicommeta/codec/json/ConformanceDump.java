package org.dicommeta.codec.json;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.io.DicomFile;
import org.dicommeta.codec.io.Part10Reader;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.codec.xml.NativeXmlWriter;
import org.dicommeta.codec.xml.XmlWriteOptions;

/**
 * The codec side of {@code dicom-codec/conformance/compare.py}: converts every file named in a
 * list (one path per line) in this one JVM, writing {@code OUTDIR/<line index>.json} and
 * {@code .xml} (full read, inline binary, as DCMTK and pydicom do), and a JSON round trip check,
 * or {@code <index>.err} with the error. Not a test; lives in the test tree so the library has no
 * command line of its own (that is metadata-cli's job).
 *
 * <p>Usage: {@code java -cp ... org.dicommeta.codec.json.ConformanceDump OUTDIR LISTFILE}
 */
public final class ConformanceDump {

    private ConformanceDump() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ConformanceDump OUTDIR LISTFILE");
        }
        Path outDir = Path.of(args[0]);
        List<String> files = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        JsonWriteOptions json = JsonWriteOptions.builder().inlineBinary(true).build();
        XmlWriteOptions xml = XmlWriteOptions.builder().inlineBinary(true).build();
        for (int i = 0; i < files.size(); i++) {
            try {
                DicomFile f = Part10Reader.read(Path.of(files.get(i)), ReadOptions.full());
                DataSet ds = f.dataSet();
                byte[] j = DicomJsonWriter.toBytes(ds, json);
                byte[] x = NativeXmlWriter.toBytes(ds, xml);
                Files.write(outDir.resolve(i + ".json"), j);
                Files.write(outDir.resolve(i + ".xml"), x);
                byte[] again = DicomJsonWriter.toBytes(DicomJsonReader.read(j), json);
                if (!java.util.Arrays.equals(j, again)) {
                    Files.writeString(outDir.resolve(i + ".roundtrip"), "JSON round trip differs");
                }
            } catch (RuntimeException e) {
                StringWriter sw = new StringWriter();
                sw.append(e.getClass().getSimpleName()).append(": ").append(String.valueOf(e.getMessage())).append('\n');
                e.printStackTrace(new PrintWriter(sw));
                Files.writeString(outDir.resolve(i + ".err"), sw.toString());
            }
        }
    }
}
