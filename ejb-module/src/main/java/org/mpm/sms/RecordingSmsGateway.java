package org.mpm.sms;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The built-in gateway: accepts every message (with the message's own uuid as reference) without any network and
 * keeps the most recent ones in memory, so an installation without an SMS provider still runs; the {@code sms}
 * rows are the record.
 */
@ApplicationScoped
public class RecordingSmsGateway implements SmsGateway {

  public static final String NAME = "recording";
  private static final int KEEP = 200;

  /** One recorded message. */
  public record Recorded(String receiver, String body, String reference) {}

  private final Deque<Recorded> recent = new ArrayDeque<>();

  @Override
  public String name() {
    return NAME;
  }

  /** Nothing leaves the process: a message recorded by a transaction that then rolls back only stays in memory. */
  @Override
  public boolean sendsInTransaction() {
    return true;
  }

  @Override
  public Result send(String receiver, String body, String uuid) {
    if (receiver == null || receiver.isBlank()) {
      return Result.failed("No receiver");
    }
    String reference = uuid == null ? UUID.randomUUID().toString() : uuid;
    synchronized (recent) {
      recent.addLast(new Recorded(receiver, body, reference));
      while (recent.size() > KEEP) {
        recent.removeFirst();
      }
    }
    return Result.accepted(reference);
  }

  /** The recorded messages, oldest first. */
  public List<Recorded> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }
}
