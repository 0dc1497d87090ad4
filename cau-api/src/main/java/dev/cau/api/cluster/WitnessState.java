package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Whether a configured witness resource is reachable and voting. */
@API(status = STABLE, since = "0.1.0")
public enum WitnessState {
  /** The witness resource is online. */
  ONLINE,
  /** The witness resource is offline or failed. */
  OFFLINE
}
