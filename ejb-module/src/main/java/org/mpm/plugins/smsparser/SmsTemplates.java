package org.mpm.plugins.smsparser;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The parser's pure rules: a rule's template ({@code Confirmed [transaction_ref]. [*] amount of [amount] …}) becomes
 * the pattern MPM stores (a PHP regular expression {@code /…/si} with named groups {@code (?P<amount>…)}), and a
 * stored pattern — MPM's or an operator's sender pattern such as {@code /M-?Pesa/i} — is read back into a Java
 * {@link Pattern}. Java's group names take no underscore, so {@code transaction_ref} is read as
 * {@code transactionref}.
 */
public final class SmsTemplates {

  private static final Map<String, String> VARIABLES = Map.of(
      "transaction_ref", "[A-Za-z0-9.]+",
      "amount", "[\\d,]+(?:\\.\\d{1,2})?",
      "sender_phone", "[\\d+\\s\\-]+",
      "device_serial", "[A-Za-z0-9]+");
  private static final String WILDCARD = "[\\s\\S]*?";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\[(\\w+|\\*)]");
  private static final String SPECIAL = ".\\+*?[^]$(){}=!<>|:-#/";
  private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P?<([A-Za-z_][A-Za-z0-9_]*)>");

  private SmsTemplates() {}

  /** MPM's TemplateToRegexConverter: literal text quoted, whitespace runs flexible, placeholders as named groups. */
  public static String toPattern(String template) {
    StringBuilder out = new StringBuilder("/");
    Matcher m = PLACEHOLDER.matcher(template);
    int at = 0;
    while (m.find()) {
      out.append(literal(template.substring(at, m.start())));
      String variable = m.group(1);
      if ("*".equals(variable)) {
        out.append(WILDCARD);
      } else {
        out.append("(?P<").append(variable).append('>').append(VARIABLES.getOrDefault(variable, ".+?")).append(')');
      }
      at = m.end();
    }
    out.append(literal(template.substring(at)));
    return out.append("/si").toString();
  }

  /** preg_quote with the delimiter {@code /}, then each whitespace run as {@code \s+}. */
  private static String literal(String text) {
    StringBuilder out = new StringBuilder();
    boolean space = false;
    for (char c : text.toCharArray()) {
      if (Character.isWhitespace(c)) {
        if (!space) {
          out.append("\\s+");
        }
        space = true;
        continue;
      }
      space = false;
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * A stored PHP regular expression ({@code <delimiter>body<delimiter>flags}) as a Java pattern; empty when it is
   * none (no delimiters, an unknown flag, a body Java cannot compile).
   */
  public static Optional<Pattern> compile(String php) {
    if (php == null || php.length() < 2 || Character.isLetterOrDigit(php.charAt(0)) || php.charAt(0) == '\\'
        || Character.isWhitespace(php.charAt(0))) {
      return Optional.empty();
    }
    char open = php.charAt(0);
    char close = switch (open) {
      case '(' -> ')';
      case '{' -> '}';
      case '[' -> ']';
      case '<' -> '>';
      default -> open;
    };
    int end = php.lastIndexOf(close);
    if (end <= 0) {
      return Optional.empty();
    }
    int flags = 0;
    for (char f : php.substring(end + 1).toCharArray()) {
      switch (f) {
        case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        case 's' -> flags |= Pattern.DOTALL;
        case 'm' -> flags |= Pattern.MULTILINE;
        case 'x' -> flags |= Pattern.COMMENTS;
        case 'u' -> flags |= Pattern.UNICODE_CHARACTER_CLASS;
        default -> {
          return Optional.empty();
        }
      }
    }
    Matcher names = NAMED_GROUP.matcher(php.substring(1, end));
    StringBuilder body = new StringBuilder();
    while (names.find()) {
      names.appendReplacement(body, Matcher.quoteReplacement("(?<" + groupName(names.group(1)) + ">"));
    }
    names.appendTail(body);
    try {
      return Optional.of(Pattern.compile(body.toString(), flags));
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  /** The Java name of a PHP group name. */
  static String groupName(String php) {
    return php.replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** The named groups of a match, by their PHP names (only those the templates know). */
  public static Map<String, String> groups(Matcher m) {
    Map<String, String> out = new HashMap<>();
    for (String variable : VARIABLES.keySet()) {
      try {
        String value = m.group(groupName(variable));
        if (value != null) {
          out.put(variable, value);
        }
      } catch (IllegalArgumentException absent) {
        // the pattern has no such group
      }
    }
    return out;
  }
}
