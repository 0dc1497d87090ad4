package dev.cau.testkit;

import dev.cau.api.event.NodeFinished;
import dev.cau.api.event.NodeStep;
import dev.cau.api.event.NodeStepStarted;
import java.time.Instant;

/** When things happened in a simulated run, read from its events. */
final class Moments {
  private Moments() {}

  /** When the node first started the step. */
  static Instant stepStart(SimulationResult outcome, String node, NodeStep step) {
    return outcome.events().stream().filter(e -> e instanceof NodeStepStarted s && s.node().equals(node) && s.step() == step)
        .findFirst().orElseThrow().at();
  }

  /** When the node finished. */
  static Instant finished(SimulationResult outcome, String node) {
    return outcome.events().stream().filter(e -> e instanceof NodeFinished f && f.result().node().equals(node))
        .findFirst().orElseThrow().at();
  }
}
