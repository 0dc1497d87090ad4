package dev.cau.benchmarks;

import dev.cau.api.result.RunResult;
import dev.cau.testkit.Simulation;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Real time of whole simulated updating runs, against a baseline measured in the same JMH run:
 * building the same simulated cluster without running anything. Report the run's time as a
 * ratio to the baseline.
 *
 * <p>{@code java -jar cau-benchmarks/target/benchmarks.jar SimulatedRunBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimulatedRunBenchmark {
  /** Cluster sizes: the acceptance scenario of 8 nodes, and CAU's largest cluster of 64. */
  @Param({"8", "64"})
  public int nodes;

  /** Baseline: build the cluster and nothing else. */
  @Benchmark
  public SimulatedCluster buildClusterOnly() {
    return cluster(nodes);
  }

  /** One complete updating run on a freshly built cluster. */
  @Benchmark
  public RunResult fullRun() {
    return Simulation.run(cluster(nodes), SimulatedRuns.OPTIONS).result();
  }

  static SimulatedCluster cluster(int count) {
    return SimulatedRuns.cluster(count);
  }
}
