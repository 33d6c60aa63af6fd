package org.dicommeta.it.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dicommeta.cli.Main;
import org.dicommeta.core.MetadataAgents;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.tck.data.SyntheticStudies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end over the file backend: a folder of 300 synthetic Part 10 files is
 * imported, a MISSING run is cancelled half-way (through the run's listener in process, and with a real
 * Ctrl-C signal to the shaded jar in a child JVM), and a second MISSING run finishes exactly the rest.
 */
class CommandLineIT {

    private static final int STUDIES = 3;
    private static final int CT_PER_STUDY = 60;
    private static final int MR_PER_STUDY = 40;
    private static final int TOTAL = STUDIES * (CT_PER_STUDY + MR_PER_STUDY);
    private static final Pattern SUMMARY = Pattern.compile(
            "(Generated|Cancelled) JSON \\(scope missing\\): (\\d+) selected, (\\d+) processed, (\\d+) written");

    @TempDir
    Path tmp;

    Path folder;
    String store;
    List<String> uids;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void writeFolder() {
        folder = tmp.resolve("incoming");
        uids = new ArrayList<>();
        for (int s = 0; s < STUDIES; s++) {
            SyntheticStudies.Study study = SyntheticStudies.study(9100 + s, CT_PER_STUDY, MR_PER_STUDY);
            SyntheticStudies.writeStudy(folder.resolve("study-" + s), study);
            uids.addAll(study.sopInstanceUids());
        }
        // fsync off: durability is the file store's own test subject; here it would only cost time.
        store = "file:" + tmp.resolve("store").toAbsolutePath() + "?dicommeta.fsync=false";
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run cliOnStore(String... args) {
        List<String> all = new ArrayList<>(List.of("--store", store));
        all.addAll(List.of(args));
        return cli(all.toArray(String[]::new));
    }

    /** The numbers of a generate summary line: selected, processed, written. */
    private static long[] summary(Run run) {
        Matcher m = SUMMARY.matcher(run.out());
        assertThat(m.find()).as("summary line in: %s%s", run.out(), run.err()).isTrue();
        return new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
    }

    private <T> T withAgent(Function<MetadataAgent, T> f) {
        try (MetadataAgent agent = MetadataAgents.open(store)) {
            return f.apply(agent);
        }
    }

    private long count(MetadataScope scope) {
        return withAgent(a -> a.json().count(scope));
    }

    private Map<String, RecordInfo> existingInfos() {
        return withAgent(a -> uids.stream().map(u -> a.json().info(u)).flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(RecordInfo::sopInstanceUid, i -> i)));
    }

