package org.mpm.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) read into memory up to a size limit: text fields and files by
 * field name. Small on purpose: the API takes few uploads (person documents, imports) and each is a few MB.
 */
public final class MultipartForm {

  /** One part: a text field (no file name) or a file. */
  public record Part(String name, String fileName, String contentType, byte[] content) {
    public boolean isFile() {
      return fileName != null;
    }

    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1", Pattern.CASE_INSENSITIVE);
  private static final Pattern PARAM = Pattern.compile(";\\s*(name|filename)=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

  private final Map<String, Part> parts;

  private MultipartForm(Map<String, Part> parts) {
    this.parts = parts;
  }

  public Part part(String name) {
    return parts.get(name);
  }

  /**
   * Reads the body; a body that is not multipart, is malformed or is larger than {@code maxBytes} is refused
   * with a 400 or 413 JSON answer.
   */
  public static MultipartForm read(String contentType, InputStream body, long maxBytes) {
    Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
    if (m == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || !m.find()) {
      throw new BadRequestBody(400, "The request must be multipart/form-data.");
    }
    byte[] bytes = readLimited(body, maxBytes);
    return new MultipartForm(parse(bytes, ("--" + m.group(2)).getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static byte[] readLimited(InputStream in, long maxBytes) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new BadRequestBody(413, "The request body is too large.");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new BadRequestBody(400, "The request body could not be read.");
    }
  }

  static Map<String, Part> parse(byte[] body, byte[] delimiter) {
    Map<String, Part> out = new LinkedHashMap<>();
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) {
      throw malformed();
    }
    while (true) {
      int afterDelimiter = pos + delimiter.length;
      if (startsWith(body, afterDelimiter, "--")) {
        return out;
      }
      int headersStart = skipLineBreak(body, afterDelimiter);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0) {
        throw malformed();
      }
      int contentStart = headersEnd + 4;
      byte[] next = concat("\r\n".getBytes(StandardCharsets.ISO_8859_1), delimiter);
      int contentEnd = indexOf(body, next, contentStart);
      if (contentEnd < 0) {
        throw malformed();
      }
      Part part = part(new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
          Arrays.copyOfRange(body, contentStart, contentEnd));
      if (part != null) {
        out.putIfAbsent(part.name(), part);
      }
      pos = contentEnd + 2;
    }
  }

  private static Part part(String headers, byte[] content) {
    String name = null;
    String fileName = null;
    String type = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (header.equals("content-disposition")) {
        Matcher p = PARAM.matcher(value);
        while (p.find()) {
          if (p.group(1).equalsIgnoreCase("name")) {
            name = p.group(2);
          } else {
            fileName = p.group(2);
          }
        }
      } else if (header.equals("content-type")) {
        type = value;
      }
    }
    return name == null ? null : new Part(name, fileName, type, content);
  }

  private static BadRequestBody malformed() {
    return new BadRequestBody(400, "The multipart body is malformed.");
  }

  private static int skipLineBreak(byte[] b, int i) {
    return startsWith(b, i, "\r\n") ? i + 2 : i;
  }

  private static boolean startsWith(byte[] b, int i, String s) {
    byte[] p = s.getBytes(StandardCharsets.ISO_8859_1);
    if (i + p.length > b.length) {
      return false;
    }
    for (int k = 0; k < p.length; k++) {
      if (b[i + k] != p[k]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= hay.length - needle.length; i++) {
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
