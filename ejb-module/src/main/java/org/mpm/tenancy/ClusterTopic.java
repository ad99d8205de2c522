package org.mpm.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A topic of the cluster the server belongs to, through the server's own Hazelcast (Payara binds its instance at
 * {@value #HAZELCAST_JNDI}): short text messages that every other member receives. Where there is no Hazelcast
 * (WildFly, a Payara Micro started alone, Payara Server without one) the topic is {@linkplain #NONE silent}.
 *
 * <p>Hazelcast's API is reached by reflection on the bound instance's own interfaces, so the application neither
 * bundles nor compiles against Hazelcast and no class of it is loaded where it is absent. Hazelcast delivers a
 * topic's message without waiting for the receivers, so each receiver answers on a second topic once it has handled
 * the message, and {@link #publish} returns when every other member has answered, or after
 * {@value #DELIVERY_WAIT_MILLIS} ms (a member that is starting, leaving or cut off; it then learns nothing from this
 * message).
 */
public class ClusterTopic {

  private static final Logger LOG = Logger.getLogger(ClusterTopic.class.getName());

  /** Where Payara binds its Hazelcast instance. */
  static final String HAZELCAST_JNDI = "payara/Hazelcast";

  /** How long {@link #publish} waits for the other members to have handled a message. */
  static final long DELIVERY_WAIT_MILLIS = 250;

  /** The topic of a server without a cluster: publishes to nobody. */
  public static final ClusterTopic NONE = new ClusterTopic(null, null, null, null, null, null);

  /** Separates the sending member's id, the message's number and the message. */
  private static final char SEPARATOR = '\u0001';

  /** The messages and their answers: the topic and the answers' topic. */
  private final Object[] topics;
  private final Object[] registrations;
  private final Method publish;
  private final Method removeListener;
  /** How many members the cluster has now. */
  private final Supplier<Integer> members;
  /** This member's id (a member's own messages come back to it and are ignored). */
  private final String node;
  private final AtomicLong sequence = new AtomicLong();
  /** The messages this member waits for answers to, by number. */
  private final Map<Long, CountDownLatch> waiting = new ConcurrentHashMap<>();

  private ClusterTopic(Object[] topics, Object[] registrations, Method publish, Method removeListener,
      Supplier<Integer> members, String node) {
    this.topics = topics;
    this.registrations = registrations;
    this.publish = publish;
    this.removeListener = removeListener;
    this.members = members;
    this.node = node;
  }

  /**
   * Joins the cluster's topic of this name: {@code receiver} is given each message another member publishes on it
   * (on a Hazelcast thread: it must be quick and need nothing of the container). {@link #NONE} without a cluster.
   */
  public static ClusterTopic join(String name, Consumer<String> receiver) {
    Object hazelcast;
    try {
      hazelcast = new InitialContext().lookup(HAZELCAST_JNDI);
    } catch (NamingException | RuntimeException none) {
      return NONE;
    }
    if (hazelcast == null) {
      return NONE;
    }
    try {
      ClassLoader loader = hazelcast.getClass().getClassLoader();
      Class<?> instance = Class.forName("com.hazelcast.core.HazelcastInstance", false, loader);
      if (!instance.isInstance(hazelcast) || !isRunning(hazelcast, instance, loader)) {
        return NONE;
      }
      Class<?> topicType = Class.forName("com.hazelcast.topic.ITopic", false, loader);
      Method getTopic = instance.getMethod("getTopic", String.class);
      Object cluster = instance.getMethod("getCluster").invoke(hazelcast);
      Method getMembers = Class.forName("com.hazelcast.cluster.Cluster", false, loader).getMethod("getMembers");
      Supplier<Integer> members = () -> {
        try {
          return ((Set<?>) getMembers.invoke(cluster)).size();
        } catch (ReflectiveOperationException | RuntimeException e) {
          return 1;
        }
      };
      Object[] topics = {getTopic.invoke(hazelcast, name), getTopic.invoke(hazelcast, name + "-handled")};
      ClusterTopic joined = new ClusterTopic(topics, new Object[2], topicType.getMethod("publish", Object.class),
          topicType.getMethod("removeMessageListener", UUID.class), members, UUID.randomUUID().toString());
      joined.listen(0, loader, topicType, text -> joined.received(text, receiver));
      joined.listen(1, loader, topicType, joined::answered);
      LOG.info(() -> "Joined the cluster's topic " + name + " as " + joined.node);
      return joined;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.log(Level.WARNING, "No cluster topic " + name + ": this server forgets only its own changes", e);
      return NONE;
    }
  }

  /** Registers a listener on one of the topics that hands each text message to {@code texts}. */
  private void listen(int which, ClassLoader loader, Class<?> topicType, Consumer<String> texts)
      throws ReflectiveOperationException {
    Class<?> listenerType = Class.forName("com.hazelcast.topic.MessageListener", false, loader);
    Method messageObject = Class.forName("com.hazelcast.topic.Message", false, loader).getMethod("getMessageObject");
    InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
      case "onMessage" -> {
        if (messageObject.invoke(args[0]) instanceof String text) {
          texts.accept(text);
        }
        yield null;
      }
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      case "toString" -> "ClusterTopic listener " + node;
      default -> null;
    };
    Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType}, handler);
    registrations[which] = topicType.getMethod("addMessageListener", listenerType).invoke(topics[which], listener);
  }

  /** A message (sender, number, message): handled when another member sent it, and answered. */
  private void received(String text, Consumer<String> receiver) {
    String[] parts = text.split(String.valueOf(SEPARATOR), 3);
    if (parts.length == 3 && !parts[0].equals(node)) {
      receiver.accept(parts[2]);
      send(1, parts[0] + SEPARATOR + parts[1]);
    }
  }

  /** An answer (sender, number): counted when this member sent the message. */
  private void answered(String text) {
    String[] parts = text.split(String.valueOf(SEPARATOR), 2);
    if (parts.length == 2 && parts[0].equals(node)) {
      CountDownLatch latch = waiting.get(Long.valueOf(parts[1]));
      if (latch != null) {
        latch.countDown();
      }
    }
  }

  /** Whether the bound instance runs (Payara binds it also when Hazelcast is switched off). */
  private static boolean isRunning(Object hazelcast, Class<?> instance, ClassLoader loader) {
    try {
      Object lifecycle = instance.getMethod("getLifecycleService").invoke(hazelcast);
      Class<?> lifecycleType = Class.forName("com.hazelcast.core.LifecycleService", false, loader);
      return Boolean.TRUE.equals(lifecycleType.getMethod("isRunning").invoke(lifecycle));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Whether messages go to other members (a cluster topic was joined). */
  public boolean joined() {
    return topics != null;
  }

  /**
   * Sends the message to the other members and waits until each has handled it (at most
   * {@value #DELIVERY_WAIT_MILLIS} ms); a failure is logged (they then learn nothing from this message).
   */
  public void publish(String message) {
    if (topics == null) {
      return;
    }
    int others = members.get() - 1;
    if (others <= 0) {
      return;
    }
    long number = sequence.incrementAndGet();
    CountDownLatch handled = new CountDownLatch(others);
    waiting.put(number, handled);
    try {
      if (send(0, node + SEPARATOR + number + SEPARATOR + message)
          && !handled.await(DELIVERY_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        LOG.fine(() -> handled.getCount() + " of " + others + " members did not confirm a change in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      waiting.remove(number);
    }
  }

  private boolean send(int which, String text) {
    try {
      publish.invoke(topics[which], text);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not tell the cluster: " + text.replace('\u0000', '/'), e);
      return false;
    }
  }

  /** Stops receiving (the application is stopping). */
  public void leave() {
    if (topics == null) {
      return;
    }
    for (int i = 0; i < topics.length; i++) {
      try {
        if (registrations[i] != null) {
          removeListener.invoke(topics[i], registrations[i]);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.log(Level.FINE, "Leaving the cluster's topic", e);
      }
    }
  }
}
