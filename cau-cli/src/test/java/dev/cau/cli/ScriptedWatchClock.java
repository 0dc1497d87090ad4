package dev.cau.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link WatchClock} for tests, which never sleeps: its time is the scenario's (a live run's
 * virtual time), and each wait lets the scenario go on instead. It records the waits and whether a
 * stop was arranged and cancelled.
 */
final class ScriptedWatchClock implements WatchClock {
  /** What happens during the watch's waits. */
  interface Scenario {
    /**
     * Goes on for the length of one wait.
     *
     * @param wait the wait's number, from 1
     * @param duration how long the watch waits
     * @throws InterruptedException to interrupt the watch
     */
    void during(int wait, Duration duration) throws InterruptedException;
  }

  private final Supplier<Instant> now;
  private final Scenario scenario;
  private final List<Duration> waits = new ArrayList<>();
  private int arranged;
  private int cancelled;

  ScriptedWatchClock(Supplier<Instant> now, Scenario scenario) {
    this.now = now;
    this.scenario = scenario;
  }

  /** A clock for a watch that must not wait at all: a wait fails the test. */
  static ScriptedWatchClock neverWaiting() {
    return new ScriptedWatchClock(() -> Instant.parse("2026-03-03T12:00:00Z"), (wait, duration) -> {
      throw new AssertionError("the watch waited, but it had nothing to watch");
    });
  }

  @Override
  public Instant now() {
    return now.get();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    waits.add(duration);
    scenario.during(waits.size(), duration);
  }

  @Override
  public Arrangement onProcessStop(Runnable action) {
    arranged++;
    return () -> cancelled++;
  }

  /** The waits the watch asked for, in order. */
  List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** How many stops were arranged and not cancelled. */
  int stopsLeftArranged() {
    return arranged - cancelled;
  }

  /** How many stops were arranged. */
  int stopsArranged() {
    return arranged;
  }
}
