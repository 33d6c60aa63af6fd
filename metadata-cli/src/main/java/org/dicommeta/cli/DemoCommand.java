package org.dicommeta.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.dicommeta.tck.data.SyntheticStudies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code demo}: builds a synthetic study in a temporary folder and walks through every operation of
 * the command line against a temporary file store, printing the counts per scope after each step.
 * Each step is a real command line run through the same parser, so the demo shows exactly what a user
 * would type and see.
 */
@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Walks through every operation on a synthetic CT/MR study in a temporary file store.",
                "Ignores --store: the demo never touches a real store."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--ct", paramLabel = "N", defaultValue = "24", description = "CT instances (default: ${DEFAULT-VALUE}).")
    int ct;

    @Option(names = "--mr", paramLabel = "N", defaultValue = "16", description = "MR instances (default: ${DEFAULT-VALUE}).")
    int mr;

    @Option(names = "--seed", defaultValue = "20261204", description = "Seed of the synthetic study (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep", description = "Keep the temporary folder (study and store) and print where it is.")
    boolean keep;

    private static final int EXCERPT_LINES = 8;
    private static final int EXCERPT_WIDTH = 160;

    private CliContext context;
    private String store;
    private Path work;
    private final List<String> surprises = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (ct < 1 || mr < 1) {
            throw new picocli.CommandLine.ParameterException(root.spec.commandLine(), "--ct and --mr must be at least 1");
        }
        // Plain progress lines: a bar flashing past for a few instances would hide the walk-through.
        context = new CliContext(root.context().out(), root.context().err(), false, root.context().agents());
        work = Files.createTempDirectory("dicom-metadata-demo-");
        try {
            walkThrough();
        } finally {
            if (keep) {
                say("Kept " + work);
            } else {
                deleteRecursively(work);
            }
        }
        if (!surprises.isEmpty()) {
            context.err().println("dicom-metadata: demo: " + surpriseSummary());
            return ExitCodes.ERROR;
        }
        return ExitCodes.OK;
    }

    private void walkThrough() throws IOException {
        PrintStream out = context.out();
        Path ctDir = work.resolve("study/ct");
        Path mrDir = work.resolve("study/mr");
        SyntheticStudies.Study study = SyntheticStudies.study(seed, ct, mr);
        List<Path> ctFiles = SyntheticStudies.writeStudy(ctDir,
                new SyntheticStudies.Study(study.studyInstanceUid(), study.patientId(), study.patientName(),
                        study.charset(), study.instances().subList(0, ct)));
        List<Path> mrFiles = SyntheticStudies.writeStudy(mrDir,
                new SyntheticStudies.Study(study.studyInstanceUid(), study.patientId(), study.patientName(),
                        study.charset(), study.instances().subList(ct, ct + mr)));
        Path notDicom = mrDir.resolve("README.txt");
        Files.writeString(notDicom, "Not a DICOM file: the import reports it and goes on.\n");
        store = "file:" + work.resolve("store").toAbsolutePath();
        List<String> uids = study.sopInstanceUids();
        String ctUid = uids.get(0);
        String mrUid = uids.get(ct);

        out.println("dicom-metadata demo");
        out.println("===================");
        out.println("Synthetic study " + study.studyInstanceUid());
        out.println("  patient " + study.patientId() + " '" + study.patientName() + "' (" + study.charset()
                + ", Specific Character Set " + study.charset().specificCharacterSet() + ")");
        out.println("  " + ct + " CT files in study/ct, " + mr + " MR files and README.txt in study/mr");
        out.println("  (CT and MR with nested sequences, a private block, 64x64 pixel data)");
        out.println("DEMO=" + work + "   (a temporary folder, deleted at the end unless --keep)");
        out.println("STORE=file:$DEMO/store");

        step("1. Import the CT folder: index only, no metadata yet");
        run(0, "import", ctDir.toString());
        counts();

        step("2. Import the MR folder, rendering JSON and XML on the way in; README.txt is not DICOM");
        run(1, "import", "--json", "--xml", mrDir.toString());
        counts();

        step("3. exists: a CT instance has no JSON yet, an MR instance has");
        run(0, "exists", "--json", ctUid);
        run(0, "exists", "--json", mrUid);
        run(0, "exists", "--xml", "--output", "json", mrUid);

        step("4. get: the stored records, byte for byte (excerpts)");
        excerpt("get", "--json", mrUid);
        excerpt("get", "--xml", mrUid);

        step("5. Generate JSON for the MISSING scope: only the CT instances are visited");
        run(0, "generate", "--json", "--scope", "missing");
        counts();

        step("6. Regenerate the EXISTING XML records, now with trimmed strings and full end elements");
        run(0, "generate", "--xml", "--scope", "EXISTING", "--trim", "--full-end-element");
        counts();

        step("7. Delete three JSON records by UID (one UID unknown: not an error)");
        run(0, "delete", "--json", uids.get(0), uids.get(1), "1.2.3.4.5.6.7.8.9");
        counts();

        step("8. Delete all XML records; the instances stay, so MISSING = ALL for XML");
        run(0, "delete", "--xml", "--all");
        counts();

        // A quarter: instances already started when the cancel lands still finish (the engine keeps a
        // few per worker in flight), and the rest must be left for the resume to show.
        int part = Math.max(1, (ct + mr) / 4);
        step("9. Generate XML for MISSING, cancelled part-way: cancel after " + part
                + " instances, as Ctrl-C would (instances already in flight still finish)");
        run(ExitCodes.CANCELLED, "generate", "--xml", "--scope", "missing", "--threads", "1", "--batch-size", "1",
                "--cancel-after", Integer.toString(part));
        counts();

        step("10. Resume: generate XML for MISSING again finishes exactly the rest");
        run(0, "generate", "--xml", "--scope", "Missing");
        counts();

        step("11. Regenerate ALL JSON with keywords, twice: the second run writes the same bytes");
        run(0, "generate", "--json", "--scope", "all", "--keyword");
        byte[] first = capture("get", "--json", ctUid);
        run(0, "generate", "--json", "--scope", "all", "--keyword");
        byte[] second = capture("get", "--json", ctUid);
        boolean identical = first.length > 0 && java.util.Arrays.equals(first, second);
        context.out().println("get --json " + ctUid + " before and after the rerun: "
                + (identical ? "byte-identical (" + first.length + " bytes)" : "DIFFERENT"));
        if (!identical) {
            surprises.add("regenerating with the same flags changed the record of " + ctUid);
        }
        counts();

        step("12. For scripts: --output json");
        run(0, "count", "--json", "--scope", "missing", "--output", "json");
        run(0, "count", "--xml", "--output", "json");

        step("13. dump: convert a file with the codec directly, no store (excerpt)");
        excerpt("dump", "--json", "--pretty", "--keyword", ctFiles.get(0).toString());
        excerpt("dump", "--xml", "--ignore-all-data", mrFiles.get(0).toString());

        step("14. A non-DICOM file on import: named on standard error, exit code 1");
        run(1, "import", notDicom.toString());
        counts();
        out.println();
        out.println(surprises.isEmpty() ? "Demo finished: every step behaved as expected."
                : "Demo finished with surprises: " + surpriseSummary());
    }

    private String surpriseSummary() {
        return surprises.size() + " step(s) did not exit as expected; the first: " + surprises.get(0);
    }

    private void step(String title) {
        context.out().println();
        context.out().println("## " + title);
    }

    private void counts() {
        run(0, "count", "--json");
        run(0, "count", "--xml");
    }

    /** Runs one command line against the demo store, prints it and its exit code when not 0. */
    private int run(int expected, String... args) {
        return runTo(context, expected, args);
    }

    private int runTo(CliContext target, int expected, String... args) {
        List<String> full = new ArrayList<>();
        boolean usesStore = !args[0].equals("dump");
        if (usesStore) {
            full.add("--store");
            full.add(store);
        }
        full.addAll(List.of(args));
        context.out().println("$ dicom-metadata " + (usesStore ? "--store $STORE " : "") + display(args));
        context.out().flush();
        int code = Main.commandLine(target).execute(full.toArray(String[]::new));
        target.out().flush();
        if (code != 0) {
            context.out().println("(exit code " + code + ")");
        }
        if (code != expected) {
            surprises.add("'" + display(args) + "' exited with " + code + ", expected " + expected);
        }
        return code;
    }

    /** Runs a command quietly (nothing printed unless it fails) and returns its standard output. */
    private byte[] capture(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        List<String> full = new ArrayList<>(List.of("--store", store));
        full.addAll(List.of(args));
        int code = Main.commandLine(new CliContext(captured, context.err(), false, context.agents()))
                .execute(full.toArray(String[]::new));
        if (code != 0) {
            surprises.add("'" + display(args) + "' exited with " + code + ", expected 0");
        }
        return buffer.toByteArray();
    }

    /** Runs a command whose output is long and prints its first lines and its size. */
    private void excerpt(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        runTo(new CliContext(captured, context.err(), false, context.agents()), 0, args);
        String text = buffer.toString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        int shown = 0;
        for (String line : lines) {
            if (shown == EXCERPT_LINES) {
                break;
            }
            context.out().println(line.length() > EXCERPT_WIDTH ? line.substring(0, EXCERPT_WIDTH) + "..." : line);
            shown++;
        }
        context.out().println("    [" + buffer.size() + " bytes" + (lines.size() > shown ? ", "
                + (lines.size() - shown) + " more lines" : "") + "]");
    }

    private String display(String... args) {
        List<String> shown = new ArrayList<>();
        for (String a : args) {
            String s = a.startsWith(work.toString()) ? "$DEMO" + a.substring(work.toString().length()) : a;
            shown.add(s);
        }
        return String.join(" ", shown);
    }

    private void say(String line) {
        context.out().println(line);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the demo folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
