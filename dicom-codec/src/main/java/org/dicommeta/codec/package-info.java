/**
 * The DICOM data model of the codec: value representations ({@link org.dicommeta.codec.VR}),
 * tags and UIDs of the standard ({@link org.dicommeta.codec.Tag}, {@link org.dicommeta.codec.UID}),
 * data sets and their elements ({@link org.dicommeta.codec.DataSet},
 * {@link org.dicommeta.codec.Element}) with sequences, encapsulated fragments and bulk data
 * references, and the codec's exceptions. It is the only part of the codec the pure domain of the
 * hexagon (metadata-domain) may depend on, so it depends on nothing but the JDK; the dictionary,
 * character sets, Part 10 and JSON/XML codecs live in sub-packages that depend on it, never the
 * other way round.
 */
package org.dicommeta.codec;
