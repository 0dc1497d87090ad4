package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The cluster's quorum witness, which holds one vote when configured and online.
 *
 * @param kind what kind of witness is configured, or {@link WitnessKind#NONE}
 * @param state whether the witness resource is online
 */
@API(status = STABLE, since = "0.1.0")
public record Witness(WitnessKind kind, WitnessState state) {
  /** No witness is configured. */
  public static final Witness NONE = new Witness(WitnessKind.NONE, WitnessState.OFFLINE);

  /**
   * Checks the components.
   *
   * @param kind what kind of witness is configured
   * @param state whether the witness resource is online
   */
  public Witness {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
  }

  /**
   * Tells whether a witness is configured at all.
   *
   * @return {@code true} unless the kind is {@link WitnessKind#NONE}
   */
  public boolean isConfigured() {
    return kind != WitnessKind.NONE;
  }

  /**
   * Tells whether the witness can cast its vote now.
   *
   * @return {@code true} when a witness is configured and online
   */
  public boolean isOnline() {
    return isConfigured() && state == WitnessState.ONLINE;
  }
}
