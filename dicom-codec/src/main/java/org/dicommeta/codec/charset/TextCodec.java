package org.dicommeta.codec.charset;

import org.dicommeta.codec.VR;

/**
 * Decodes and encodes the values of the VRs that Specific Character Set (0008,0005) governs
 * (PS3.5 §6.1.2.3) in one repertoire. Implementations are immutable and thread-safe; decoding never
 * throws on malformed bytes and yields at most one char per input byte.
 */
sealed interface TextCodec permits JdkTextCodec, SingleByteTextCodec, Iso2022TextCodec {

    String decode(byte[] bytes, int offset, int length, VR vr);

    byte[] encode(String value, VR vr);
}
