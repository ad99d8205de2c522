package org.mpm.rest;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as MPM checks and stores an address's phone: laravel-phone's {@code phone:INTERNATIONAL} rule and
 * its {@code E164PhoneNumberCast}, both on Google's libphonenumber (which laravel-phone uses in its PHP port).
 */
final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /**
   * The number in E.164 ({@code +255713000001}) when it is written in international form (with its country code
   * after a {@code +}; spaces, dashes and brackets may separate the digits) and is a valid number of that country;
   * null otherwise.
   */
  static String e164(String text) {
    if (text == null) {
      return null;
    }
    try {
      PhoneNumber number = UTIL.parse(text, null);
      String region = UTIL.getRegionCodeForNumber(number);
      return region != null && UTIL.isValidNumberForRegion(number, region)
          ? UTIL.format(number, PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }
}
