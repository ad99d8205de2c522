package org.mpm.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mpm.common.Timestamped;
import org.mpm.sms.Sms;
import org.mpm.sms.SmsService;
import org.mpm.tenancy.TenantDatabase;
import org.mpm.ticket.TicketCategory;
import org.mpm.ticket.TicketComment;
import org.mpm.ticket.TicketPayoutReports;
import org.mpm.ticket.TicketService;
import org.mpm.ticket.TicketService.NewTicket;
import org.mpm.user.User;

/**
 * MPM's demo service desk and message history (its TicketSeeder and SmsSeeder): the twelve ticket categories (five
 * handled in the company, seven outsourced), two outside technicians, {@value #TICKETS} tickets of customers over
 * the last year with comments, most of them closed, last month's payout report, and conversations with customers
 * beside the payments' confirmations. From a fixed random seed; written through the ticket and SMS services, then
 * backdated.
 */
@Stateless
public class DemoTickets {

  static final int TICKETS = 100;
  static final int CONVERSATIONS = 60;
  private static final long SEED = 17L;
  private static final String[][] CATEGORIES = {
      {"Payments/Top Up Issue", "yellow", "0"}, {"No Power/Power Went OFF", "red", "0"},
      {"Installation Issue", "sky", "0"}, {"Welcome Call", "pink", "0"}, {"Technical or Software Issue", "lime", "0"},
      {"Installing Meters", "purple", "1"}, {"System Troubleshoot", "black", "1"},
      {"Service Line Installation", "pink", "1"}, {"In-door wiring", "lime", "1"},
      {"Cleaning Panel/ Cutting grass", "nocolor", "1"}, {"Monthly Installment Follow up", "yellow", "1"},
      {"Meter Replacement", "nocolor", "1"}};
  private static final String[] COMMENTS = {"Called the customer, visit planned.", "Technician on site.",
      "Spare part ordered.", "Customer confirmed the problem is solved.", "Token re-sent to the customer."};
  private static final String[] OUTGOING = {"Dear customer, planned maintenance on Sunday from 8 to 12.",
      "Your technician will visit you tomorrow morning.", "Reminder: top up before the weekend to keep the lights on."};
  private static final String[] INCOMING = {"Thank you", "When will the power be back?", "Ok, I will be at home."};

  @Inject TicketService tickets;
  @Inject TicketPayoutReports reports;
  @Inject SmsService sms;
  @Inject TenantDatabase tenantDb;

  /** Seeds the service desk; {@code userIds} are the users who open and comment tickets. */
  public void seed(long companyId, List<Long> userIds) {
    Random random = new Random(SEED);
    List<TicketCategory> categories = new ArrayList<>();
    for (String[] c : CATEGORIES) {
      categories.add(tickets.createCategory(c[0], c[1], "1".equals(c[2])));
    }
    List<Long> assignees = new ArrayList<>();
    assignees.add(tickets.createExternal("Fundi Hamisi", "+255754000101").getId());
    assignees.add(tickets.createExternal("Fundi Rehema", "+255754000102").getId());
    for (Long u : userIds) {
      assignees.add(tickets.ticketUserOf(tenantDb.em().find(User.class, u)).getId());
    }
    List<Long> customers = customers();
    LocalDateTime now = Timestamped.nowUtc();
    for (int i = 0; i < TICKETS && !customers.isEmpty(); i++) {
      TicketCategory category = categories.get(random.nextInt(categories.size()));
      long owner = customers.get(random.nextInt(customers.size()));
      LocalDateTime at = now.minusDays(365 - (long) i * 365 / TICKETS).minusMinutes(random.nextInt(600));
      var opened = tickets.open(userIds.get(random.nextInt(userIds.size())), new NewTicket(category.getLabelName(),
          "Reported by phone: " + category.getLabelName().toLowerCase(), category.getId(),
          assignees.get(random.nextInt(assignees.size())), at.plusDays(7), owner,
          category.isOutSource() ? 5_000L + 1_000L * random.nextInt(20) : null));
      long id = opened.ticket().getId();
      int comments = 1 + random.nextInt(3);
      for (int c = 0; c < comments; c++) {
        TicketComment comment = tickets.comment(userIds.get(random.nextInt(userIds.size())), id,
            COMMENTS[random.nextInt(COMMENTS.length)]);
        backdate("ticket_comments", comment.getId(), at.plusHours(2L + c * 20L), at.plusHours(2L + c * 20L));
      }
      boolean closed = i < TICKETS - 15 && random.nextInt(10) < 8;
      tenantDb.em().createNativeQuery("UPDATE tickets SET status = ? WHERE id = ?").setParameter(1, closed ? 1 : 0)
          .setParameter(2, id).executeUpdate();
      backdate("tickets", id, at, closed ? at.plusDays(1 + random.nextInt(5)) : at);
      tenantDb.em().createNativeQuery("UPDATE ticket_outsources SET created_at = ?, updated_at = ?"
          + " WHERE ticket_id = ?").setParameter(1, Timestamp.valueOf(at)).setParameter(2, Timestamp.valueOf(at))
          .setParameter(3, id).executeUpdate();
    }
    LocalDate lastMonthEnd = LocalDate.now().withDayOfMonth(1).minusDays(1);
    reports.generate(companyId, lastMonthEnd);
  }

  /** Conversations with customers: a few messages each way over the last months. */
  public void seedMessages() {
    Random random = new Random(SEED + 1);
    List<Object[]> phones = new ArrayList<>();
    for (Object o : tenantDb.em().createNativeQuery("SELECT p.id, a.phone FROM people p JOIN addresses a"
        + " ON a.owner_type = 'person' AND a.owner_id = p.id AND a.is_primary = 1 WHERE p.is_customer = 1"
        + " AND a.phone IS NOT NULL ORDER BY p.id LIMIT " + CONVERSATIONS).getResultList()) {
      phones.add((Object[]) o);
    }
    LocalDateTime now = Timestamped.nowUtc();
    for (Object[] p : phones) {
      String phone = (String) p[1];
      LocalDateTime at = now.minusDays(1 + random.nextInt(120)).minusMinutes(random.nextInt(600));
      Sms out = sms.sendManual(phone, OUTGOING[random.nextInt(OUTGOING.length)], null);
      backdate("sms", out.getId(), at, at);
      Sms in = new Sms(phone, INCOMING[random.nextInt(INCOMING.length)]);
      in.setDirection(Sms.DIRECTION_INCOMING);
      in.setStatus(Sms.STATUS_DELIVERED);
      tenantDb.em().persist(in);
      tenantDb.em().flush();
      backdate("sms", in.getId(), at.plusMinutes(5 + random.nextInt(120)), at.plusMinutes(5 + random.nextInt(120)));
    }
  }

  private List<Long> customers() {
    List<Long> ids = new ArrayList<>();
    for (Object o : tenantDb.em().createNativeQuery("SELECT id FROM people WHERE is_customer = 1"
        + " AND deleted_at IS NULL ORDER BY id").getResultList()) {
      ids.add(((Number) o).longValue());
    }
    return ids;
  }

  private void backdate(String table, long id, LocalDateTime created, LocalDateTime updated) {
    tenantDb.em().flush();
    tenantDb.em().createNativeQuery("UPDATE " + table + " SET created_at = ?, updated_at = ? WHERE id = ?")
        .setParameter(1, Timestamp.valueOf(created)).setParameter(2, Timestamp.valueOf(updated))
        .setParameter(3, id).executeUpdate();
  }
}
