package dev.cau.benchmarks;

import dev.cau.api.result.RunResult;
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
 * Real time of a simulated updating run with a run store over cluster sizes: a run whose cost
 * grows linearly with its nodes costs the same per node at every size. {@link AcceptanceReport}
 * prints the cost per node.
 *
 * <p>{@code java -jar cau-benchmarks/target/benchmarks.jar NodeScalingBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NodeScalingBenchmark {
  /** Cluster sizes, each four times the last. */
  @Param({"4", "16", "64", "256"})
  public int nodes;

  /** One complete run whose journal goes to the cluster's run store, on a freshly built cluster. */
  @Benchmark
  public RunResult fullRun() {
    return SimulatedRuns.withRunStore(SimulatedRuns.cluster(nodes));
  }
}
