package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.List;
import org.mpm.auth.LoginTenant;
import org.mpm.auth.PasswordHasher;
import org.mpm.mail.MailMessage;
import org.mpm.mail.MailService;
import org.mpm.tenancy.TenantDatabase;

/**
 * The agent app's own account changes (MPM's AgentService resetPassword and setFirebaseToken). A reset password is
 * mailed to the agent and never part of an answer; the mail is kept without it.
 */
@Stateless
public class AgentAppAccount {

  public static final String RESET_SUBJECT = "Your new MicroPowerManager agent password";
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject LoginTenant loginTenant;
  @Inject TenantDatabase tenantDb;
  @Inject MailService mails;

  /** Sets a new random password for the agent with this e-mail and mails it; false for an unknown e-mail. */
  public boolean resetPassword(String email) {
    if (email == null || !loginTenant.bindIfKnown(email)) {
      return false;
    }
    List<Agent> found = tenantDb.em().createNamedQuery("Agent.findByEmail", Agent.class).setParameter("email", email)
        .getResultList();
    if (found.isEmpty()) {
      return false;
    }
    Agent agent = found.get(0);
    String password = newPassword();
    agent.setPasswordHash(PasswordHasher.hash(password));
    tenantDb.em().flush();
    mails.send(new MailMessage(agent.getEmail(), RESET_SUBJECT, html(password)), html("[hidden]"));
    return true;
  }

  /** Stores the agent's Firebase messaging token. */
  public AgentView firebaseToken(long agentId, String token) {
    Agent agent = tenantDb.em().find(Agent.class, agentId);
    agent.setFireBaseToken(token);
    tenantDb.em().flush();
    return AgentView.of(agent, tenantDb.companyId());
  }

  static String newPassword() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  private static String html(String password) {
    return "<html>\n<body>\n<p>Your agent app password was reset. Your new password is: <b>" + password
        + "</b></p>\n<p>Log in with it and keep it to yourself.</p>\n<p>MicroPowerManager</p>\n</body>\n</html>\n";
  }
}
