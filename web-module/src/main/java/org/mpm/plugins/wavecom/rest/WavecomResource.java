package org.mpm.plugins.wavecom.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mpm.common.ValidationException;
import org.mpm.plugins.wavecom.WavecomImports;
import org.mpm.rest.FormParts;
import org.mpm.rest.Json;

/** The upload of a Wavecom transactions file (a user token of the company, as MPM takes it). */
@Path("wavecom/upload")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plugins")
public class WavecomResource {

  /** The largest file taken, in bytes. */
  static final int MAX_BYTES = 2 * 1024 * 1024;
  static final String FILE = "transaction_file";

  @Inject WavecomImports imports;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Upload a Wavecom transactions file (multipart transaction_file, csv or txt with the columns"
      + " transaction_id, sender, message, amount): each row booked once; {data:{result:'success', reason?:[…]}};"
      + " 422 and nothing booked when a row is malformed")
  public Map<String, Object> upload(List<EntityPart> parts) {
    WavecomImports.Result result = imports.upload(text(FormParts.part(parts, FILE)));
    return Json.data(result.reasons().isEmpty() ? Json.obj("result", "success")
        : Json.obj("result", "success", "reason", result.reasons()));
  }

  /** The file's text (UTF-8), or a 422 as Laravel words it. */
  static String text(EntityPart part) {
    if (part == null || part.getFileName().isEmpty()) {
      throw ValidationException.field(FILE, "The transaction file field is required.");
    }
    String name = part.getFileName().get().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
      throw ValidationException.field(FILE, "The transaction file field must be a file of type: csv, txt.");
    }
    byte[] bytes;
    try (InputStream in = part.getContent()) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_BYTES) {
      throw ValidationException.field(FILE, "The transaction file field must not be greater than "
          + MAX_BYTES / 1024 + " kilobytes.");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ValidationException.field(FILE, "The transaction file field must be a file of type: csv, txt.");
    }
  }
}
