package org.dicommeta.domain;

/** An instance's source (a file or URI) does not exist or cannot be opened. */
public class SourceNotFoundException extends NotFoundException {

    public SourceNotFoundException(String source, Throwable cause) {
        super("Source not found: " + Secrets.mask(source), Secrets.mask(source), cause);
    }

    public String source() {
        return what();
    }
}
