package dev.cau.api.cluster;

/** Whether a configured witness resource is reachable and voting. */
public enum WitnessState {
  /** The witness resource is online. */
  ONLINE,
  /** The witness resource is offline or failed. */
  OFFLINE
}
