package org.mpm.plugin;

import java.util.ArrayList;
import java.util.List;

/**
 * The Hashids algorithm (hashids.org, as the PHP library MPM uses): short reversible ids from non-negative numbers,
 * keyed by a salt, padded to a minimum length. Public payment links carry a company id encoded this way
 * ({@code ?ct=}), so a link never shows the raw id.
 */
public final class Hashids {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890";
  private static final String SEPS = "cfhistuCFHISTU";
  private static final double SEP_DIV = 3.5;
  private static final int GUARD_DIV = 12;

  private final String salt;
  private final int minLength;
  private final String alphabet;
  private final String seps;
  private final String guards;

  public Hashids(String salt, int minLength) {
    this(salt, minLength, ALPHABET);
  }

  public Hashids(String salt, int minLength, String alphabetChars) {
    this.salt = salt == null ? "" : salt;
    this.minLength = minLength;
    StringBuilder unique = new StringBuilder();
    for (char c : alphabetChars.toCharArray()) {
      if (unique.indexOf(String.valueOf(c)) < 0) {
        unique.append(c);
      }
    }
    StringBuilder sepsB = new StringBuilder();
    for (char c : SEPS.toCharArray()) {
      if (unique.indexOf(String.valueOf(c)) >= 0) {
        sepsB.append(c);
      }
    }
    String alpha = unique.toString();
    for (char c : sepsB.toString().toCharArray()) {
      alpha = alpha.replace(String.valueOf(c), "");
    }
    String s = shuffle(sepsB.toString(), this.salt);
    if (s.isEmpty() || (double) alpha.length() / s.length() > SEP_DIV) {
      int sepsLength = (int) Math.ceil(alpha.length() / SEP_DIV);
      if (sepsLength == 1) {
        sepsLength++;
      }
      if (sepsLength > s.length()) {
        int diff = sepsLength - s.length();
        s += alpha.substring(0, diff);
        alpha = alpha.substring(diff);
      } else {
        s = s.substring(0, sepsLength);
      }
    }
    alpha = shuffle(alpha, this.salt);
    int guardCount = (int) Math.ceil((double) alpha.length() / GUARD_DIV);
    String g;
    if (alpha.length() < 3) {
      g = s.substring(0, guardCount);
      s = s.substring(guardCount);
    } else {
      g = alpha.substring(0, guardCount);
      alpha = alpha.substring(guardCount);
    }
    this.alphabet = alpha;
    this.seps = s;
    this.guards = g;
  }

  public String encode(long... numbers) {
    if (numbers.length == 0) {
      return "";
    }
    for (long n : numbers) {
      if (n < 0) {
        return "";
      }
    }
    String alpha = alphabet;
    long hashInt = 0;
    for (int i = 0; i < numbers.length; i++) {
      hashInt += numbers[i] % (i + 100);
    }
    char lottery = alpha.charAt((int) (hashInt % alpha.length()));
    StringBuilder ret = new StringBuilder().append(lottery);
    for (int i = 0; i < numbers.length; i++) {
      long number = numbers[i];
      String buffer = lottery + salt + alpha;
      alpha = shuffle(alpha, buffer.substring(0, alpha.length()));
      String last = hash(number, alpha);
      ret.append(last);
      if (i + 1 < numbers.length) {
        number %= last.charAt(0) + i;
        ret.append(seps.charAt((int) (number % seps.length())));
      }
    }
    if (ret.length() < minLength) {
      int guardIndex = (int) ((hashInt + ret.charAt(0)) % guards.length());
      ret.insert(0, guards.charAt(guardIndex));
      if (ret.length() < minLength) {
        guardIndex = (int) ((hashInt + ret.charAt(2)) % guards.length());
        ret.append(guards.charAt(guardIndex));
      }
    }
    int half = alpha.length() / 2;
    String out = ret.toString();
    while (out.length() < minLength) {
      alpha = shuffle(alpha, alpha);
      out = alpha.substring(half) + out + alpha.substring(0, half);
      int excess = out.length() - minLength;
      if (excess > 0) {
        out = out.substring(excess / 2, excess / 2 + minLength);
      }
    }
    return out;
  }

  /** The numbers of a hash, or an empty list when it is not one of this salt's. */
  public List<Long> decode(String hash) {
    List<Long> ret = new ArrayList<>();
    if (hash == null || hash.isEmpty()) {
      return ret;
    }
    String breakdown = replaceAll(hash, guards);
    String[] parts = breakdown.split(" ", -1);
    int i = parts.length == 3 || parts.length == 2 ? 1 : 0;
    String part = parts[i];
    if (part.isEmpty()) {
      return ret;
    }
    char lottery = part.charAt(0);
    String alpha = alphabet;
    for (String sub : replaceAll(part.substring(1), seps).split(" ", -1)) {
      String buffer = lottery + salt + alpha;
      alpha = shuffle(alpha, buffer.substring(0, alpha.length()));
      Long n = unhash(sub, alpha);
      if (n == null) {
        return new ArrayList<>();
      }
      ret.add(n);
    }
    long[] numbers = ret.stream().mapToLong(Long::longValue).toArray();
    return encode(numbers).equals(hash) ? ret : new ArrayList<>();
  }

  private static String replaceAll(String s, String chars) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(chars.indexOf(c) >= 0 ? ' ' : c);
    }
    return b.toString();
  }

  static String shuffle(String alphabet, String salt) {
    if (salt.isEmpty()) {
      return alphabet;
    }
    char[] a = alphabet.toCharArray();
    for (int i = a.length - 1, v = 0, p = 0; i > 0; i--, v++) {
      v %= salt.length();
      int ch = salt.charAt(v);
      p += ch;
      int j = (ch + v + p) % i;
      char t = a[j];
      a[j] = a[i];
      a[i] = t;
    }
    return new String(a);
  }

  private static String hash(long input, String alphabet) {
    StringBuilder h = new StringBuilder();
    int len = alphabet.length();
    do {
      h.insert(0, alphabet.charAt((int) (input % len)));
      input /= len;
    } while (input > 0);
    return h.toString();
  }

  private static Long unhash(String input, String alphabet) {
    long number = 0;
    for (char c : input.toCharArray()) {
      int pos = alphabet.indexOf(c);
      if (pos < 0) {
        return null;
      }
      if (number > (Long.MAX_VALUE - pos) / alphabet.length()) {
        return null;
      }
      number = number * alphabet.length() + pos;
    }
    return number;
  }
}
