package org.mpm.device.openpaygo;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012) with a 128-bit key, returning the 64-bit result as a
 * long. The OpenPAYGO Token "code generation function" is built on it.
 */
final class SipHash24 {

  private SipHash24() {}

  static long hash(byte[] key, byte[] message) {
    if (key.length != 16) {
      throw new IllegalArgumentException("SipHash needs a 16-byte key, got " + key.length + " bytes");
    }
    long k0 = readLittleEndian(key, 0, 8);
    long k1 = readLittleEndian(key, 8, 8);
    long[] v = {
      0x736f6d6570736575L ^ k0, 0x646f72616e646f6dL ^ k1,
      0x6c7967656e657261L ^ k0, 0x7465646279746573L ^ k1
    };
    int fullBlocks = message.length / 8;
    for (int block = 0; block < fullBlocks; block++) {
      compress(v, readLittleEndian(message, block * 8, 8));
    }
    int tail = message.length % 8;
    long lastBlock = ((long) (message.length & 0xff) << 56)
        | readLittleEndian(message, fullBlocks * 8, tail);
    compress(v, lastBlock);
    v[2] ^= 0xff;
    for (int i = 0; i < 4; i++) {
      sipRound(v);
    }
    return v[0] ^ v[1] ^ v[2] ^ v[3];
  }

  private static void compress(long[] v, long m) {
    v[3] ^= m;
    sipRound(v);
    sipRound(v);
    v[0] ^= m;
  }

  private static void sipRound(long[] v) {
    v[0] += v[1];
    v[1] = Long.rotateLeft(v[1], 13) ^ v[0];
    v[0] = Long.rotateLeft(v[0], 32);
    v[2] += v[3];
    v[3] = Long.rotateLeft(v[3], 16) ^ v[2];
    v[0] += v[3];
    v[3] = Long.rotateLeft(v[3], 21) ^ v[0];
    v[2] += v[1];
    v[1] = Long.rotateLeft(v[1], 17) ^ v[2];
    v[2] = Long.rotateLeft(v[2], 32);
  }

  private static long readLittleEndian(byte[] bytes, int offset, int length) {
    long result = 0;
    for (int i = length - 1; i >= 0; i--) {
      result = (result << 8) | (bytes[offset + i] & 0xffL);
    }
    return result;
  }
}
