package org.mpm.device.openpaygo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenPaygoTokenEncoderTest {

  private static final String VECTORS = "/openpaygo/test_tokens.jsonl";
  private static final String KEY = "bc41ec9530f6dac86b1a29ab82edc5fb";
  private static final long STARTING_CODE = 516959010L;

  static List<JsonObject> vectors() {
    InputStream in = OpenPaygoTokenEncoderTest.class.getResourceAsStream(VECTORS);
    if (in == null) {
      throw new IllegalStateException("Missing test resource " + VECTORS);
    }
    List<JsonObject> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          try (JsonReader json = Json.createReader(new StringReader(line))) {
            rows.add(json.readObject());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  static Stream<Arguments> vectorArguments() {
    List<JsonObject> rows = vectors();
    return IntStream.range(0, rows.size()).mapToObj(i -> Arguments.of(i + 1, rows.get(i)));
  }

  static GeneratedToken generateFor(JsonObject v) {
    OpenPaygoConfig config = new OpenPaygoConfig(
        v.getString("key"),
        v.getJsonNumber("starting_code").longValueExact(),
        1,
        v.getBoolean("restricted_digit_set"),
        v.getBoolean("extended_token"));
    OpenPaygoTokenType type = OpenPaygoTokenType.valueOf(v.getString("token_type"));
    int count = v.getInt("count");
    return v.isNull("value_raw")
        ? OpenPaygoTokenEncoder.generate(config, count, type)
        : OpenPaygoTokenEncoder.generate(config, count, type, v.getInt("value_raw"));
  }

  @ParameterizedTest(name = "vector {0}")
  @MethodSource("vectorArguments")
  void generatesTheExpectedTokenAndCount(int line, JsonObject v) {
    GeneratedToken generated = generateFor(v);
    assertEquals(v.getString("token"), generated.token(), "token of line " + line + ": " + v);
    assertEquals(v.getInt("new_count"), generated.newCount(), "new_count of line " + line + ": " + v);
  }

  @Test
  void everyVectorMatchesAndAllTypesAndModesAreCovered() {
    List<JsonObject> rows = vectors();
    assertEquals(80, rows.size(), "number of vectors");
    List<String> mismatches = new ArrayList<>();
    Set<OpenPaygoTokenType> types = EnumSet.noneOf(OpenPaygoTokenType.class);
    Set<String> modes = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonObject v = rows.get(i);
      types.add(OpenPaygoTokenType.valueOf(v.getString("token_type")));
      modes.add(v.getBoolean("restricted_digit_set") + "/" + v.getBoolean("extended_token"));
      GeneratedToken generated = generateFor(v);
      if (!generated.token().equals(v.getString("token")) || generated.newCount() != v.getInt("new_count")) {
        mismatches.add("line " + (i + 1) + ": expected " + v.getString("token") + "/" + v.getInt("new_count")
            + ", got " + generated.token() + "/" + generated.newCount());
      }
    }
    assertEquals(List.of(), mismatches);
    assertEquals(EnumSet.allOf(OpenPaygoTokenType.class), types);
    assertEquals(4, modes.size());
  }

  @Test
  void sipHashMatchesThePublishedVectors() {
    byte[] key = new byte[16];
    for (int i = 0; i < 16; i++) {
      key[i] = (byte) i;
    }
    byte[] fifteen = new byte[15];
    for (int i = 0; i < 15; i++) {
      fifteen[i] = (byte) i;
    }
    assertEquals(0x726fdb47dd0e0e31L, SipHash24.hash(key, new byte[0]));
    assertEquals(0xa129ca6149be45e5L, SipHash24.hash(key, fifteen));
  }

  @Test
  void restrictedDigitSetExampleOfTheSpecification() {
    assertEquals("324244134441123", OpenPaygoTokenEncoder.toRestrictedDigits(662_486_790L, 30));
  }

  @Test
  void countsFollowTheParityOfEachType() {
    assertEquals(2, OpenPaygoTokenEncoder.nextCount(1, OpenPaygoTokenType.ADD_TIME));
    assertEquals(4, OpenPaygoTokenEncoder.nextCount(2, OpenPaygoTokenType.ADD_TIME));
    assertEquals(3, OpenPaygoTokenEncoder.nextCount(1, OpenPaygoTokenType.SET_TIME));
    assertEquals(3, OpenPaygoTokenEncoder.nextCount(2, OpenPaygoTokenType.DISABLE_PAYG));
    assertEquals(11, OpenPaygoTokenEncoder.nextCount(10, OpenPaygoTokenType.COUNTER_SYNC));
    assertEquals(1, OpenPaygoTokenEncoder.nextCount(0, OpenPaygoTokenType.SET_TIME));
  }

  @Test
  void tokensAreZeroPaddedToTheirModeLength() {
    for (int count = 0; count < 40; count++) {
      assertEquals(9, OpenPaygoTokenEncoder.generate(
          OpenPaygoConfig.standard(KEY, 17L), count, OpenPaygoTokenType.ADD_TIME, 3).token().length());
      String extended = OpenPaygoTokenEncoder.generate(
          new OpenPaygoConfig(KEY, 17L, 1, false, true), count, OpenPaygoTokenType.ADD_TIME, 3).token();
      assertEquals(12, extended.length());
      String restricted = OpenPaygoTokenEncoder.generate(
          new OpenPaygoConfig(KEY, 17L, 1, true, true), count, OpenPaygoTokenType.SET_TIME, 3).token();
      assertTrue(restricted.matches("[1-4]{20}"), restricted);
    }
  }

  @Test
  void rejectsBadInput() {
    OpenPaygoConfig config = OpenPaygoConfig.standard(KEY, STARTING_CODE);
    OpenPaygoConfig extended = new OpenPaygoConfig(KEY, STARTING_CODE, 1, false, true);
    assertThrows(IllegalArgumentException.class, () -> OpenPaygoConfig.standard("bc41ec95", STARTING_CODE));
    assertThrows(IllegalArgumentException.class, () -> OpenPaygoConfig.standard(KEY + "00", STARTING_CODE));
    assertThrows(IllegalArgumentException.class,
        () -> OpenPaygoConfig.standard("zz41ec9530f6dac86b1a29ab82edc5fb", STARTING_CODE));
    assertThrows(IllegalArgumentException.class, () -> OpenPaygoConfig.standard(null, STARTING_CODE));
    assertThrows(IllegalArgumentException.class, () -> OpenPaygoConfig.standard(KEY, 1_000_000_000L));
    assertThrows(IllegalArgumentException.class, () -> OpenPaygoConfig.standard(KEY, -1));
    assertThrows(IllegalArgumentException.class, () -> new OpenPaygoConfig(KEY, 1, 0, false, false));
    assertThrows(IllegalArgumentException.class, () -> new OpenPaygoConfig(KEY, 1, 256, false, false));

    assertThrows(IllegalArgumentException.class,
        () -> OpenPaygoTokenEncoder.generate(config, 1, OpenPaygoTokenType.ADD_TIME, 996));
    assertThrows(IllegalArgumentException.class,
        () -> OpenPaygoTokenEncoder.generate(config, 1, OpenPaygoTokenType.SET_TIME, -1));
    assertThrows(IllegalArgumentException.class,
        () -> OpenPaygoTokenEncoder.generate(extended, 1, OpenPaygoTokenType.ADD_TIME, 1_000_000));
    assertEquals(12, OpenPaygoTokenEncoder.generate(extended, 1, OpenPaygoTokenType.ADD_TIME, 999_999)
        .token().length());
    assertThrows(IllegalArgumentException.class,
        () -> OpenPaygoTokenEncoder.generate(config, 1, OpenPaygoTokenType.DISABLE_PAYG, 998));
    assertThrows(IllegalArgumentException.class,
        () -> OpenPaygoTokenEncoder.generate(config, 1, OpenPaygoTokenType.ADD_TIME));
    assertThrows(IllegalArgumentException.class,
        () -> OpenPaygoTokenEncoder.generate(config, -1, OpenPaygoTokenType.ADD_TIME, 1));
  }

  @Test
  void timeDividerScalesDaysToRawValue() {
    OpenPaygoConfig quarterDays = new OpenPaygoConfig(KEY, STARTING_CODE, 4, false, false);
    assertEquals(22, quarterDays.toRawValue(5.5));
    assertEquals(7, OpenPaygoConfig.standard(KEY, STARTING_CODE).toRawValue(7));
    assertThrows(IllegalArgumentException.class, () -> quarterDays.toRawValue(-1));
    assertFalse(quarterDays.toString().contains(KEY), "the key stays out of toString");
  }
}
