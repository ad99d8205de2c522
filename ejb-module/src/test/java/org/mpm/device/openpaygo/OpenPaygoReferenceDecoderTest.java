package org.mpm.device.openpaygo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpm.device.openpaygo.OpenPaygoReferenceDecoder.Kind;
import org.mpm.device.openpaygo.OpenPaygoReferenceDecoder.Outcome;
import org.mpm.device.openpaygo.OpenPaygoReferenceDecoder.Result;

/** Tokens from the encoder entered on an independently written device decoder. */
class OpenPaygoReferenceDecoderTest {

  private static final String KEY = "bc41ec9530f6dac86b1a29ab82edc5fb";
  private static final String OTHER_KEY = "dac86b1a29ab82edc5fbbc41ec9530f6";
  private static final long STARTING_CODE = 516959010L;

  /** A server-side view of one device: the config plus the count of its last token. */
  private static final class Server {
    private final OpenPaygoConfig config;
    private int count;

    Server(OpenPaygoConfig config, int count) {
      this.config = config;
      this.count = count;
    }

    String token(OpenPaygoTokenType type, int value) {
      GeneratedToken generated = OpenPaygoTokenEncoder.generate(config, count, type, value);
      count = generated.newCount();
      return generated.token();
    }

    String token(OpenPaygoTokenType type) {
      GeneratedToken generated = OpenPaygoTokenEncoder.generate(config, count, type);
      count = generated.newCount();
      return generated.token();
    }
  }

  private static void assertAccepted(Result result, Kind kind, int value, int count) {
    assertEquals(new Result(Outcome.ACCEPTED, kind, value, count), result);
  }

  @Test
  void decoderSipHashMatchesThePublishedVectors() {
    byte[] key = new byte[16];
    byte[] fifteen = new byte[15];
    for (int i = 0; i < 16; i++) {
      key[i] = (byte) i;
      if (i < 15) {
        fifteen[i] = (byte) i;
      }
    }
    assertEquals(0x726fdb47dd0e0e31L, OpenPaygoReferenceDecoder.Sip.hash(key, new byte[0]));
    assertEquals(0xa129ca6149be45e5L, OpenPaygoReferenceDecoder.Sip.hash(key, fifteen));
  }

