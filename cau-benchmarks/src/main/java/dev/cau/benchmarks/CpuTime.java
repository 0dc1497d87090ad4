package dev.cau.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the CPU time tasks take on the calling thread, the median of many runs after a
 * warm-up: unlike real time, it hardly moves when other processes share the machine's cores. Tasks
 * compared with each other run in turn, so that a change of the machine's load, or of the code the
 * JIT made, falls on each alike.
 */
final class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTime() {}

  /**
   * Returns the median CPU time of each task, in milliseconds.
   *
   * @param tasks the tasks, run one after the other in every round
   * @param warmUpMillis how long to run them first, in CPU time, for the JIT to compile them
   * @param rounds how many timed rounds
   * @return the median of each task's timed runs, in the order of the tasks
   */
  static double[] medianMillis(List<Runnable> tasks, long warmUpMillis, int rounds) {
    long warmUpEnd = THREADS.getCurrentThreadCpuTime() + warmUpMillis * 1_000_000;
    while (THREADS.getCurrentThreadCpuTime() < warmUpEnd) {
      tasks.forEach(Runnable::run);
    }
    long[][] nanos = new long[tasks.size()][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int task = 0; task < tasks.size(); task++) {
        long start = THREADS.getCurrentThreadCpuTime();
        tasks.get(task).run();
        nanos[task][round] = THREADS.getCurrentThreadCpuTime() - start;
      }
    }
    double[] medians = new double[tasks.size()];
    for (int task = 0; task < tasks.size(); task++) {
      Arrays.sort(nanos[task]);
      medians[task] = nanos[task][rounds / 2] / 1e6;
    }
    return medians;
  }
}
