/**
 * DICOM Part 10 input and output (PS3.10 §7, PS3.5 §7 and Annex A): {@link
 * org.dicommeta.codec.io.Part10Reader} parses files and streams (with or without preamble and meta,
 * every uncompressed, deflated and encapsulated transfer syntax, header-only mode with bulk data
 * references) into the data model; {@link org.dicommeta.codec.io.Part10Writer} writes it back.
 * An inbound adapter of the codec: it depends on the model and the dictionary, and nothing in the
 * model depends on it.
 */
package org.dicommeta.codec.io;
