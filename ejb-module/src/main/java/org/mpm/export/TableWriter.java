package org.mpm.export;

import java.io.IOException;
import java.util.List;

/** A table written to a stream a row at a time: a CSV file or an Excel workbook. */
public interface TableWriter extends AutoCloseable {

  void row(List<?> values) throws IOException;

  /** Writes what is left and ends the file (the stream stays open). */
  void finish() throws IOException;

  @Override
  void close() throws IOException;
}
