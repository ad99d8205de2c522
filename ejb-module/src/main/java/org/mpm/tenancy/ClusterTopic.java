package org.mpm.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.function.Consumer;
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
 * bundles nor compiles against Hazelcast and no class of it is loaded where it is absent. A message is delivered
 * without waiting for the other members (Hazelcast's event threads run the receiver there, in the order sent by
 * this member); a member that joins later receives what is published from then on.
 */
public class ClusterTopic {

  private static final Logger LOG = Logger.getLogger(ClusterTopic.class.getName());

  /** Where Payara binds its Hazelcast instance. */
  static final String HAZELCAST_JNDI = "payara/Hazelcast";

  /** The topic of a server without a cluster: publishes to nobody. */
  public static final ClusterTopic NONE = new ClusterTopic(null, null, null, null, null);

  /** Separates the sending member's id from the message. */
  private static final char SEPARATOR = '\u0001';

  private final Object topic;
  private final Method publish;
  private final Method removeListener;
  private final Object registration;
  private final String node;

  private ClusterTopic(Object topic, Method publish, Method removeListener, Object registration, String node) {
    this.topic = topic;
    this.publish = publish;
    this.removeListener = removeListener;
    this.registration = registration;
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
      Class<?> topicType = Class.forName("com.hazelcast.topic.ITopic", false, loader);
      Class<?> listenerType = Class.forName("com.hazelcast.topic.MessageListener", false, loader);
      Method messageObject = Class.forName("com.hazelcast.topic.Message", false, loader).getMethod("getMessageObject");
      if (!instance.isInstance(hazelcast)) {
        return NONE;
      }
      if (!isRunning(hazelcast, instance, loader)) {
        return NONE;
      }
      Object topic = instance.getMethod("getTopic", String.class).invoke(hazelcast, name);
      String node = UUID.randomUUID().toString();
      InvocationHandler handler = (proxy, method, args) -> {
        switch (method.getName()) {
          case "onMessage" -> {
            Object text = messageObject.invoke(args[0]);
            if (text instanceof String s) {
              int at = s.indexOf(SEPARATOR);
              if (at > 0 && !s.substring(0, at).equals(node)) {
                receiver.accept(s.substring(at + 1));
              }
            }
            return null;
          }
          case "hashCode" -> {
            return System.identityHashCode(proxy);
          }
          case "equals" -> {
            return proxy == args[0];
          }
          case "toString" -> {
            return "ClusterTopic listener " + name;
          }
          default -> {
            return null;
          }
        }
      };
      Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType}, handler);
      Object registration = topicType.getMethod("addMessageListener", listenerType).invoke(topic, listener);
      LOG.info(() -> "Joined the cluster's topic " + name + " as " + node);
      return new ClusterTopic(topic, topicType.getMethod("publish", Object.class),
          topicType.getMethod("removeMessageListener", UUID.class), registration, node);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.log(Level.WARNING, "No cluster topic " + name + ": this server forgets only its own changes", e);
      return NONE;
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
    return topic != null;
  }

  /** Sends the message to the other members; a failure is logged (they then learn nothing from this message). */
  public void publish(String message) {
    if (topic == null) {
      return;
    }
    try {
      publish.invoke(topic, node + SEPARATOR + message);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not tell the cluster: " + message.replace('\u0000', '/'), e);
    }
  }

  /** Stops receiving (the application is stopping). */
  public void leave() {
    if (topic == null) {
      return;
    }
    try {
      removeListener.invoke(topic, registration);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "Leaving the cluster's topic", e);
    }
  }
}
