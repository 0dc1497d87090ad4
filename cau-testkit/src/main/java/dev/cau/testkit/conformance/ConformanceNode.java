package dev.cau.testkit.conformance;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A node as the conformance kit gives it to a plug-in: the capabilities the plug-in asks for
 * with {@link dev.cau.api.plugin.PluginContext#capability(Class)}, and a restart.
 *
 * <p>The kit asks for a fresh node for every check, so that no check sees what another one
 * installed. Offer the same capability objects a management product's
 * {@link dev.cau.api.cluster.NodeController#capability(Class)} would, usually in-memory fakes:
 *
 * <pre>{@code
 * () -> {
 *   FakeAgent agent = new FakeAgent();
 *   return ConformanceNode.of(agent).onRestart(agent::restart);
 * }
 * }</pre>
 *
 * <p>The kit calls a node from the thread that runs the checks only.
 */
@API(status = MAINTAINED, since = "0.1.0")
public interface ConformanceNode {
  /**
   * Returns a capability of the node.
   *
   * @param type the capability's interface
   * @param <T> the capability's type
   * @return the capability, or empty if the node does not offer it
   */
  <T> Optional<T> capability(Class<T> type);

  /**
   * Restarts the node. The kit calls it where the engine would: after an install pass in which a
   * result said the node must restart, before scanning again. The default does nothing.
   */
  default void restart() {}

  /**
   * Returns this node with an action that runs when it restarts, after this node's own
   * {@link #restart()}.
   *
   * @param action what a restart does, such as activating flashed firmware
   * @return a node that offers the same capabilities
   */
  default ConformanceNode onRestart(Runnable action) {
    Objects.requireNonNull(action, "action");
    ConformanceNode node = this;
    return new ConformanceNode() {
      @Override
      public <T> Optional<T> capability(Class<T> type) {
        return node.capability(type);
      }

      @Override
      public void restart() {
        node.restart();
        action.run();
      }
    };
  }

  /**
   * Returns a node that offers each object as every type it is an instance of: asked for a type,
   * it returns the first object that implements it.
   *
   * @param capabilities the capability objects
   * @return the node
   */
  static ConformanceNode of(Object... capabilities) {
    List<Object> offered = List.of(capabilities);
    return new ConformanceNode() {
      @Override
      public <T> Optional<T> capability(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return offered.stream().filter(type::isInstance).findFirst().map(type::cast);
      }
    };
  }

  /**
   * Returns a node that offers no capability at all.
   *
   * @return the node
   */
  static ConformanceNode empty() {
    return of();
  }
}
