package org.dicommeta.core;

import org.dicommeta.codec.DataSet;
import org.dicommeta.domain.RenderOptions;

/**
 * Turns a data set into the bytes of one metadata record. The engine takes it as a parameter so its
 * tests can count or fail renders; production uses {@link CodecRenderer}. Implementations are
 * stateless and thread-safe.
 */
@FunctionalInterface
interface Renderer {

    /**
     * @throws org.dicommeta.codec.DicomCodecException when the data set cannot be rendered with these options
     */
    byte[] render(DataSet dataSet, RenderOptions options);
}
