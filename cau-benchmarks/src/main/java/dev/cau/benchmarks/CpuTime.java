package dev.cau.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the CPU time tasks take on the calling thread, after a warm-up: unlike real time, it
 * hardly moves when other processes share the machine's cores. Real time is taken in the same
 * rounds, for comparison. Tasks compared with each other run
 * in turn, so that a change of the machine's load, or of the code the JIT made, falls on each
 * alike.
 *
 * <p>The rounds are also taken in consecutive blocks. A virtual machine whose host is busy runs
 * the same code up to twice as slowly for minutes at a time, and CPU time counts that too; the
 * fastest block tells what the code costs when the host leaves it alone, and the ratios within a
 * block compare tasks measured in the same minute.
 */
final class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * What was measured, in milliseconds.
   *
   * @param median each task's median over every round, in the order of the tasks
   * @param fastestBlock each task's median within the block whose medians add up to the least
   * @param blocks how many blocks the rounds were taken in
   * @param realMedian each task's median real (wall-clock) time over every round, taken in the same
   *     rounds: unlike JMH's, whose benchmarks run one after the other in forks minutes apart, these
   *     compare tasks measured alternately, garbage collection included
   */
  record Times(double[] median, double[] fastestBlock, int blocks, double[] realMedian) {}

  private CpuTime() {}

  /**
   * Measures tasks in turn, in blocks of rounds.
   *
   * @param tasks the tasks, run one after the other in every round
   * @param warmUpMillis how long to run them first, in CPU time, for the JIT to compile them
   * @param blocks how many blocks of rounds
   * @param roundsPerBlock how many timed rounds in each block
   * @return the medians over every round and within the fastest block
   */
  static Times measure(List<Runnable> tasks, long warmUpMillis, int blocks, int roundsPerBlock) {
    long warmUpEnd = THREADS.getCurrentThreadCpuTime() + warmUpMillis * 1_000_000;
    while (THREADS.getCurrentThreadCpuTime() < warmUpEnd) {
      tasks.forEach(Runnable::run);
    }
    int rounds = blocks * roundsPerBlock;
    long[][] nanos = new long[tasks.size()][rounds];
    long[][] realNanos = new long[tasks.size()][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int task = 0; task < tasks.size(); task++) {
        long realStart = System.nanoTime();
        long start = THREADS.getCurrentThreadCpuTime();
        tasks.get(task).run();
        nanos[task][round] = THREADS.getCurrentThreadCpuTime() - start;
        realNanos[task][round] = System.nanoTime() - realStart;
      }
    }
    double[] fastest = new double[tasks.size()];
    double fastestSum = Double.MAX_VALUE;
    for (int block = 0; block < blocks; block++) {
      double[] medians = new double[tasks.size()];
      double sum = 0;
      for (int task = 0; task < tasks.size(); task++) {
        medians[task] = medianMillis(
            Arrays.copyOfRange(nanos[task], block * roundsPerBlock, (block + 1) * roundsPerBlock));
        sum += medians[task];
      }
      if (sum < fastestSum) {
        fastest = medians;
        fastestSum = sum;
      }
    }
    double[] median = new double[tasks.size()];
    double[] realMedian = new double[tasks.size()];
    for (int task = 0; task < tasks.size(); task++) {
      median[task] = medianMillis(nanos[task]);
      realMedian[task] = medianMillis(realNanos[task]);
    }
    return new Times(median, fastest, blocks, realMedian);
  }

  private static double medianMillis(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }
}
