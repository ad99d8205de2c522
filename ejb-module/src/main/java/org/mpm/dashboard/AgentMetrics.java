package org.mpm.dashboard;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.tenancy.TenantDatabase;

/**
 * MPM's agent performance dashboard: the appliances agents sold in a range (number of agents, sales, commission,
 * customers per agent), the five agents with most sales, and commission and sales per period. Grouped in SQL.
 */
@Stateless
public class AgentMetrics {

  private static final String SALES = " FROM appliance_people ap LEFT JOIN agents ag ON ag.id = ap.creator_id"
      + " WHERE ap.creator_type = 'agent' AND ap.created_at BETWEEN ?1 AND ?2";

  @Inject TenantDatabase tenantDb;

  /** Overall figures (null values where MPM's SQL gives NULL). */
  public record Overall(long agents, long sold, Double commission, Double customersPerAgent) {}

  public record TopAgent(String agent, long customers, Double commission, long sales) {}

  public record Metrics(Overall overall, List<TopAgent> top, Map<String, Object> periods) {}

  private EntityManager em() {
    return tenantDb.em();
  }

  /** {@code period}: daily, weekly, monthly or yearly; {@code from..to} whole days. */
  @SuppressWarnings("unchecked")
  public Metrics metrics(LocalDate from, LocalDate to, String period) {
    LocalDateTime start = from.atStartOfDay();
    LocalDateTime end = to.atTime(23, 59, 59);
    Object[] o = (Object[]) em().createNativeQuery("SELECT COUNT(DISTINCT ag.id), COUNT(ap.id),"
        + " SUM(ag.commission_revenue), ROUND(COUNT(ap.person_id) / NULLIF(COUNT(DISTINCT ag.id), 0), 2)" + SALES)
        .setParameter(1, start).setParameter(2, end).getSingleResult();
    Overall overall = new Overall(num(o[0]).longValue(), num(o[1]).longValue(), dbl(o[2]), dbl(o[3]));
    List<TopAgent> top = new ArrayList<>();
    for (Object[] r : (List<Object[]>) em().createNativeQuery("SELECT pe.name, COUNT(DISTINCT ap.person_id),"
            + " SUM(ag.commission_revenue), COUNT(ap.id) FROM appliance_people ap"
            + " LEFT JOIN agents ag ON ag.id = ap.creator_id LEFT JOIN people pe ON pe.id = ag.person_id"
            + " WHERE ap.creator_type = 'agent' AND ap.created_at BETWEEN ?1 AND ?2"
            + " GROUP BY ag.id, pe.name ORDER BY COUNT(ap.id) DESC LIMIT 5")
        .setParameter(1, start).setParameter(2, end).getResultList()) {
      top.add(new TopAgent((String) r[0], num(r[1]).longValue(), dbl(r[2]), num(r[3]).longValue()));
    }
    String format = switch (period) {
      case "daily" -> "%Y-%m-%d";
      case "weekly" -> "%x-W%v";
      case "yearly" -> "%Y";
      default -> "%Y-%m";
    };
    Map<String, Object> periods = slots(from, to, period);
    for (Object[] r : (List<Object[]>) em().createNativeQuery("SELECT DATE_FORMAT(ap.created_at, '" + format
            + "'), SUM(ag.commission_revenue), COUNT(ap.id)" + SALES + " GROUP BY 1")
        .setParameter(1, start).setParameter(2, end).getResultList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("agent_commissions", dbl(r[1]) == null ? 0.0 : dbl(r[1]));
      m.put("appliance_sales", num(r[2]).longValue());
      periods.put(GridFigures.text(r[0]), m);
    }
    return new Metrics(overall, top, periods);
  }

  /** MPM's empty periods of the range ({@code o-W} weeks, as its period list names them). */
  static Map<String, Object> slots(LocalDate from, LocalDate to, String period) {
    Map<String, Object> out = new LinkedHashMap<>();
    LocalDate d = switch (period) {
      case "yearly" -> from.withDayOfYear(1);
      case "weekly", "daily" -> from;
      default -> from.withDayOfMonth(1);
    };
    while (!d.isAfter(to)) {
      String key = switch (period) {
        case "daily" -> d.toString();
        case "weekly" -> String.format("%04d-%02d", d.get(IsoFields.WEEK_BASED_YEAR),
            d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        case "yearly" -> String.valueOf(d.getYear());
        default -> d.toString().substring(0, 7);
      };
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("agent_commissions", 0);
      m.put("appliance_sales", 0);
      out.put(key, m);
      d = switch (period) {
        case "daily" -> d.plusDays(1);
        case "weekly" -> d.plusWeeks(1);
        case "yearly" -> d.plusYears(1);
        default -> d.plusMonths(1);
      };
    }
    return out;
  }

  private static Number num(Object o) {
    return o == null ? 0 : (Number) o;
  }

  private static Double dbl(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }
}
