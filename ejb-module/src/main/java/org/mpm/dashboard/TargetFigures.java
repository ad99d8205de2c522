package org.mpm.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/** A target's figures for one connection group as MPM shows them, and their sum over several targets. */
final class TargetFigures {

  static final String[] KEYS = {"new_connections", "revenue", "connected_power", "energy_per_month",
      "average_revenue_per_month"};

  private TargetFigures() {}

  /** No target: every figure {@code "-"}. */
  static Map<String, Object> none() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String k : KEYS) {
      m.put(k, "-");
    }
    return m;
  }

  static Map<String, Object> of(Targets.SubTarget s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("new_connections", s.newConnections());
    m.put("revenue", s.revenue());
    m.put("connected_power", s.connectedPower());
    m.put("energy_per_month", s.energyPerMonth());
    m.put("average_revenue_per_month", s.averageRevenuePerMonth());
    return m;
  }

  /** The figures added up key by key (integers stay integers). */
  @SuppressWarnings("unchecked")
  static Object add(Object a, Object b) {
    Map<String, Object> x = (Map<String, Object>) a;
    Map<String, Object> y = (Map<String, Object>) b;
    Map<String, Object> m = new LinkedHashMap<>();
    for (String k : KEYS) {
      Object p = x.get(k);
      Object q = y.get(k);
      if (p instanceof Long l && q instanceof Long r) {
        m.put(k, l + r);
      } else if (p instanceof Number l && q instanceof Number r) {
        m.put(k, l.doubleValue() + r.doubleValue());
      } else {
        m.put(k, q);
      }
    }
    return m;
  }
}
