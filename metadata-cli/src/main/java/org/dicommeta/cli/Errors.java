package org.dicommeta.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.domain.MetadataException;
import org.dicommeta.domain.Secrets;

/** Turns an exception into the one line the command line prints for it. */
final class Errors {

    private Errors() {
    }

    /**
     * One line: the typed exception's own message (it names the file, UID or URI), with any password
     * masked and line breaks folded, so a script reading standard error sees exactly one line per error.
     */
    static String oneLine(Throwable e) {
        Throwable t = e;
        if (t instanceof UncheckedIOException && t.getCause() != null
                && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
            // new UncheckedIOException(cause) only repeats the cause; its type says more than ours.
            t = t.getCause();
        }
        String message = t.getMessage();
        String text;
        if (t instanceof NoSuchFileException) {
            text = "No such file: " + message;
        } else if (t instanceof AccessDeniedException) {
            text = "Permission denied: " + message;
        } else if (t instanceof NotDirectoryException) {
            text = "Not a directory: " + message;
        } else if (t instanceof FileAlreadyExistsException) {
            text = "File exists: " + message;
        } else if (message == null || message.isBlank()) {
            text = t.getClass().getSimpleName();
        } else if (t instanceof MetadataException || t instanceof DicomCodecException
                || t instanceof IllegalArgumentException || t instanceof UncheckedIOException) {
            // Typed messages written to be read: they name the file, UID or URI themselves.
            text = message;
        } else {
            text = t.getClass().getSimpleName() + ": " + message;
        }
        return fold(text);
    }

    /** The text with any password masked and its line breaks folded into spaces. */
    static String fold(String text) {
        return Secrets.mask(text == null ? "" : text).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
