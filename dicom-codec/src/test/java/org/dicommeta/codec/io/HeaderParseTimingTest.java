package org.dicommeta.codec.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.dicommeta.codec.UID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A quick, non-JMH timing of header-only parsing (the JMH benchmark lives in the benchmarks
 * module). Runs only with {@code -Ddicommeta.timing=true}; measures CPU time of this thread, so a
 * busy machine distorts it less than wall time. Uses pydicom's CT_small.dcm (258 elements) when
 * {@code DICOMMETA_PYDICOM_DATA} is set, else the generated every-VR data set.
 */
class HeaderParseTimingTest {

    private static final System.Logger LOG = System.getLogger(HeaderParseTimingTest.class.getName());

    @Test
    @DisplayName("header-only parse CPU time per file")
    void timing() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("dicommeta.timing"), "skipped: run with -Ddicommeta.timing=true");
        String data = System.getProperty("DICOMMETA_PYDICOM_DATA", System.getenv("DICOMMETA_PYDICOM_DATA"));
        Path ct = data == null || data.isBlank() ? null : Paths.get(data, "test_files", "CT_small.dcm");
        byte[] bytes = ct != null && Files.isRegularFile(ct) ? Files.readAllBytes(ct)
                : TestDataSets.toBytes(TestDataSets.everyVr(), UID.ExplicitVRLittleEndian);
        String name = ct != null && Files.isRegularFile(ct) ? ct.toString() : "generated every-VR data set";
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = mx.getCurrentThreadCpuTime();
            int ops = 0;
            while (mx.getCurrentThreadCpuTime() - start < 1_000_000_000L) {
                for (int i = 0; i < 100; i++) {
                    sink += Part10Reader.read(new ByteArrayInputStream(bytes), "mem", ReadOptions.headerOnly()).dataSet().size();
                    ops++;
                }
            }
            best = Math.min(best, (mx.getCurrentThreadCpuTime() - start) / 1000.0 / ops);
        }
        LOG.log(System.Logger.Level.INFO, String.format("header-only parse of %s (%d bytes): %.1f us CPU per file, %.0f files/s",
                name, bytes.length, best, 1e6 / best));
        assertThat(sink).isPositive();
    }
}
