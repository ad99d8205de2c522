package org.mpm.user;

import org.mpm.mail.MailMessage;

/**
 * The reset mail (MPM's {@code user_password_reset} template and subject): a greeting by name and the link to the
 * web console's reset page, {@code <console>/#/reset-password?token=<composite token>} (the console's router
 * keeps its routes after {@code #}).
 */
public final class PasswordResetMail {

  public static final String SUBJECT = "Reset your password | MicroPowerManager";
  /** What stands for the token in the mail as it is kept. */
  static final String HIDDEN = "[hidden]";

  private PasswordResetMail() {}

  /** The console's reset page for a composite token; {@code consoleUrl} may end with a slash. */
  public static String link(String consoleUrl, String composite) {
    String base = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    return base + "/#/reset-password?token=" + composite;
  }

  /** The mail to a user. */
  public static MailMessage mail(String email, String userName, String link) {
    return new MailMessage(email, SUBJECT, html(userName, link));
  }

  /** The mail as kept in {@code mails}: the same, with the token of the link left out. */
  public static String kept(String userName, String consoleUrl) {
    return html(userName, link(consoleUrl, HIDDEN));
  }

  static String html(String userName, String link) {
    String href = escape(link);
    return "<html>\n<head>\n<title>" + escape(SUBJECT) + "</title>\n</head>\n<body>\n"
        + "<b>Password reset</b>\n"
        + "<p>Dear " + escape(userName) + ",</p>\n"
        + "<p>Someone asked to reset the password of your MicroPowerManager account. If it was you, follow this link"
        + " to choose a new password:</p>\n"
        + "<p><a href=\"" + href + "\">Reset your password</a></p>\n"
        + "<p>If you did not ask for it, ignore this mail: your password stays as it is.</p>\n"
        + "<p>MicroPowerManager</p>\n"
        + "<small>This mail was sent automatically; please do not reply to it.</small>\n"
        + "</body>\n</html>\n";
  }

  /** HTML's special characters escaped, as Blade's {@code {{ }}} does. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#039;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