    private void importFolder() {
        Run imported = cliOnStore("import", folder.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains(TOTAL + " stored");
        Run counts = cliOnStore("count", "--json", "--output", "json");
        assertThat(counts.out().strip()).isEqualTo(
                "{\"format\":\"json\",\"all\":" + TOTAL + ",\"existing\":0,\"missing\":" + TOTAL + "}");
    }

    /**
     * After a cancelled run that wrote {@code firstWritten} records (their provenance in {@code before}),
     * a MISSING run must write exactly the rest, rewrite none of the first, and leave every record's
     * provenance consistent with its bytes.
     */
    private void resumeFinishesExactlyTheRest(long firstWritten, Map<String, RecordInfo> before) throws Exception {
        assertThat(before).hasSize((int) firstWritten);
        assertThat(count(MetadataScope.EXISTING)).isEqualTo(firstWritten);
        assertThat(count(MetadataScope.MISSING)).isEqualTo(TOTAL - firstWritten);
        Instant resumeStart = Instant.now();

        Run second = cliOnStore("generate", "--json", "--scope", "missing");
        assertThat(second.code()).as(second.err()).isZero();
        long[] s = summary(second);
        assertThat(s[0]).as("selected").isEqualTo(TOTAL - firstWritten);
        assertThat(s[1]).as("processed").isEqualTo(TOTAL - firstWritten);
        assertThat(s[2]).as("written").isEqualTo(TOTAL - firstWritten);
        assertThat(firstWritten + s[2]).isEqualTo(TOTAL);

        Map<String, RecordInfo> after = existingInfos();
        assertThat(after).hasSize(TOTAL);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        withAgent(a -> {
            for (String uid : uids) {
                RecordInfo info = after.get(uid);
                RecordInfo first = before.get(uid);
                if (first != null) {
                    assertThat(info).as("record of %s written once, by the first run", uid).isEqualTo(first);
                } else {
                    assertThat(info.writtenAt()).as("record of %s written by the second run", uid)
                            .isAfterOrEqualTo(resumeStart.minusMillis(1));
                }
                byte[] bytes = a.json().get(uid).orElseThrow();
                assertThat(info.size()).isEqualTo(bytes.length);
                assertThat(info.sha256()).isEqualTo(HexFormat.of().formatHex(sha.digest(bytes)));
            }
            return null;
        });
        Run counts = cliOnStore("count", "--json", "--output", "json");
        assertThat(counts.out().strip()).isEqualTo(
                "{\"format\":\"json\",\"all\":" + TOTAL + ",\"existing\":" + TOTAL + ",\"missing\":0}");
        assertThat(cliOnStore("count", "--xml", "--scope", "missing").out().strip()).isEqualTo("XML missing: " + TOTAL);
    }

    @Test
    @DisplayName("import a folder, cancel a MISSING run half-way, and MISSING again finishes exactly the rest")
    void cancelHalfWayThenResume() throws Exception {
        importFolder();
        Run first = cliOnStore("generate", "--json", "--scope", "missing", "--threads", "2", "--batch-size", "10",
                "--cancel-after", Integer.toString(TOTAL / 2));
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(130);
        long[] f = summary(first);
        assertThat(f[0]).isEqualTo(TOTAL);
        assertThat(f[2]).as("written before the cancel took effect").isBetween((long) TOTAL / 2, (long) TOTAL - 1);
        resumeFinishesExactlyTheRest(f[2], existingInfos());
    }

    @Test
    @DisplayName("Ctrl-C to the shaded jar in a child JVM cancels cleanly; MISSING again finishes the rest")
    void ctrlCInAChildJvm() throws Exception {
        assumeTrue(!System.getProperty("os.name").toLowerCase().contains("win"), "needs POSIX signals");
        Path jar = shadedJar();
        assumeTrue(Files.isRegularFile(jar), "the shaded jar " + jar + " is not built (run mvn verify from the root)");
        importFolder();

        // -Xint and one worker writing batches of one keep the run going for seconds, and a progress
        // line every 20 instances says when records are being written: the signal lands half-way.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xint", "-jar", jar.toString(), "--store", store, "generate",
                "--json", "--scope", "missing", "--threads", "1", "--batch-size", "1", "--progress-every", "20")
                .start();
        CountDownLatch started = new CountDownLatch(1);
        StringBuilder err = new StringBuilder();
        Thread errReader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (err) {
                        err.append(line).append('\n');
                    }
                    // The first progress line ("generate JSON missing: 20/300 ...") says records are being
                    // written: a signal now lands half-way, not before the first instance.
                    if (line.matches("generate JSON missing: \\d+/\\d+ .*")) {
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                synchronized (err) {
                    err.append("(reading stderr failed: ").append(e).append(")\n");
                }
            }
        });
        errReader.start();
        String out;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!started.await(50, TimeUnit.MILLISECONDS) && child.isAlive() && System.nanoTime() < deadline) {
                // waiting for the first progress line
            }
            assertThat(started.getCount()).as("a progress line while the run goes on; exit %s, stderr: %s",
                    child.isAlive() ? "none yet" : child.exitValue(), err).isZero();
            // The child holds the store's writer lock; count opens it read-only, so it works beside it.
            Run during = cliOnStore("count", "--json", "--scope", "all");
            assertThat(during.code()).as("count while generate runs in another process: %s", during.err()).isZero();
            assertThat(during.out().strip()).isEqualTo("JSON all: " + TOTAL);
            assertThat(child.isAlive()).as("the run is still going when the signal is sent; stderr: %s", err).isTrue();
            String signal = interruptIgnored() ? "TERM" : "INT";
            if (signal.equals("TERM")) {
                // A process started with SIGINT ignored (e.g. Maven in a background job) passes that on,
                // and the JVM keeps it ignored; SIGTERM runs the same shutdown hook.
                System.out.println("CommandLineIT: SIGINT is ignored in this process tree; sending SIGTERM");
            }
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child exits after the signal").isTrue();
            out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        errReader.join(10_000);
        Run first = new Run(child.exitValue(), out, err.toString());
        System.out.println("CommandLineIT: child after the signal: exit " + first.code() + "\n" + out);
        assertThat(first.code()).as(out + first.err()).isEqualTo(130);
        assertThat(out).contains("Cancelled after");
        long[] f = summary(first);
        assertThat(f[2]).as("written before Ctrl-C").isPositive().isLessThan(TOTAL);
        resumeFinishesExactlyTheRest(f[2], existingInfos());
    }

    @Test
    @DisplayName("a non-DICOM file in an imported folder is named on stderr, the rest is imported, exit 1")
    void nonDicomFileInImport() throws IOException {
        Path junk = folder.resolve("study-1/notes.txt");
        Files.writeString(junk, "scanner notes, not a DICOM file\n");
        Run r = cliOnStore("import", "--xml", folder.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains(junk.toString());
        assertThat(r.out()).contains(TOTAL + " stored").contains("XML records: " + TOTAL + " written");
        assertThat(withAgent(a -> (Long) a.xml().count(MetadataScope.EXISTING)).longValue()).isEqualTo(TOTAL);
    }

    @Test
    @DisplayName("a usage error exits 2 with one line on stderr and touches no store")
    void usageError() {
        Run r = cliOnStore("count", "--json", "--scope", "sometimes");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains("sometimes");
        assertThat(tmp.resolve("store")).doesNotExist();
    }

    @Test
    @DisplayName("count, exists and get of a mistyped store path fail in one line, exit 4, and create nothing")
    void readerOfMissingStore() {
        Path typo = tmp.resolve("stroe");
        for (String command : List.of("count", "exists", "get")) {
            List<String> args = new ArrayList<>(List.of("--store", "file:" + typo, command, "--json"));
            if (!command.equals("count")) {
                args.add(uids.get(0));
            }
            Run r = cli(args.toArray(String[]::new));
            assertThat(r.code()).as(command).isEqualTo(4);
            assertThat(r.err().lines()).as(command).hasSize(1).first().asString()
                    .contains("No file store at " + typo);
            assertThat(typo).as(command).doesNotExist();
        }
    }

    @Test
    @DisplayName("an unknown store scheme is one line that lists the available schemes, password masked")
    void unknownScheme() {
        Run r = cli("--store", "gopher://admin:hunter2@pacs/meta", "count", "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("gopher://admin:****@pacs/meta").contains("file").contains("jdbc:postgresql")
                .contains("mongodb").doesNotContain("hunter2").doesNotContain("\tat ");
    }

    /** metadata-cli/&lt;build dir&gt;/dicom-metadata.jar, the build dir being the one this test runs from. */
    private static Path shadedJar() throws URISyntaxException {
        Path testClasses = Path.of(CommandLineIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path buildDir = testClasses.getParent();
        Path module = buildDir.getParent();
        return module.resolveSibling("metadata-cli").resolve(buildDir.getFileName()).resolve("dicom-metadata.jar");
    }

    /** Whether SIGINT (signal 2) is ignored by this process, from /proc/self/status (Linux). */
    private static boolean interruptIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
                return (mask & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }
}
