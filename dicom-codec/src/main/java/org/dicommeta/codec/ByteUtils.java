package org.dicommeta.codec;

/** Little-endian reads and writes on byte arrays, shared by the model and the codec. */
final class ByteUtils {

    private ByteUtils() {
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static int s32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | b[off + 3] << 24;
    }

    static long s64(byte[] b, int off) {
        return (s32(b, off) & 0xFFFFFFFFL) | (long) s32(b, off + 4) << 32;
    }

    static float f32(byte[] b, int off) {
        return Float.intBitsToFloat(s32(b, off));
    }

    static double f64(byte[] b, int off) {
        return Double.longBitsToDouble(s64(b, off));
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
    }

    static void put32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
        b[off + 2] = (byte) (v >> 16);
        b[off + 3] = (byte) (v >> 24);
    }

    static void put64(byte[] b, int off, long v) {
        put32(b, off, (int) v);
        put32(b, off + 4, (int) (v >> 32));
    }
}
