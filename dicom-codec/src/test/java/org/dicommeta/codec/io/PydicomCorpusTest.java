package org.dicommeta.codec.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dicommeta.codec.InvalidDicomException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reads every file of Debian's python3-pydicom sample data (about 180 files) with
 * {@link Part10Reader}, full and header-only. Runs only when the folder is named by the system
 * property or environment variable {@code DICOMMETA_PYDICOM_DATA} (the build must not need the
 * package); optionally {@code dicommeta.pydicom.verdicts} names the output of
 * {@code tools/pydicom_verdicts.py}, and then every file pydicom reads must be read here too.
 * Without verdicts: every file is read or rejected with InvalidDicomException, nothing else.
 * Files named "*truncated*" are deliberately cut short: pydicom reads what is there, this codec
 * (like DCMTK's dcmdump) must reject them.
 */
class PydicomCorpusTest {

    private static final System.Logger LOG = System.getLogger(PydicomCorpusTest.class.getName());
    private static final String[] SKIPPED_SUFFIXES = {".py", ".pyc", ".txt", ".json", ".dump", ".gz", ".bz2", ".xz"};

    @Test
    @DisplayName("every file pydicom reads is read; the others fail only with InvalidDicomException")
    void corpus() throws IOException {
        String folder = setting("DICOMMETA_PYDICOM_DATA");
        Assumptions.assumeTrue(folder != null, "skipped: set DICOMMETA_PYDICOM_DATA (system property or environment)"
                + " to pydicom's data folder, e.g. /usr/lib/python3/dist-packages/pydicom/data");
        Map<String, String> verdicts = new HashMap<>();
        String verdictFile = setting("dicommeta.pydicom.verdicts");
        if (verdictFile != null) {
            for (String line : Files.readAllLines(Paths.get(verdictFile))) {
                String[] f = line.split("\t");
                if (f.length >= 2) {
                    verdicts.put(f[1], f[0]);
                }
            }
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(Paths.get(folder))) {
            files = s.filter(Files::isRegularFile).filter(PydicomCorpusTest::candidate).sorted().collect(Collectors.toList());
        }
        int read = 0;
        List<String> rejected = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Path f : files) {
            try {
                DicomFile full = Part10Reader.read(f, ReadOptions.full());
                DicomFile header = Part10Reader.read(f, ReadOptions.headerOnly());
                assertThat(header.dataSet().size()).as(f.toString()).isEqualTo(full.dataSet().size());
                assertSameExceptBulkData(f + ": ", header.dataSet(), full.dataSet());
                try (java.io.InputStream in = Files.newInputStream(f)) {
                    assertThat(Part10Reader.read(in, f.toString(), ReadOptions.full()).dataSet())
                            .as(f + " read as a stream").isEqualTo(full.dataSet());
                }
                read++;
                assertThat(f.getFileName().toString()).as("deliberately truncated file must be rejected")
                        .doesNotContain("truncated");
            } catch (InvalidDicomException e) {
                rejected.add(f.getFileName() + ": " + e.getMessage());
                if ("OK".equals(verdicts.get(f.toString())) && !f.getFileName().toString().contains("truncated")) {
                    missed.add(f + ": " + e.getMessage());
                }
            }
        }
        String summary = String.format("pydicom corpus: %d of %d files read, %d rejected with InvalidDicomException%s",
                read, files.size(), rejected.size(), verdicts.isEmpty() ? "" : ", " + missed.size() + " of them read by pydicom");
        LOG.log(System.Logger.Level.INFO, summary + "\n  " + String.join("\n  ", rejected));
        assertThat(missed).as(summary).isEmpty();
        assertThat(files).isNotEmpty();
    }

    /** A header-only read equals the full read except where a value became a bulk data reference. */
    private static void assertSameExceptBulkData(String where, org.dicommeta.codec.DataSet header, org.dicommeta.codec.DataSet full) {
        assertThat(header.tags()).as(where).containsExactly(full.tags());
        for (org.dicommeta.codec.Element e : header) {
            org.dicommeta.codec.Element f = full.get(e.tag());
            if (e.isBulkData()) {
                assertThat(e.vr()).as(where + e).isEqualTo(f.vr());
            } else if (e.vr() == org.dicommeta.codec.VR.SQ) {
                assertThat(e.items()).as(where + e).hasSameSizeAs(f.items());
                for (int i = 0; i < e.items().size(); i++) {
                    assertSameExceptBulkData(where + e + " item " + i + ": ", e.items().get(i), f.items().get(i));
                }
            } else {
                assertThat(e).as(where + e).isEqualTo(f);
            }
        }
    }

    private static boolean candidate(Path p) {
        String name = p.getFileName().toString();
        for (String s : SKIPPED_SUFFIXES) {
            if (name.endsWith(s)) {
                return false;
            }
        }
        return true;
    }

    private static String setting(String name) {
        String v = System.getProperty(name);
        return v != null && !v.isBlank() ? v : System.getenv(name);
    }
}
