package dev.cau.benchmarks;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link RunStoreBenchmark} and {@link NodeScalingBenchmark} in one JMH run and prints what
 * the journal's acceptance asks: the ratio of a 64-node run with a run store to the same run
 * without one, the cost per node at each size with the ratio of 256 nodes to 16, and the bytes of
 * a 64-node run's journal. Times are medians of JMH's samples, then the same comparisons in the
 * median CPU time of the calling thread ({@link CpuTime}), which two cores shared with other
 * builds hardly move, over every round and within the fastest block of rounds. The real time of
 * those same rounds comes first: JMH runs each benchmark in its own fork, minutes apart, so its
 * ratio also holds whatever the host did in between; tasks taken in turn share it.
 *
 * <p>{@code java -cp cau-benchmarks/target/benchmarks.jar dev.cau.benchmarks.AcceptanceReport -f 1 -wi 3 -i 5}
 * (any JMH option is passed on).
 */
public final class AcceptanceReport {
  private static final int[] SIZES = {4, 16, 64, 256};

  private AcceptanceReport() {}

  /**
   * Runs the benchmarks and prints the report.
   *
   * @param args JMH command-line options
   * @throws CommandLineOptionException if an option is not JMH's
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws CommandLineOptionException, RunnerException {
    Collection<RunResult> results = new Runner(
        new OptionsBuilder()
            .parent(new CommandLineOptions(args))
            .include(RunStoreBenchmark.class.getName())
            .include(NodeScalingBenchmark.class.getName())
            .build())
        .run();
    double with = 0;
    double without = 0;
    Map<Integer, Double> perRun = new TreeMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      // The median, not the mean: two cores shared with other builds make a few runs slow.
      double millis = result.getPrimaryResult().getStatistics().getPercentile(50);
      if (method.endsWith("RunStoreBenchmark.withRunStore")) {
        with = millis;
      } else if (method.endsWith("RunStoreBenchmark.withoutRunStore")) {
        without = millis;
      } else {
        perRun.put(Integer.parseInt(result.getParams().getParam("nodes")), millis);
      }
    }
    System.out.println();
    print("JMH real time", with, without, perRun);
    System.out.println("Journal of a 64-node run: " + JournalSize.ofRun(64));

    CpuTime.Times cpu = CpuTime.measure(List.of(
        () -> SimulatedRuns.withRunStore(SimulatedRuns.cluster(64)),
        () -> SimulatedRuns.withoutRunStore(SimulatedRuns.cluster(64))), 5000, 5, 41);
    CpuTime.Times scaling = CpuTime.measure(List.of(
        () -> SimulatedRuns.withRunStore(SimulatedRuns.cluster(SIZES[0])),
        () -> SimulatedRuns.withRunStore(SimulatedRuns.cluster(SIZES[1])),
        () -> SimulatedRuns.withRunStore(SimulatedRuns.cluster(SIZES[2])),
        () -> SimulatedRuns.withRunStore(SimulatedRuns.cluster(SIZES[3]))), 5000, 3, 11);
    print("real time taken in turn", cpu.realMedian()[0], cpu.realMedian()[1], bySize(scaling.realMedian()));
    print("thread CPU time", cpu.median()[0], cpu.median()[1], bySize(scaling.median()));
    print("thread CPU time, fastest block", cpu.fastestBlock()[0], cpu.fastestBlock()[1],
        bySize(scaling.fastestBlock()));
    System.out.printf(Locale.ROOT, "(medians over all rounds, then within the fastest of %d blocks of rounds for the"
        + " 64-node pair and of %d for the sizes: the quietest stretch of a host whose speed varies)%n",
        cpu.blocks(), scaling.blocks());
  }

  private static Map<Integer, Double> bySize(double[] millis) {
    Map<Integer, Double> perRun = new TreeMap<>();
    for (int i = 0; i < SIZES.length; i++) {
      perRun.put(SIZES[i], millis[i]);
    }
    return perRun;
  }

  private static void print(String what, double with, double without, Map<Integer, Double> perRun) {
    System.out.printf(Locale.ROOT, "%s, 64-node run (median): %.3f ms with a run store, %.3f ms without: ratio %.2f%n",
        what, with, without, with / without);
    perRun.forEach((nodes, millis) -> System.out.printf(Locale.ROOT,
        "%s, %3d nodes (median): %8.3f ms per run, %6.1f us per node%n", what, nodes, millis, millis * 1000 / nodes));
    Double at16 = perRun.get(16);
    Double at256 = perRun.get(256);
    if (at16 != null && at256 != null) {
      System.out.printf(Locale.ROOT, "%s, cost per node at 256 nodes / at 16 nodes: %.2f%n",
          what, (at256 / 256) / (at16 / 16));
    }
  }
}
