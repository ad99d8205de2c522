package org.mpm.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV file as PHP's {@code fputcsv} writes it: fields with a comma, quote, space, tab or line break are quoted
 * (quotes doubled), rows end with a line feed, UTF-8.
 */
public final class CsvTableWriter implements TableWriter {

  private final Writer out;

  public CsvTableWriter(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
  }

  @Override
  public void row(List<?> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(values.get(i)));
    }
    out.write('\n');
  }

  /** One field: quoted when it has to be. */
  public static String field(Object value) {
    String s = value == null ? "" : String.valueOf(value);
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\\';
    }
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
