package org.mpm.plugins.wavecom;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Wavecom transactions file: CSV (comma or semicolon, quotes as RFC 4180) with a header naming at least
 * {@code transaction_id}, {@code sender}, {@code message} (the device serial) and {@code amount} in any order.
 * Every row is checked before any is booked; {@link #problems()} lists what is wrong, by line.
 */
public final class WavecomFile {

  /** The most rows one file may hold. */
  public static final int MAX_ROWS = 10_000;
  static final List<String> COLUMNS = List.of("transaction_id", "sender", "message", "amount");

  /** A row: its line in the file and its values; the amount a whole number of at least 1. */
  public record Row(int line, String transactionId, String sender, String serial, BigDecimal amount) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private WavecomFile() {}

  public static WavecomFile parse(String text) {
    WavecomFile f = new WavecomFile();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> records = records(body, delimiter(body));
    if (records.isEmpty()) {
      f.problems.add("The file is empty.");
      return f;
    }
    Map<String, Integer> at = new HashMap<>();
    List<String> header = records.get(0);
    for (int i = 0; i < header.size(); i++) {
      at.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    List<String> missing = COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      f.problems.add("The header must name the columns transaction_id, sender, message and amount; missing: "
          + String.join(", ", missing) + ".");
      return f;
    }
    if (records.size() - 1 > MAX_ROWS) {
      f.problems.add("The file may hold at most " + MAX_ROWS + " rows.");
      return f;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> rec = records.get(r);
      int line = r + 1;
      if (rec.size() == 1 && rec.get(0).isBlank()) {
        continue;
      }
      String id = value(rec, at.get("transaction_id"));
      String sender = value(rec, at.get("sender"));
      String serial = value(rec, at.get("message"));
      String amountText = value(rec, at.get("amount"));
      List<String> wrong = new ArrayList<>();
      for (String[] v : new String[][] {{"transaction_id", id}, {"sender", sender}, {"message", serial}}) {
        if (v[1].isEmpty()) {
          wrong.add("the " + v[0] + " is required");
        } else if (v[1].length() > 191) {
          wrong.add("the " + v[0] + " may not be longer than 191 characters");
        }
      }
      BigDecimal amount = null;
      try {
        amount = new BigDecimal(amountText);
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 0
            || amount.compareTo(new BigDecimal("1000000000")) > 0) {
          wrong.add("the amount must be a whole number from 1 to 1000000000");
          amount = null;
        }
      } catch (NumberFormatException e) {
        wrong.add(amountText.isEmpty() ? "the amount is required" : "the amount must be a number");
      }
      Integer earlier = id.isEmpty() ? null : seen.putIfAbsent(id, line);
      if (earlier != null) {
        wrong.add("the transaction_id " + id + " is on line " + earlier + " already");
      }
      if (!wrong.isEmpty()) {
        f.problems.add("Line " + line + ": " + String.join(", ", wrong) + ".");
      } else {
        f.rows.add(new Row(line, id, sender, serial, amount));
      }
    }
    if (f.rows.isEmpty() && f.problems.isEmpty()) {
      f.problems.add("The file holds no transactions.");
    }
    return f;
  }

  public List<Row> rows() {
    return rows;
  }

  public List<String> problems() {
    return problems;
  }

  private static String value(List<String> rec, int i) {
    return i < rec.size() ? rec.get(i).trim() : "";
  }

  /** A semicolon when the header line has more of them than commas (spreadsheets of some locales), else a comma. */
  private static char delimiter(String body) {
    int end = body.indexOf('\n');
    String first = end < 0 ? body : body.substring(0, end);
    return first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count() ? ';' : ',';
  }

  /** The records of the text: fields split by the delimiter, quoted fields may hold it, quotes and line breaks. */
  static List<List<String>> records(String s, char delimiter) {
    List<List<String>> out = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      any = true;
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        out.add(record);
        record = new ArrayList<>();
        any = false;
      } else {
        field.append(c);
      }
    }
    if (any) {
      record.add(field.toString());
      out.add(record);
    }
    return out;
  }
}