  @Test
  void decodesEveryPublishedVectorBackToItsCountAndValue() {
    List<String> failures = new ArrayList<>();
    for (JsonObject v : OpenPaygoTokenEncoderTest.vectors()) {
      boolean extended = v.getBoolean("extended_token");
      OpenPaygoReferenceDecoder device = new OpenPaygoReferenceDecoder(v.getString("key"),
          v.getJsonNumber("starting_code").longValueExact(), v.getBoolean("restricted_digit_set"),
          extended, v.getInt("count"));
      Result result = device.enter(v.getString("token"));
      String type = v.getString("token_type");
      int expectedValue = switch (type) {
        case "DISABLE_PAYG" -> 998;
        case "COUNTER_SYNC" -> 999;
        default -> v.getInt("value_raw");
      };
      // Extended tokens only know Add Time and Set Time: 998 / 999 come back as Set Time values.
      String expectedKind = extended && !type.equals("ADD_TIME") ? "SET_TIME" : type;
      if (result.outcome() != Outcome.ACCEPTED || !result.kind().name().equals(expectedKind)
          || result.value() != expectedValue || result.count() != v.getInt("new_count")) {
        failures.add(v + " -> " + result);
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void aSequenceOfTokensIsAcceptedInOrderAndReplaysAreRefused() {
    Server server = new Server(OpenPaygoConfig.standard(KEY, STARTING_CODE), 1);
    OpenPaygoReferenceDecoder device = new OpenPaygoReferenceDecoder(KEY, STARTING_CODE, false, false, 1);

    String add7 = server.token(OpenPaygoTokenType.ADD_TIME, 7);
    String add30 = server.token(OpenPaygoTokenType.ADD_TIME, 30);
    String add995 = server.token(OpenPaygoTokenType.ADD_TIME, 995);
    String add0 = server.token(OpenPaygoTokenType.ADD_TIME, 0);
    String set12 = server.token(OpenPaygoTokenType.SET_TIME, 12);
    String disable = server.token(OpenPaygoTokenType.DISABLE_PAYG);
    String sync = server.token(OpenPaygoTokenType.COUNTER_SYNC);
    String addAfterSync = server.token(OpenPaygoTokenType.ADD_TIME, 5);

    assertAccepted(device.enter(add7), Kind.ADD_TIME, 7, 2);
    assertEquals(Outcome.ALREADY_USED, device.enter(add7).outcome());
    assertAccepted(device.enter(add30), Kind.ADD_TIME, 30, 4);
    assertAccepted(device.enter(add995), Kind.ADD_TIME, 995, 6);
    assertAccepted(device.enter(add0), Kind.ADD_TIME, 0, 8);
    assertEquals(Outcome.ALREADY_USED, device.enter(add30).outcome());
    assertAccepted(device.enter(set12), Kind.SET_TIME, 12, 9);
    assertEquals(Outcome.ALREADY_USED, device.enter(set12).outcome());
    assertAccepted(device.enter(disable), Kind.DISABLE_PAYG, 998, 11);
    assertEquals(Outcome.ALREADY_USED, device.enter(disable).outcome());
    assertAccepted(device.enter(sync), Kind.COUNTER_SYNC, 999, 13);
    assertEquals(Outcome.ALREADY_USED, device.enter(sync).outcome());
    assertAccepted(device.enter(addAfterSync), Kind.ADD_TIME, 5, 14);
    assertEquals(Outcome.ALREADY_USED, device.enter(addAfterSync).outcome());
    assertEquals(14, device.lastCount());
  }

  @Test
  void olderAddTimeTokensMayComeLateButNotPastASetTime() {
    Server server = new Server(OpenPaygoConfig.standard(KEY, STARTING_CODE), 1);
    OpenPaygoReferenceDecoder device = new OpenPaygoReferenceDecoder(KEY, STARTING_CODE, false, false, 1);
    String first = server.token(OpenPaygoTokenType.ADD_TIME, 1);
    String second = server.token(OpenPaygoTokenType.ADD_TIME, 2);
    String third = server.token(OpenPaygoTokenType.ADD_TIME, 3);
    String set = server.token(OpenPaygoTokenType.SET_TIME, 4);

    assertAccepted(device.enter(second), Kind.ADD_TIME, 2, 4);
    assertAccepted(device.enter(first), Kind.ADD_TIME, 1, 2);
    assertEquals(Outcome.ALREADY_USED, device.enter(first).outcome());
    assertAccepted(device.enter(set), Kind.SET_TIME, 4, 7);
    assertEquals(Outcome.ALREADY_USED, device.enter(third).outcome());
  }

  @Test
  void counterSyncBringsBackADeviceTheServerGotAheadOf() {
    Server server = new Server(OpenPaygoConfig.standard(KEY, STARTING_CODE), 1);
    OpenPaygoReferenceDecoder device = new OpenPaygoReferenceDecoder(KEY, STARTING_CODE, false, false, 1);
    for (int i = 0; i < 40; i++) {
      server.token(OpenPaygoTokenType.ADD_TIME, 1); // lost, never entered: count goes to 80
    }
    String sync = server.token(OpenPaygoTokenType.COUNTER_SYNC);
    String next = server.token(OpenPaygoTokenType.ADD_TIME, 3);

    assertEquals(Outcome.INVALID, device.enter(next).outcome(), "82 is beyond the look-ahead of 64");
    assertAccepted(device.enter(sync), Kind.COUNTER_SYNC, 999, 81);
    assertAccepted(device.enter(next), Kind.ADD_TIME, 3, 82);
  }

  @Test
  void extendedAndRestrictedTokensRoundTrip() {
    for (boolean restricted : new boolean[] {false, true}) {
      for (boolean extended : new boolean[] {false, true}) {
        Server server = new Server(new OpenPaygoConfig(KEY, STARTING_CODE, 1, restricted, extended), 10);
        OpenPaygoReferenceDecoder device =
            new OpenPaygoReferenceDecoder(KEY, STARTING_CODE, restricted, extended, 10);
        int big = extended ? 654_321 : 995;
        String add = server.token(OpenPaygoTokenType.ADD_TIME, big);
        String set = server.token(OpenPaygoTokenType.SET_TIME, 3);
        assertAccepted(device.enter(add), Kind.ADD_TIME, big, 12);
        assertAccepted(device.enter(set), Kind.SET_TIME, 3, 13);
        assertEquals(Outcome.ALREADY_USED, device.enter(add).outcome());
      }
    }
  }

  @Test
  void tokensForAnotherKeyOrMangledTokensAreInvalid() {
    OpenPaygoReferenceDecoder device = new OpenPaygoReferenceDecoder(KEY, STARTING_CODE, false, false, 1);
    String foreign = OpenPaygoTokenEncoder.generate(
        OpenPaygoConfig.standard(OTHER_KEY, STARTING_CODE), 1, OpenPaygoTokenType.ADD_TIME, 7).token();
    assertEquals(Outcome.INVALID, device.enter(foreign).outcome());
    String foreignSync = OpenPaygoTokenEncoder.generate(
        OpenPaygoConfig.standard(OTHER_KEY, STARTING_CODE), 1, OpenPaygoTokenType.COUNTER_SYNC).token();
    assertEquals(Outcome.INVALID, device.enter(foreignSync).outcome());
    assertEquals(Outcome.INVALID, device.enter("12345").outcome());
    assertEquals(Outcome.INVALID, device.enter("12345678a").outcome());

    String genuine = OpenPaygoTokenEncoder.generate(
        OpenPaygoConfig.standard(KEY, STARTING_CODE), 1, OpenPaygoTokenType.ADD_TIME, 7).token();
    assertAccepted(device.enter(genuine), Kind.ADD_TIME, 7, 2);
  }
}
