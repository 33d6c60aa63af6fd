package org.dicommeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.io.Part10Reader;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.core.MetadataAgents;
import org.dicommeta.core.MetadataRendering;
import org.dicommeta.domain.BackendUnavailableException;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.tck.data.SyntheticStudies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path tmp;

    CliRunner cli;
    Path studyDir;
    List<Path> files;

    @BeforeEach
    void study() {
        cli = new CliRunner();
        studyDir = tmp.resolve("study");
        files = SyntheticStudies.writeStudy(studyDir, 7, 3, 2);
    }

    private long count(MetadataFormat format, MetadataScope scope) {
        return cli.store.count(format, scope);
    }

    private String uid(int i) {
        return Part10Reader.read(files.get(i), ReadOptions.headerOnly()).dataSet().getString(Tag.SOPInstanceUID);
    }

    @Test
    @DisplayName("import indexes a folder, names a non-DICOM file on stderr, goes on and exits 1")
    void importReportsNonDicomAndGoesOn() throws IOException {
        Path junk = studyDir.resolve("notes.txt");
        Files.writeString(junk, "hello, not DICOM");

        CliRunner.Result r = cli.run("import", studyDir.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains(junk.toString());
        assertThat(r.out()).contains("5 stored");
        assertThat(count(MetadataFormat.JSON, MetadataScope.ALL)).isEqualTo(5);
        assertThat(count(MetadataFormat.JSON, MetadataScope.MISSING)).isEqualTo(5);
    }

    @Test
    @DisplayName("import --json renders on ingest; a second import leaves the UIDs as they were")
    void importWithRender() {
        CliRunner.Result r = cli.run("import", "--json", studyDir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(5);
        assertThat(count(MetadataFormat.XML, MetadataScope.EXISTING)).isZero();

        CliRunner.Result again = cli.run("import", studyDir.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("0 stored").contains("5 already present");
    }

    @Test
    @DisplayName("import stops at a store failure: one line, exit 3, no further files tried")
    void importStopsWhenTheStoreFails() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        CliRunner failing = new CliRunner((uri, options) -> {
            MetadataAgent real = MetadataAgents.of(cli.store);
            return (MetadataAgent) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {MetadataAgent.class}, (proxy, method, args) -> {
                        if (method.getName().equals("store") && calls.incrementAndGet() == 2) {
                            throw new BackendUnavailableException("store at file:/x went away", null);
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        });
        CliRunner.Result r = failing.run("import", "--threads", "1", studyDir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BACKEND_UNAVAILABLE);
        assertThat(r.err().lines()).containsExactly("dicom-metadata: store at file:/x went away");
        assertThat(calls.get()).as("files tried after the failure").isLessThanOrEqualTo(4);
    }

    @Test
    @DisplayName("generate, count, exists, get and delete work together on one store")
    void generateCountExistsGetDelete() {
        assertThat(cli.run("import", files.get(0).toString(), files.get(1).toString()).code()).isZero();
        assertThat(cli.run("import", "--xml", files.get(2).toString()).code()).isZero();

        CliRunner.Result gen = cli.run("generate", "--json", "--xml", "--scope", "MiSsInG", "--threads", "2");
        assertThat(gen.code()).as(gen.err()).isZero();
        assertThat(gen.out()).contains("3 selected").contains("5 written");
        assertThat(count(MetadataFormat.JSON, MetadataScope.MISSING)).isZero();
        assertThat(count(MetadataFormat.XML, MetadataScope.MISSING)).isZero();

        assertThat(cli.run("count", "--json", "--scope", "existing").out().strip()).isEqualTo("JSON existing: 3");
        assertThat(cli.run("count", "--xml", "--output", "json").out().strip())
                .isEqualTo("{\"format\":\"xml\",\"all\":3,\"existing\":3,\"missing\":0}");
        assertThat(cli.run("exists", "--json", "--output", "json", uid(0)).out().strip())
                .isEqualTo("{\"format\":\"json\",\"sopInstanceUid\":\"" + uid(0) + "\",\"exists\":true}");
        assertThat(cli.run("exists", "--json", uid(4)).out()).contains("absent");

        CliRunner.Result get = cli.run("get", "--json", uid(1));
        assertThat(get.code()).isZero();
        try (MetadataAgent agent = MetadataAgents.of(cli.store)) {
            assertThat(get.outBytes()).isEqualTo(agent.json().get(uid(1)).orElseThrow());
        }

        CliRunner.Result del = cli.run("delete", "--json", uid(0), uid(1), "1.2.3");
        assertThat(del.out()).contains("Deleted 2 JSON records");
        assertThat(count(MetadataFormat.JSON, MetadataScope.MISSING)).isEqualTo(2);
        assertThat(cli.run("delete", "--xml", "--all").out()).contains("Deleted all 3 XML records");
        assertThat(count(MetadataFormat.XML, MetadataScope.MISSING)).isEqualTo(3);
        assertThat(count(MetadataFormat.XML, MetadataScope.ALL)).isEqualTo(3);
    }

    @Test
    @DisplayName("get of a record that does not exist is one line on stderr and exit 4")
    void getMissingRecord() {
        cli.run("import", files.get(0).toString());
        CliRunner.Result r = cli.run("get", "--xml", uid(0));
        assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.outBytes()).isEmpty();
        assertThat(r.err().lines()).containsExactly("dicom-metadata: No XML record for SOP Instance UID " + uid(0));
    }

    @Test
    @DisplayName("a run cancelled half-way keeps what it wrote, and MISSING again finishes exactly the rest")
    void cancelAndResume() {
        // Enough instances that the few already in flight when the cancel lands cannot be all of them.
        Path big = tmp.resolve("big");
        SyntheticStudies.writeStudy(big, 11, 40, 40);
        cli.run("import", big.toString());
        CliRunner.Result first = cli.run("generate", "--json", "--threads", "1", "--batch-size", "1",
                "--cancel-after", "5");
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(first.out()).contains("Cancelled");
        long written = count(MetadataFormat.JSON, MetadataScope.EXISTING);
        assertThat(written).isBetween(5L, 79L);
        assertThat(first.out()).contains(written + " written");

        CliRunner.Result rest = cli.run("generate", "--json", "--scope", "missing");
        assertThat(rest.code()).isZero();
        assertThat(rest.out()).contains((80 - written) + " selected").contains((80 - written) + " written");
        assertThat(count(MetadataFormat.JSON, MetadataScope.MISSING)).isZero();
    }

    @Test
    @DisplayName("generate of a source that vanished counts a failure, names it, and exits 1")
    void generateReportsPerInstanceFailures() throws IOException {
        cli.run("import", studyDir.toString());
        Files.delete(files.get(3));
        CliRunner.Result r = cli.run("generate", "--xml");
        assertThat(r.code()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(r.err()).contains("failed: " + uid4Deleted());
        assertThat(count(MetadataFormat.XML, MetadataScope.EXISTING)).isEqualTo(4);
    }

    private String uid4Deleted() {
        // The file name is the SOP Instance UID (SyntheticStudies.fileFor).
        String name = files.get(3).getFileName().toString();
        return name.substring(0, name.length() - ".dcm".length());
    }

    @Test
    @DisplayName("usage errors exit 2 with one line on stderr")
    void usageErrors() {
        for (String[] args : List.of(new String[] {"count"}, new String[] {"count", "--json", "--xml"},
                new String[] {"count", "--json", "--scope", "some"}, new String[] {"generate"},
                new String[] {"generate", "--json", "--minify", "--pretty"},
                new String[] {"generate", "--json", "--bulk-data-uuid"},
                new String[] {"generate", "--xml", "--threads", "0"},
                new String[] {"dump", "--json", "a.dcm", "b.dcm"}, new String[] {"frobnicate"},
                new String[] {"delete", "--json"}, new String[] {"exists", "--json", "not-a-uid"})) {
            CliRunner.Result r = cli.run(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(r.err()).startsWith("dicom-metadata: ");
        }
    }

    @Test
    @DisplayName("no subcommand prints the usage and exits 2")
    void noSubcommand() {
        CliRunner.Result r = cli.run();
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("import").contains("generate").contains("demo");
    }

    @Test
    @DisplayName("an unavailable backend exits 3 with one masked line, and --debug adds the stack trace")
    void backendUnavailable() {
        CliRunner down = new CliRunner((uri, options) -> {
            throw new BackendUnavailableException("Cannot reach mongodb://admin:s3cret@db:27017/meta (refused)",
                    new java.net.ConnectException("refused"));
        });
        CliRunner.Result r = down.run("count", "--json");
        assertThat(r.code()).isEqualTo(ExitCodes.BACKEND_UNAVAILABLE);
        assertThat(r.err().lines()).containsExactly(
                "dicom-metadata: Cannot reach mongodb://admin:****@db:27017/meta (refused)");

        CliRunner.Result debug = down.run("--debug", "count", "--json");
        assertThat(debug.code()).isEqualTo(ExitCodes.BACKEND_UNAVAILABLE);
        assertThat(debug.err()).contains("at org.dicommeta.cli").doesNotContain("s3cret@");
    }

    @Test
    @DisplayName("--store and --debug are accepted after the subcommand too")
    void inheritedGlobalOptions() {
        String[] seen = new String[1];
        CliRunner probe = new CliRunner((uri, options) -> {
            seen[0] = uri;
            throw new BackendUnavailableException("down: " + uri, null);
        });
        CliRunner.Result r = probe.run("count", "--json", "--store", "file:/x/y", "--debug");
        assertThat(seen[0]).isEqualTo("file:/x/y");
        assertThat(r.err()).contains("at org.dicommeta.cli");
        probe.run("count", "--json");
        assertThat(seen[0]).isEqualTo(RootCommand.DEFAULT_STORE);
    }

    @Test
    @DisplayName("count, exists and get open a file: store read-only; writes and other schemes get no options")
    void readOnlyOptionOnlyForFileReads() {
        java.util.Map<String, java.util.Map<String, String>> seen = new java.util.LinkedHashMap<>();
        CliRunner probe = new CliRunner((uri, options) -> {
            seen.put(uri, options);
            return MetadataAgents.of(cli.store);
        });
        java.util.Map<String, String> readOnly = java.util.Map.of("readOnly", "true");
        for (String[] command : new String[][] {{"count", "--json"}, {"exists", "--xml", "1.2.3"},
                {"get", "--json", "1.2.3"}}) {
            seen.clear();
            probe.run(concat(new String[] {"--store", "file:/x/y"}, command));
            probe.run(concat(new String[] {"--store", "FILE:relative"}, command));
            probe.run(concat(new String[] {"--store", "mongodb://h/db"}, command));
            assertThat(seen).as(command[0]).containsExactly(java.util.Map.entry("file:/x/y", readOnly),
                    java.util.Map.entry("FILE:relative", readOnly), java.util.Map.entry("mongodb://h/db", java.util.Map.of()));
        }
        for (String[] command : new String[][] {{"import", files.get(0).toString()}, {"generate", "--json"},
                {"delete", "--json", "--all"}}) {
            seen.clear();
            probe.run(concat(new String[] {"--store", "file:/x/y"}, command));
            assertThat(seen).as(command[0]).containsExactly(java.util.Map.entry("file:/x/y", java.util.Map.of()));
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    @DisplayName("on a real file store: a reader of a mistyped path fails in one line and creates nothing; "
            + "readers work while a writer holds the store")
    void fileStoreReaders() {
        CliRunner real = new CliRunner(MetadataAgents::open);
        Path typo = tmp.resolve("no-such-store");
        String uri = "file:" + typo;
        for (String[] command : new String[][] {{"count", "--json"}, {"exists", "--json", uid(0)},
                {"get", "--json", uid(0)}}) {
            CliRunner.Result r = real.run(concat(new String[] {"--store", uri}, command));
            assertThat(r.code()).as(command[0]).isEqualTo(ExitCodes.ERROR);
            assertThat(r.err().lines()).as(command[0]).hasSize(1).first().asString()
                    .contains("No file store at " + typo);
            assertThat(typo).as(command[0]).doesNotExist();
        }
        assertThat(real.run("--store", uri, "import", files.get(0).toString()).code()).isZero();
        assertThat(typo).isDirectory();
        try (MetadataAgent writer = MetadataAgents.open(uri)) { // holds the writer lock
            writer.json().count(MetadataScope.ALL);
            assertThat(real.run("--store", uri, "count", "--json", "--scope", "all").out().strip())
                    .isEqualTo("JSON all: 1");
            assertThat(real.run("--store", uri, "exists", "--json", uid(0)).out()).contains("absent");
            CliRunner.Result write = real.run("--store", uri, "generate", "--json");
            assertThat(write.code()).isEqualTo(ExitCodes.ERROR);
            assertThat(write.err()).contains("already open");
        }
    }

    @Test
    @DisplayName("an unknown store scheme is one line listing the available schemes, exit 2")
    void unknownScheme() {
        CliRunner real = new CliRunner(MetadataAgents::open);
        CliRunner.Result r = real.run("--store", "nosuch://user:pw@host/db", "count", "--json");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("available").contains("file").doesNotContain(":pw@");
    }

    @Test
    @DisplayName("dump of one file writes what the agent stores for it with the domain defaults, to stdout")
    void dumpOneFile() {
        CliRunner.Result r = cli.run("dump", "--json", files.get(0).toString());
        assertThat(r.code()).as(r.err()).isZero();
        byte[] expected = MetadataRendering.render(Part10Reader.read(files.get(0), ReadOptions.full()).dataSet(),
                org.dicommeta.domain.JsonOptions.defaults());
        assertThat(r.out()).isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8) + "\n");
        assertThat(r.out()).doesNotContain("7FE00010\":{\"vr\":\"OW\",\"InlineBinary");

        // The same bytes as the record generate stores, for default flags and for non-default ones.
        assertThat(cli.run("import", files.get(0).toString()).code()).isZero();
        assertThat(cli.run("generate", "--json", "--xml").code()).isZero();
        assertThat(dumped(cli.run("get", "--json", uid(0)).out())).isEqualTo(r.out());
        CliRunner.Result xml = cli.run("dump", "--xml", "--inline-binary", "--trim", files.get(0).toString());
        assertThat(cli.run("generate", "--xml", "--inline-binary", "--trim", "--scope", "existing").code()).isZero();
        assertThat(dumped(cli.run("get", "--xml", uid(0)).out())).isEqualTo(xml.out());
    }

    /** What dump prints for a rendering: the bytes, then a newline unless they end with one. */
    private static String dumped(String rendering) {
        return rendering.endsWith("\n") ? rendering : rendering + "\n";
    }

    @Test
    @DisplayName("dump --output-dir writes one file per input; a bad input is reported and the rest go on")
    void dumpFolder() throws IOException {
        Path junk = tmp.resolve("junk.dcm");
        Files.writeString(junk, "This is a text file with a .dcm name, not a DICOM Part 10 file.\n");
        Path out = tmp.resolve("out");
        CliRunner.Result r = cli.run("dump", "--xml", "--inline-binary", "--output-dir", out.toString(),
                files.get(0).toString(), junk.toString(), files.get(1).toString());
        assertThat(r.code()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains(junk.toString());
        String xml = Files.readString(out.resolve(files.get(0).getFileName() + ".xml"));
        assertThat(xml).contains("NativeDicomModel").contains("InlineBinary");
        assertThat(out.resolve(files.get(1).getFileName() + ".xml")).exists();
        assertThat(out.resolve("junk.dcm.xml")).doesNotExist();
    }
}
