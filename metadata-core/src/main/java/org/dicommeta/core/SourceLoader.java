package org.dicommeta.core;

import org.dicommeta.codec.io.DicomFile;

/**
 * Loads an instance again from its stored source during generation. Production uses
 * {@link Part10Sources#load(String, boolean)}; tests inject loaders that fail on purpose.
 * Implementations are thread-safe.
 */
@FunctionalInterface
interface SourceLoader {

    /**
     * @param source   the instance's source: an absolute file path or a {@code file:} URI
     * @param fullRead whether binary values must be read into memory (a requested format writes them inline)
     * @throws org.dicommeta.domain.SourceNotFoundException   when the source does not exist
     * @throws org.dicommeta.domain.SourceUnreadableException when it exists but cannot be read, or its
     *                                                        scheme is not one core can load
     * @throws org.dicommeta.domain.InvalidDicomException     when it is not valid DICOM
     */
    DicomFile load(String source, boolean fullRead);
}
