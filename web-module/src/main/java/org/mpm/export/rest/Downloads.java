package org.mpm.export.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mpm.common.Timestamped;
import org.mpm.export.CsvTableWriter;
import org.mpm.export.ExcelTableWriter;
import org.mpm.export.TableWriter;
import org.mpm.rest.Json;

/**
 * Exports streamed to the client as they are read, a page at a time (a page is read in a short transaction of its
 * own): CSV and Excel files under MPM's names and content types, and MPM's JSON {@code {data, meta}}.
 */
final class Downloads {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String CSV = "text/csv";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  private Downloads() {}

  /** The next page of items; an empty list when there are no more. */
  interface Pages<T> {
    List<T> next();
  }

  /** A file of rows: CSV when {@code format} is csv, else Excel; its name is {@code prefix_YYYYmmdd_HHiiss.ext}. */
  static <T> Response table(String format, String prefix, List<String> headers, Pages<T> pages,
      Function<T, List<?>> columns) {
    boolean csv = "csv".equals(format);
    StreamingOutput body = out -> {
      try (TableWriter w = csv ? new CsvTableWriter(out) : new ExcelTableWriter(out)) {
        w.row(headers);
        for (List<T> page = pages.next(); !page.isEmpty(); page = pages.next()) {
          for (T item : page) {
            w.row(columns.apply(item));
          }
        }
        w.finish();
      }
    };
    String name = prefix + "_" + STAMP.format(Timestamped.nowUtc()) + (csv ? ".csv" : ".xlsx");
    return Response.ok(body, csv ? CSV : XLSX)
        .header("Content-Disposition", "attachment; filename=" + name).build();
  }

  /**
   * MPM's JSON export, {@code {"data": [...], "meta": {...}}}, written as it is read; {@code meta} gets the
   * {@code total} of items written and {@code exported_at}.
   */
  static <T> Response json(Pages<T> pages, Function<T, Object> view, Map<String, Object> meta) {
    StreamingOutput body = out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8), 64 * 1024);
      w.write("{\"data\":[");
      long total = 0;
      for (List<T> page = pages.next(); !page.isEmpty(); page = pages.next()) {
        for (T item : page) {
          if (total++ > 0) {
            w.write(',');
          }
          w.write(JSONB.toJson(view.apply(item)));
        }
      }
      w.write("],\"meta\":");
      Map<String, Object> m = Json.obj("total", total);
      m.putAll(meta);
      m.put("exported_at", Json.ts(Timestamped.nowUtc()));
      w.write(JSONB.toJson(m));
      w.write('}');
      w.flush();
    };
    return Response.ok(body, MediaType.APPLICATION_JSON).build();
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }
    };
  }
}
