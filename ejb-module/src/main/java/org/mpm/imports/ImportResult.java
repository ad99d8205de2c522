package org.mpm.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did (MPM's ImportResult): the rows added, the rows that changed an existing record (or repeated
 * one already there) and the rows that failed with their errors; the rest of the import stands.
 */
public final class ImportResult {

  private final String succeeded;
  private final String allFailed;
  private final List<Map<String, Object>> added = new ArrayList<>();
  private final List<Map<String, Object>> modified = new ArrayList<>();
  private final List<Map<String, Object>> failed = new ArrayList<>();

  /** {@code label}: the plural MPM names its rows with (customers, devices, transactions). */
  public ImportResult(String label) {
    this(Character.toUpperCase(label.charAt(0)) + label.substring(1) + " imported successfully",
        "All " + label.substring(0, label.length() - 1) + " imports failed");
  }

  /** A result with MPM's messages for an import that kept a row, and for one whose every row failed. */
  public ImportResult(String succeeded, String allFailed) {
    this.succeeded = succeeded;
    this.allFailed = allFailed;
  }

  public void added(Map<String, Object> row) {
    row.put("action", "added");
    added.add(row);
  }

  public void modified(Map<String, Object> row) {
    row.put("action", "modified");
    modified.add(row);
  }

  /** A failed row: its identifying field and the errors by field. */
  public void failed(String key, Object value, Map<String, String> errors) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    m.put("errors", errors);
    failed.add(m);
  }

  public int addedCount() {
    return added.size();
  }

  public int modifiedCount() {
    return modified.size();
  }

  public int failedCount() {
    return failed.size();
  }

  /** MPM's answer: success, message, the counts and the three lists. */
  public Map<String, Object> toMap() {
    boolean none = added.isEmpty() && modified.isEmpty() && !failed.isEmpty();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("success", !none);
    m.put("message", none ? allFailed : succeeded);
    m.put("imported_count", added.size() + modified.size());
    m.put("added_count", added.size());
    m.put("modified_count", modified.size());
    m.put("failed_count", failed.size());
    m.put("added", added);
    m.put("modified", modified);
    m.put("failed", failed);
    return m;
  }
}
