package org.mpm.device.openpaygo;

import java.util.Objects;

/**
 * Generates OpenPAYGO Tokens (specification v2.3) on the server side.
 *
 * <p>A token is the device's starting code with the value masked into its last 3 digits (6 for
 * extended tokens), passed {@code newCount} times through the code generation function, with the
 * masked value put back in the last digits ("Encoding of the value", "Description of the code
 * generation function"). The device finds the count and the value by repeating the same steps.
 */
public final class OpenPaygoTokenEncoder {

  /** Highest ADD_TIME / SET_TIME value of a standard token ("Code Values Table"). */
  public static final int MAX_ACTIVATION_VALUE = 995;
  /** Highest ADD_TIME / SET_TIME value of an extended token (6 digits of value). */
  public static final int MAX_EXTENDED_ACTIVATION_VALUE = 999_999;
  /** Reserved value of a DISABLE_PAYG token. */
  public static final int DISABLE_PAYG_VALUE = 998;
  /** Reserved value of a COUNTER_SYNC token. */
  public static final int COUNTER_SYNC_VALUE = 999;

  private static final long STANDARD_VALUE_MODULUS = 1_000L;
  private static final long EXTENDED_VALUE_MODULUS = 1_000_000L;
  private static final int STANDARD_TOKEN_BITS = 30;
  private static final int EXTENDED_TOKEN_BITS = 40;

  private OpenPaygoTokenEncoder() {}

  /**
   * Generates an ADD_TIME or SET_TIME token.
   *
   * @param config the device set-up
   * @param currentCount the count of the last token generated for the device (its initial count if
   *     none yet)
   * @param type ADD_TIME or SET_TIME
   * @param rawValue the value written in the token, already multiplied by the time divider (see
   *     {@link OpenPaygoConfig#toRawValue(double)}): 0 to 995, or 0 to 999,999 for extended tokens
   * @return the token and the count to store for the device
   * @throws IllegalArgumentException for a type without value, a value out of range or a negative
   *     count
   */
  public static GeneratedToken generate(
      OpenPaygoConfig config, int currentCount, OpenPaygoTokenType type, int rawValue) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(type, "type");
    if (!type.carriesValue()) {
      throw new IllegalArgumentException(
          type + " tokens carry no value; use generate(config, currentCount, type)");
    }
    int maxValue = config.extendedToken() ? MAX_EXTENDED_ACTIVATION_VALUE : MAX_ACTIVATION_VALUE;
    if (rawValue < 0 || rawValue > maxValue) {
      throw new IllegalArgumentException(
          "The value of " + (config.extendedToken() ? "an extended " : "a ") + type
              + " token must be between 0 and " + maxValue + ", got " + rawValue);
    }
    return encode(config, currentCount, type, rawValue);
  }

  /**
   * Generates a DISABLE_PAYG token (value 998) or a COUNTER_SYNC token (value 999).
   *
   * @throws IllegalArgumentException for ADD_TIME / SET_TIME (they need a value) or a negative count
   */
  public static GeneratedToken generate(
      OpenPaygoConfig config, int currentCount, OpenPaygoTokenType type) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(type, "type");
    int value = switch (type) {
      case DISABLE_PAYG -> DISABLE_PAYG_VALUE;
      case COUNTER_SYNC -> COUNTER_SYNC_VALUE;
      case ADD_TIME, SET_TIME -> throw new IllegalArgumentException(
          type + " tokens need a value; use generate(config, currentCount, type, rawValue)");
    };
    return encode(config, currentCount, type, value);
  }

  /**
   * The count of the next token of a type: ADD_TIME tokens take the next even count, every other
   * type the next odd count, always above {@code currentCount}.
   */
  public static int nextCount(int currentCount, OpenPaygoTokenType type) {
    Objects.requireNonNull(type, "type");
    if (currentCount < 0 || currentCount > Integer.MAX_VALUE - 2) {
      throw new IllegalArgumentException("The count must be between 0 and " + (Integer.MAX_VALUE - 2)
          + ", got " + currentCount);
    }
    boolean wantOdd = type != OpenPaygoTokenType.ADD_TIME;
    boolean nextIsOdd = (currentCount + 1) % 2 == 1;
    return nextIsOdd == wantOdd ? currentCount + 1 : currentCount + 2;
  }

  private static GeneratedToken encode(
      OpenPaygoConfig config, int currentCount, OpenPaygoTokenType type, int value) {
    int newCount = nextCount(currentCount, type);
    boolean extended = config.extendedToken();
    long modulus = extended ? EXTENDED_VALUE_MODULUS : STANDARD_VALUE_MODULUS;
    byte[] key = config.secretKey();

    long maskedBase = (config.startingCode() % modulus + value) % modulus;
    long code = withBase(config.startingCode(), maskedBase, modulus);
    for (int i = 0; i < newCount; i++) {
      code = extended ? nextExtendedCode(code, key) : nextStandardCode(code, key);
    }
    long token = withBase(code, maskedBase, modulus);

    String digits;
    if (config.restrictedDigitSet()) {
      digits = toRestrictedDigits(token, extended ? EXTENDED_TOKEN_BITS : STANDARD_TOKEN_BITS);
    } else {
      digits = extended ? String.format("%012d", token) : String.format("%09d", token);
    }
    return new GeneratedToken(digits, newCount);
  }

  /** Replaces the last digits of a code (3, or 6 for extended tokens) with the masked value. */
  private static long withBase(long code, long base, long modulus) {
    return code - code % modulus + base;
  }

  /**
   * The code generation function of standard tokens: the 32-bit code written twice big-endian, hashed
   * with SipHash-2-4, the two 32-bit halves of the hash XORed, 30 bits kept and values over 999,999,999
   * brought back under it ("29.5 bits"). The kept bits are bits 2 to 31: the spec's prose speaks of
   * dropping the 2 most significant bits, but the published token vectors drop the 2 least significant.
   */
  static long nextStandardCode(long code, byte[] key) {
    byte[] message = new byte[8];
    for (int i = 0; i < 4; i++) {
      byte b = (byte) (code >>> (24 - 8 * i));
      message[i] = b;
      message[i + 4] = b;
    }
    long hash = SipHash24.hash(key, message);
    int folded = (int) (hash >>> 32) ^ (int) hash;
    long next = (folded >>> 2) & 0x3FFF_FFFFL;
    return next > 999_999_999L ? next - 73_741_825L : next;
  }

  /**
   * The code generation function of extended tokens: the code as a 64-bit big-endian integer hashed
   * with SipHash-2-4, keeping hash bits 24 to 63 (40 bits) and bringing values over 999,999,999,999
   * back under it.
   */
  static long nextExtendedCode(long code, byte[] key) {
    byte[] message = new byte[8];
    for (int i = 0; i < 8; i++) {
      message[i] = (byte) (code >>> (56 - 8 * i));
    }
    long hash = SipHash24.hash(key, message);
    long next = (hash >>> 24) & 0xFF_FFFF_FFFFL;
    return next > 999_999_999_999L ? next - 99_511_627_777L : next;
  }

  /**
   * "Restricted Digit Set Mode": the token as an unsigned integer of {@code bits} bits, read 2 bits at
   * a time from the most significant end, each pair written as a digit 1 to 4.
   */
  static String toRestrictedDigits(long token, int bits) {
    StringBuilder digits = new StringBuilder(bits / 2);
    for (int shift = bits - 2; shift >= 0; shift -= 2) {
      digits.append((char) ('1' + ((token >>> shift) & 3)));
    }
    return digits.toString();
  }
}
