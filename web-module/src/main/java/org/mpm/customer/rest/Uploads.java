package org.mpm.customer.rest;

import jakarta.ws.rs.core.EntityPart;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import org.mpm.customer.PersonDocumentService.Upload;
import org.mpm.rest.JsonBody;
import org.mpm.storage.FileStorage;
import org.mpm.storage.FileStorage.Staged;

/**
 * Laravel's {@code file|mimes:pdf,docx|max:5120} for a person document, received straight into the storage's
 * staging folder. The type is taken from the content, not from what the client claims: a PDF starts with
 * {@code %PDF-}, a DOCX is a ZIP package holding {@code word/}.
 */
public final class Uploads {

  static final int MAX_KILOBYTES = 5120;
  static final String PDF = "application/pdf";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] WORD = "word/".getBytes(StandardCharsets.ISO_8859_1);

  private Uploads() {}

  /**
   * The document part staged, or null with the field's error recorded (nothing kept). The caller places the
   * upload's file or discards it.
   */
  public static Upload document(FileStorage storage, JsonBody errors, EntityPart part) {
    if (part == null || part.getFileName().isEmpty()) {
      // a text field named file (read with the form's fields) is not a file
      errors.error("file", errors.has("file") ? "The file field must be a file." : "The file field is required.");
      return null;
    }
    Staged staged;
    try (InputStream in = part.getContent()) {
      staged = storage.stage(in, MAX_KILOBYTES * 1024L);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String mime = staged == null || staged.size() == 0 ? null : detect(staged);
    if (mime == null) {
      storage.discard(staged);
      errors.error("file", "The file field " + (staged == null ? "must not be greater than " + MAX_KILOBYTES
          + " kilobytes." : staged.size() == 0 ? "must be a file." : "must be a file of type: pdf, docx."));
      return null;
    }
    return new Upload(fileName(part.getFileName().get(), mime), mime, staged);
  }

  /** The type of a staged file by its content, or null when it is neither a PDF nor a DOCX. */
  static String detect(Staged staged) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(staged.file()))) {
      byte[] head = in.readNBytes(PDF_MAGIC.length);
      if (startsWith(head, PDF_MAGIC)) {
        return PDF;
      }
      if (!startsWith(head, ZIP_MAGIC)) {
        return null;
      }
      // "word/" anywhere in the package (a part name): matched across buffer boundaries
      int matched = 0;
      for (int b; (b = in.read()) >= 0; ) {
        matched = b == WORD[matched] ? matched + 1 : b == WORD[0] ? 1 : 0;
        if (matched == WORD.length) {
          return DOCX;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
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

  /** The client's file name without any path, with the extension of the detected type. */
  private static String fileName(String clientName, String mime) {
    String n = clientName.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).trim();
    String ext = mime.equals(PDF) ? ".pdf" : ".docx";
    if (n.isEmpty()) {
      n = "document" + ext;
    } else if (!n.toLowerCase(Locale.ROOT).endsWith(ext)) {
      n = n + ext;
    }
    return n.length() > 191 ? n.substring(n.length() - 191) : n;
  }
}
