package org.dicommeta.core;

import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.io.DicomFile;
import org.dicommeta.codec.io.Part10Reader;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.domain.InvalidDicomException;
import org.dicommeta.domain.MetadataException;
import org.dicommeta.domain.SourceNotFoundException;
import org.dicommeta.domain.SourceUnreadableException;

/**
 * Reads Part 10 sources (PS3.10 §7) with dicom-codec and translates the codec's failures into the
 * domain's: a missing file becomes {@link SourceNotFoundException}, any other I/O failure
 * {@link SourceUnreadableException}, malformed content {@link InvalidDicomException} with the byte offset.
 * Sources are absolute file paths or {@code file:} URIs; other schemes are a documented gap and fail
 * as unreadable with a reason that says so.
 */
final class Part10Sources {

    /** A URI scheme of two or more characters, so that a Windows drive letter ("C:\...") is still a path. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);

    private Part10Sources() {
    }

    /** The read the requested formats need: everything when one writes binary values inline. */
    static ReadOptions readOptions(boolean fullRead) {
        return fullRead ? ReadOptions.full() : ReadOptions.headerOnly();
    }

    /** {@link SourceLoader} over the file system. */
    static DicomFile load(String source, boolean fullRead) {
        return read(toPath(source), source, fullRead);
    }

    /** Reads {@code file}; {@code source} is how errors name it. */
    static DicomFile read(Path file, String source, boolean fullRead) {
        try {
            return Part10Reader.read(file, readOptions(fullRead));
        } catch (RuntimeException e) {
            throw translate(e, source);
        }
    }

    /** Reads {@code in} to its end without closing it. */
    static DicomFile read(InputStream in, String source, boolean fullRead) {
        InputStream unclosable = new FilterInputStream(in) {
            @Override
            public void close() {
                // The caller owns the stream.
            }
        };
        try {
            DicomFile file = Part10Reader.read(unclosable, source, readOptions(fullRead));
            // A header-only read may stop before the end; the contract reads the stream to its end.
            unclosable.transferTo(java.io.OutputStream.nullOutputStream());
            return file;
        } catch (IOException e) {
            throw new SourceUnreadableException(source, e);
        } catch (RuntimeException e) {
            throw translate(e, source);
        }
    }

    /** The path of an absolute path or {@code file:} URI source. */
    static Path toPath(String source) {
        if (source == null || source.isBlank()) {
            throw new SourceNotFoundException(String.valueOf(source), null);
        }
        try {
            if (source.regionMatches(true, 0, "file:", 0, 5)) {
                return Path.of(URI.create(source));
            }
            if (SCHEME.matcher(source).matches()) {
                String scheme = source.substring(0, source.indexOf(':'));
                throw new SourceUnreadableException(source, new UnsupportedOperationException(
                        "core loads file paths and file: URIs only; scheme '" + scheme + ":' is not supported"));
            }
            return Path.of(source);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new SourceUnreadableException(source, new IllegalArgumentException(
                    "not a valid file path or file: URI (" + e.getMessage() + ")", e));
        }
    }

    /** The codec's or the JDK's exception as the domain's, naming {@code source}. */
    static RuntimeException translate(RuntimeException e, String source) {
        if (e instanceof MetadataException m) {
            return m;
        }
        if (e instanceof org.dicommeta.codec.InvalidDicomException invalid) {
            return new InvalidDicomException(source, invalid.offset(), problem(invalid), invalid);
        }
        if (e instanceof DicomCodecException codec) {
            return new InvalidDicomException(source, -1, codec.getMessage(), codec);
        }
        if (e instanceof UncheckedIOException io) {
            IOException cause = io.getCause();
            if (cause instanceof NoSuchFileException || cause instanceof FileNotFoundException) {
                return new SourceNotFoundException(source, io);
            }
            return new SourceUnreadableException(source, cause);
        }
        return new SourceUnreadableException(source, e);
    }

    /** The codec's message without the "Invalid DICOM in X at byte offset N: " the domain adds again. */
    static String problem(org.dicommeta.codec.InvalidDicomException e) {
        String message = String.valueOf(e.getMessage());
        String prefix = "Invalid DICOM in " + e.source() + (e.offset() >= 0 ? " at byte offset " + e.offset() : "")
                + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
