package org.mpm.device.openpaygo;

import java.util.HexFormat;
import java.util.Locale;

/**
 * The OpenPAYGO Token set-up of one device (spec v2.3, "Description of the Device Setup parameters").
 *
 * @param secretKeyHex the 16-byte secret key as 32 hexadecimal characters
 * @param startingCode the device's starting code, at most 9 digits
 * @param timeDivider units of value per day of activation, 1 to 255 ("Time Divider and Activation
 *     Time"); only used by {@link #toRawValue(double)}
 * @param restrictedDigitSet whether tokens use only the digits 1 to 4 ("Restricted Digit Set Mode")
 * @param extendedToken whether tokens are the 12-digit extended kind carrying a 6-digit value
 */
public record OpenPaygoConfig(
    String secretKeyHex,
    long startingCode,
    int timeDivider,
    boolean restrictedDigitSet,
    boolean extendedToken) {

  public static final long MAX_STARTING_CODE = 999_999_999L;
  public static final int MAX_TIME_DIVIDER = 255;

  public OpenPaygoConfig {
    if (secretKeyHex == null) {
      throw new IllegalArgumentException("The secret key is required (16 bytes as 32 hexadecimal characters)");
    }
    secretKeyHex = secretKeyHex.strip().toLowerCase(Locale.ROOT);
    if (secretKeyHex.length() != 32 || !secretKeyHex.matches("[0-9a-f]+")) {
      throw new IllegalArgumentException(
          "The secret key must be 16 bytes written as 32 hexadecimal characters, got "
              + secretKeyHex.length() + " characters");
    }
    if (startingCode < 0 || startingCode > MAX_STARTING_CODE) {
      throw new IllegalArgumentException(
          "The starting code must be between 0 and " + MAX_STARTING_CODE + ", got " + startingCode);
    }
    if (timeDivider < 1 || timeDivider > MAX_TIME_DIVIDER) {
      throw new IllegalArgumentException(
          "The time divider must be between 1 and " + MAX_TIME_DIVIDER + ", got " + timeDivider);
    }
  }

  /** A standard set-up: time divider 1, all digits, 9-digit tokens. */
  public static OpenPaygoConfig standard(String secretKeyHex, long startingCode) {
    return new OpenPaygoConfig(secretKeyHex, startingCode, 1, false, false);
  }

  /** The secret key bytes (a fresh copy). */
  public byte[] secretKey() {
    return HexFormat.of().parseHex(secretKeyHex);
  }

  /**
   * The raw token value for an activation time in days: days times the time divider, rounded half to
   * even. Range checks happen when the token is generated.
   */
  public int toRawValue(double days) {
    if (!Double.isFinite(days) || days < 0) {
      throw new IllegalArgumentException("The activation time must be a non-negative number of days, got " + days);
    }
    double raw = Math.rint(days * timeDivider);
    if (raw > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("The activation time is too large: " + days + " days");
    }
    return (int) raw;
  }

  @Override
  public String toString() {
    // Keep the secret out of logs.
    return "OpenPaygoConfig[startingCode=" + startingCode + ", timeDivider=" + timeDivider
        + ", restrictedDigitSet=" + restrictedDigitSet + ", extendedToken=" + extendedToken + "]";
  }
}
