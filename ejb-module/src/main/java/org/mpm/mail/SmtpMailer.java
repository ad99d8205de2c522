package org.mpm.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers mails to the SMTP server of the configuration through Jakarta Mail: {@code mpm.mail.host},
 * {@code mpm.mail.port} (587), {@code mpm.mail.user} and {@code mpm.mail.password} (SMTP AUTH when a user is set),
 * {@code mpm.mail.tls} ({@code starttls}, required, the default; {@code ssl} for a server that speaks TLS from the
 * start, usually port 465; {@code none}), {@code mpm.mail.from} and {@code mpm.mail.timeout-ms} (for connecting,
 * reading and writing). Called from the mail queue, never inside a database transaction.
 */
@ApplicationScoped
public class SmtpMailer implements Mailer {

  public static final String NAME = "smtp";
  static final String DEFAULT_FROM = "MicroPowerManager <no-reply@localhost>";

  @Inject
  @ConfigProperty(name = "mpm.mail.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "mpm.mail.port", defaultValue = "587")
  int port;

  @Inject
  @ConfigProperty(name = "mpm.mail.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "mpm.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "mpm.mail.tls", defaultValue = "starttls")
  String tls;

  @Inject
  @ConfigProperty(name = "mpm.mail.from", defaultValue = DEFAULT_FROM)
  String from;

  @Inject
  @ConfigProperty(name = "mpm.mail.timeout-ms", defaultValue = "10000")
  int timeoutMillis;

  private volatile Session session;

  @Override
  public String name() {
    return NAME;
  }

  /** Whether a mail server is configured. */
  public boolean configured() {
    return host.filter(h -> !h.isBlank()).isPresent();
  }

  @Override
  public Result send(MailMessage mail) {
    try {
      MimeMessage message = new MimeMessage(session());
      message.setFrom(new InternetAddress(from, true));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.receiver(), true));
      message.setSubject(mail.subject(), "UTF-8");
      message.setSentDate(new Date());
      message.setText(mail.html(), "UTF-8", "html");
      Transport.send(message);
      return Result.sent();
    } catch (AddressException e) {
      return Result.failed("Invalid address: " + e.getMessage(), true);
    } catch (SendFailedException e) {
      boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
      return Result.failed(e.getMessage(), refused);
    } catch (MessagingException e) {
      return Result.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), false);
    }
  }

  private Session session() {
    Session s = session;
    if (s == null) {
      String login = user.filter(u -> !u.isBlank()).orElse(null);
      Properties props = properties(host.orElseThrow().trim(), port, tls, timeoutMillis, login != null);
      String secret = password.orElse("");
      s = login == null ? Session.getInstance(props) : Session.getInstance(props, new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(login, secret);
        }
      });
      session = s;
    }
    return s;
  }

  /** Jakarta Mail's session properties for a server; an unknown {@code tls} value is a configuration error. */
  static Properties properties(String host, int port, String tls, int timeoutMillis, boolean auth) {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.auth", Boolean.toString(auth));
    p.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
    p.put("mail.smtp.timeout", Integer.toString(timeoutMillis));
    p.put("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
    switch (tls == null ? "starttls" : tls.trim().toLowerCase(Locale.ROOT)) {
      case "starttls" -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case "ssl" -> {
        p.put("mail.smtp.ssl.enable", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case "none" -> p.put("mail.smtp.starttls.enable", "false");
      default -> throw new IllegalStateException("Unknown mpm.mail.tls '" + tls + "' (starttls, ssl or none)");
    }
    return p;
  }
}
