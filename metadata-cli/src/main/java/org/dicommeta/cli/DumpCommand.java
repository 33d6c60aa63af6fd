package org.dicommeta.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.io.DicomFile;
import org.dicommeta.codec.io.Part10Reader;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.core.MetadataRendering;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.RenderOptions;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dump}: converts Part 10 files with the codec, without a store. One file goes to standard
 * output; with {@code --output-dir} each file goes to {@code DIR/<file name>.json} (or {@code .xml}),
 * and a file that fails is reported while the rest go on.
 */
@Command(name = "dump", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Converts DICOM Part 10 files to DICOM JSON or Native DICOM Model XML without a store.",
                "One FILE: to standard output. With --output-dir: DIR/<file name>.json or .xml per FILE."})
final class DumpCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    OneFormat format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Part 10 files.")
    List<Path> files;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Write each FILE's result to DIR/<file name>.json (or .xml); DIR is created.")
    Path outputDir;

    @Mixin
    RenderFlags flags;

    @Override
    public Integer call() {
        MetadataFormat f = format.format();
        MetadataOptions options = flags.metadataOptions(f == MetadataFormat.JSON, f == MetadataFormat.XML);
        RenderOptions render = options.get(f).orElseThrow();
        Converter converter = new Converter(render);
        CliContext context = root.context();
        if (outputDir == null) {
            if (files.size() != 1) {
                throw new CommandLine.ParameterException(flags.mixee.commandLine(),
                        files.size() + " files given: with more than one FILE, name an --output-dir");
            }
            Path file = files.get(0);
            try {
                byte[] bytes = converter.convert(file);
                context.out().write(bytes, 0, bytes.length);
                if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                    context.out().println();
                }
                context.out().flush();
                return ExitCodes.OK;
            } catch (DicomCodecException | UncheckedIOException e) {
                context.err().println("failed " + file + ": " + Errors.oneLine(e));
                return ExitCodes.SOME_FAILED;
            }
        }
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create output folder " + outputDir + ": " + e.getMessage(), e);
        }
        int failed = 0;
        int written = 0;
        Map<Path, Path> targets = new HashMap<>();
        for (Path file : files) {
            Path target = outputDir.resolve(file.getFileName() + "." + f.extension());
            Path earlier = targets.putIfAbsent(target, file);
            if (earlier != null) {
                failed++;
                context.err().println("failed " + file + ": its output " + target + " would replace that of "
                        + earlier);
                continue;
            }
            try {
                writeAtomically(target, converter.convert(file));
                written++;
            } catch (DicomCodecException | UncheckedIOException e) {
                failed++;
                context.err().println("failed " + file + ": " + Errors.oneLine(e));
            }
        }
        context.out().println("Converted " + written + " of " + files.size() + " files to " + f.name() + " in "
                + outputDir + (failed > 0 ? "; " + failed + " failed" : ""));
        return failed > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /** A temp file renamed into place, so an interrupted dump never leaves half a document. */
    private static void writeAtomically(Path target, byte[] bytes) {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; that is the error worth reporting
            }
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a file (header-only when no binary value is written) and renders it with core's
     * {@link MetadataRendering}, so a dump is byte for byte what {@code generate} would store.
     */
    static final class Converter {
        private final RenderOptions render;
        private final ReadOptions readOptions;

        Converter(RenderOptions render) {
            this.render = render;
            this.readOptions = MetadataRendering.readOptionsFor(render);
        }

        byte[] convert(Path file) {
            if (Files.isDirectory(file)) {
                throw new UncheckedIOException(file + " is a folder, not a file",
                        new IOException("is a directory: " + file));
            }
            DicomFile dicom = Part10Reader.read(file, readOptions);
            return MetadataRendering.render(dicom.dataSet(), render);
        }
    }
}
