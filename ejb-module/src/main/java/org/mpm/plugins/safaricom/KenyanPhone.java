package org.mpm.plugins.safaricom;

import java.util.regex.Pattern;

/**
 * A Kenyan mobile number as M-Pesa takes it: {@code 0712…}, {@code 712…}, {@code 254712…} or {@code +254712…},
 * stored as E.164 ({@code +254712345678}) and sent to Daraja without the plus.
 */
public final class KenyanPhone {

  private static final Pattern NATIONAL = Pattern.compile("[17]\\d{8}");

  private KenyanPhone() {}

  /** The number in E.164, or null when it is not a Kenyan mobile number. */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.replaceAll("[\\s()\\-.]", "");
    if (s.startsWith("+254")) {
      s = s.substring(4);
    } else if (s.startsWith("254") && s.length() == 12) {
      s = s.substring(3);
    } else if (s.startsWith("0") && s.length() == 10) {
      s = s.substring(1);
    }
    return NATIONAL.matcher(s).matches() ? "+254" + s : null;
  }

  /** The E.164 number as Daraja wants it (digits only). */
  public static String forDaraja(String e164) {
    return e164.startsWith("+") ? e164.substring(1) : e164;
  }
}
