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
 * Real time of a simulated updating run that journals every input to a run store, against the
 * same run with its journal in memory, in the same JMH run: their ratio is what the journal costs.
 * {@link AcceptanceReport} prints the ratio.
 *
 * <p>{@code java -jar cau-benchmarks/target/benchmarks.jar RunStoreBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RunStoreBenchmark {
  /** Cluster size: CAU's largest cluster. */
  @Param({"64"})
  public int nodes;

  /** One complete run whose journal goes to the cluster's run store, on a freshly built cluster. */
  @Benchmark
  public RunResult withRunStore() {
    return SimulatedRuns.withRunStore(SimulatedRuns.cluster(nodes));
  }

  /** Baseline: the same run with its journal kept in memory. */
  @Benchmark
  public RunResult withoutRunStore() {
    return SimulatedRuns.withoutRunStore(SimulatedRuns.cluster(nodes));
  }
}
