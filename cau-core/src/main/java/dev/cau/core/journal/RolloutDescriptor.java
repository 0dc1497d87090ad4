package dev.cau.core.journal;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The rollout policy a run was started with, as its journal header records it: the policy's name
 * and its parameters. A coordinator that reports the run's status uses the policy this names: its
 * own configured policy if that has this descriptor, else the built-in policy of this name. It
 * resumes a rolling run only if its own configured policy has this descriptor (an offline update's
 * policy is always {@link dev.cau.core.policy.RolloutPolicy#ALL_AT_ONCE}).
 *
 * @param name the policy's name, such as {@code cau.one-node-at-a-time}
 * @param parameters the policy's parameters, sorted by name
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record RolloutDescriptor(String name, Map<String, String> parameters) {
  /**
   * Checks the components and copies the parameters in name order.
   *
   * @param name the policy's name
   * @param parameters the policy's parameters
   */
  public RolloutDescriptor {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A rollout policy's name must not be blank");
    }
    parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /**
   * Describes a policy without parameters.
   *
   * @param name the policy's name
   * @return the descriptor
   */
  public static RolloutDescriptor of(String name) {
    return new RolloutDescriptor(name, Map.of());
  }

  @Override
  public String toString() {
    return parameters.isEmpty() ? name : name + parameters;
  }
}
