package org.mpm.device.openpaygo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * A device-side OpenPAYGO Token decoder (spec v2.3; shared with the system tests as this module's test jar),
 * written separately from the encoder so that the tests check the encoder against the specification and not
 * against itself. It shares no code with the encoder, not even SipHash.
 *
 * <p>Follows "Decoding the code on the device": the value is read from the last digits, then the
 * starting code carrying that value is passed through the code generation function for counts 0 up to
 * the last count plus the look-ahead (64, or 100 for a Counter Sync token), comparing at each count.
 * A match is accepted per "Entry of Unused Older Tokens (Unordered)" and "Counter Synchronisation
 * feature":
 *
 * <ul>
 *   <li>a count the device has already used is refused, whatever the type;
 *   <li>a count above the last count is accepted;
 *   <li>an older Add Time token is accepted if its count is less than 16 below the last count and
 *       above the count of the last Set Time / Disable PAYG / Counter Sync token;
 *   <li>a Counter Sync token is accepted if its count is above the last count minus 64 (and at most
 *       100 above it, the look-ahead), and sets the device count to its count; counts above it that
 *       were used become usable again.
 * </ul>
 *
 * <p>Types come from the count parity (even: Add Time, odd: the others) and, for standard tokens, the
 * reserved values 998 (Disable PAYG) and 999 (Counter Sync). Extended tokens only have Add Time and Set
 * Time.
 */
public final class OpenPaygoReferenceDecoder {

  static final int MAX_TOKEN_JUMP = 64;
  static final int MAX_TOKEN_JUMP_COUNTER_SYNC = 100;
  static final int MAX_UNUSED_OLDER_TOKENS = 16;

  public enum Kind { ADD_TIME, SET_TIME, DISABLE_PAYG, COUNTER_SYNC }

  public enum Outcome { ACCEPTED, ALREADY_USED, INVALID }

  public record Result(Outcome outcome, Kind kind, int value, int count) {
    static Result of(Outcome outcome) {
      return new Result(outcome, null, -1, -1);
    }
  }

  private final byte[] key;
  private final long startingCode;
  private final boolean restrictedDigitSet;
  private final boolean extendedToken;
  private int lastCount;
  /** Counts at or below this are closed to everything but a Counter Sync token. */
  private int floorCount;
  private final Set<Integer> usedCounts = new HashSet<>();

  public OpenPaygoReferenceDecoder(String keyHex, long startingCode, boolean restrictedDigitSet,
      boolean extendedToken, int initialCount) {
    this.key = HexFormat.of().parseHex(keyHex);
    this.startingCode = startingCode;
    this.restrictedDigitSet = restrictedDigitSet;
    this.extendedToken = extendedToken;
    this.lastCount = initialCount;
    this.floorCount = initialCount;
  }

  public int lastCount() {
    return lastCount;
  }

  /** Enters a token on the device, updating its count state when the token is accepted. */
  public Result enter(String entered) {
    Long parsed = parse(entered);
    if (parsed == null) {
      return Result.of(Outcome.INVALID);
    }
    long token = parsed;
    long modulus = extendedToken ? 1_000_000L : 1_000L;
    long tokenBase = token % modulus;
    int value = (int) Math.floorMod(tokenBase - startingCode % modulus, modulus);
    boolean counterSyncValue = !extendedToken && value == 999;
    int lookAhead = counterSyncValue ? MAX_TOKEN_JUMP_COUNTER_SYNC : MAX_TOKEN_JUMP;

    long code = startingCode / modulus * modulus + tokenBase;
    boolean matchedButRefused = false;
    for (int count = 0; count <= lastCount + lookAhead; count++) {
      if (code / modulus * modulus + tokenBase == token) {
        Kind kind = kindOf(count, value);
        if (acceptable(count, kind)) {
          record(count, kind);
          return new Result(Outcome.ACCEPTED, kind, value, count);
        }
        matchedButRefused = true;
      }
      code = extendedToken ? nextExtended(code) : nextStandard(code);
    }
    return Result.of(matchedButRefused ? Outcome.ALREADY_USED : Outcome.INVALID);
  }

  private Long parse(String entered) {
    if (entered == null) {
      return null;
    }
    if (restrictedDigitSet) {
      int expected = extendedToken ? 20 : 15;
      if (entered.length() != expected || !entered.matches("[1-4]+")) {
        return null;
      }
      long bits = 0;
      for (char c : entered.toCharArray()) {
        bits = bits << 2 | (c - '1');
      }
      return bits;
    }
    int expected = extendedToken ? 12 : 9;
    if (entered.length() != expected || !entered.matches("[0-9]+")) {
      return null;
    }
    return Long.parseLong(entered);
  }

  private Kind kindOf(int count, int value) {
    if (count % 2 == 0) {
      return Kind.ADD_TIME;
    }
    if (!extendedToken && value == 999) {
      return Kind.COUNTER_SYNC;
    }
    if (!extendedToken && value == 998) {
      return Kind.DISABLE_PAYG;
    }
    return Kind.SET_TIME;
  }

  private boolean acceptable(int count, Kind kind) {
    if (usedCounts.contains(count)) {
      return false;
    }
    if (kind == Kind.COUNTER_SYNC) {
      return count > lastCount - MAX_TOKEN_JUMP;
    }
    if (count > lastCount) {
      return true;
    }
    return kind == Kind.ADD_TIME && count > lastCount - MAX_UNUSED_OLDER_TOKENS && count > floorCount;
  }

  private void record(int count, Kind kind) {
    switch (kind) {
      case ADD_TIME -> lastCount = Math.max(lastCount, count);
      case SET_TIME, DISABLE_PAYG -> {
        lastCount = count;
        floorCount = count;
      }
      case COUNTER_SYNC -> {
        // Counts above the new count become usable again: that is what the sync is for.
        usedCounts.removeIf(used -> used > count);
        lastCount = count;
        floorCount = count;
      }
    }
    usedCounts.add(count);
  }

  /** "Description of the code generation function", 9-digit tokens. */
  private long nextStandard(long code) {
    ByteBuffer message = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
    message.putInt((int) code).putInt((int) code);
    long hash = Sip.hash(key, message.array());
    long xored = ((hash >>> 32) ^ hash) & 0xFFFF_FFFFL;
    // The prose of the spec says the 2 most significant bits are dropped, but the published token
    // vectors are only reproduced by dropping the 2 least significant ones (keeping bits 2 to 31).
    long thirtyBits = xored >>> 2;
    return thirtyBits > 999_999_999L ? thirtyBits - 73_741_825L : thirtyBits;
  }

  /** The same for 12-digit extended tokens: 64-bit input, 40 bits of output. */
  private long nextExtended(long code) {
    ByteBuffer message = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(code);
    long hash = Sip.hash(key, message.array());
    long fortyBits = hash >>> 24;
    return fortyBits > 999_999_999_999L ? fortyBits - 99_511_627_777L : fortyBits;
  }

  /** An independent SipHash-2-4. */
  static final class Sip {
    private long v0;
    private long v1;
    private long v2;
    private long v3;

    static long hash(byte[] key, byte[] data) {
      ByteBuffer k = ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN);
      long k0 = k.getLong();
      long k1 = k.getLong();
      Sip s = new Sip();
      s.v0 = k0 ^ 0x736f6d6570736575L;
      s.v1 = k1 ^ 0x646f72616e646f6dL;
      s.v2 = k0 ^ 0x6c7967656e657261L;
      s.v3 = k1 ^ 0x7465646279746573L;

      int padded = (data.length / 8 + 1) * 8;
      ByteBuffer words = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
      words.put(data);
      words.put(padded - 1, (byte) data.length);
      words.rewind();
      while (words.hasRemaining()) {
        long m = words.getLong();
        s.v3 ^= m;
        s.round();
        s.round();
        s.v0 ^= m;
      }
      s.v2 ^= 0xffL;
      for (int i = 0; i < 4; i++) {
        s.round();
      }
      return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
    }

    private void round() {
      v0 += v1;
      v2 += v3;
      v1 = Long.rotateLeft(v1, 13);
      v3 = Long.rotateLeft(v3, 16);
      v1 ^= v0;
      v3 ^= v2;
      v0 = Long.rotateLeft(v0, 32);
      v2 += v1;
      v0 += v3;
      v1 = Long.rotateLeft(v1, 17);
      v3 = Long.rotateLeft(v3, 21);
      v1 ^= v2;
      v3 ^= v0;
      v2 = Long.rotateLeft(v2, 32);
    }
  }
}
