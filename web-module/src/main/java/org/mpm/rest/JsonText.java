package org.mpm.rest;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * Request bodies as JSON values, with the limits every body is held to before it is read: its size, and how deeply
 * it nests. Anything the parser cannot read, whatever the parser throws, is a 400 with a message.
 */
final class JsonText {

  /** Larger JSON bodies are refused with 413 (MPM's default PHP post_max_size is 8 MB). */
  static final long MAX_BODY_BYTES = 2L * 1024 * 1024;

  /** Arrays and objects nested deeper than this are refused: no body of the API needs more than a few levels. */
  static final int MAX_DEPTH = 64;

  /** Looked up once: {@code Json.createReader} would search the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonText() {}

  /** Parses a body holding any JSON value; an empty body is an empty object. */
  static JsonValue parse(String body) {
    if (body == null || body.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (body.length() > MAX_BODY_BYTES) {
      throw new BadRequestBody(413, "The request body is too large.");
    }
    if (depth(body) > MAX_DEPTH) {
      throw new BadRequestBody(400, "The request body is nested more than " + MAX_DEPTH + " levels deep.");
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      // JsonException for bad syntax; the parser's own limits (number length, nesting) throw other exceptions.
      throw new BadRequestBody(400, "The request body is not valid JSON.");
    }
  }

  /** The deepest nesting of arrays and objects in the text, brackets inside strings not counted. */
  static int depth(String text) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
        if (depth > deepest) {
          deepest = depth;
          if (deepest > MAX_DEPTH) {
            return deepest;
          }
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return deepest;
  }
}
