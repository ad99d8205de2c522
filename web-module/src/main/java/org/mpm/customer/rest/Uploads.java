package org.mpm.customer.rest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mpm.customer.PersonDocumentService.Upload;
import org.mpm.rest.JsonBody;
import org.mpm.rest.MultipartForm.Part;

/**
 * Laravel's {@code file|mimes:pdf,docx|max:5120} for a person document. The type is taken from the content,
 * not from what the client claims: a PDF starts with {@code %PDF-}, a DOCX is a ZIP package holding
 * {@code word/}.
 */
final class Uploads {

  static final int MAX_KILOBYTES = 5120;

  private Uploads() {}

  /** The upload, or null with the field's error recorded. */
  static Upload document(JsonBody errors, Part part) {
    if (part == null || (!part.isFile() && part.content().length == 0)) {
      errors.error("file", "The file field is required.");
      return null;
    }
    if (!part.isFile() || part.content().length == 0) {
      errors.error("file", "The file field must be a file.");
      return null;
    }
    String mime = detect(part.content());
    if (mime == null) {
      errors.error("file", "The file field must be a file of type: pdf, docx.");
      return null;
    }
    if (part.content().length > MAX_KILOBYTES * 1024) {
      errors.error("file", "The file field must not be greater than " + MAX_KILOBYTES + " kilobytes.");
      return null;
    }
    return new Upload(fileName(part.fileName(), mime), mime, part.content());
  }

  static String detect(byte[] b) {
    if (starts(b, "%PDF-".getBytes(StandardCharsets.ISO_8859_1))) {
      return "application/pdf";
    }
    if (starts(b, new byte[] {'P', 'K', 3, 4})
        && indexOf(b, "word/".getBytes(StandardCharsets.ISO_8859_1)) >= 0) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    return null;
  }

  /** The client's file name without any path, with the extension of the detected type. */
  private static String fileName(String clientName, String mime) {
    String n = clientName.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).trim();
    String ext = mime.equals("application/pdf") ? ".pdf" : ".docx";
    if (n.isEmpty()) {
      n = "document" + ext;
    } else if (!n.toLowerCase(Locale.ROOT).endsWith(ext)) {
      n = n + ext;
    }
    return n.length() > 191 ? n.substring(n.length() - 191) : n;
  }

  private static boolean starts(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (hay[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
