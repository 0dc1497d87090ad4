package dev.cau.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares the simulated runs of several builds of cau4j in one virtual machine: each build's
 * benchmarks jar is loaded in a class loader of its own, and the runs of every build are taken in
 * turn ({@link CpuTime}), so that the host's changes of speed fall on every build alike. Figures
 * measured in different sessions, or in JMH forks minutes apart, cannot say whether a change made
 * a run cheaper; these can, as ratios to the first build.
 *
 * <p>Each build runs the same work: a 64-node run with and without a run store, and the cost per
 * node at 16 and 256 nodes. A build qualifies from the commit that gave {@code SimulatedRuns}
 * {@code cluster}, {@code withRunStore} and {@code withoutRunStore} on. {@code
 * scripts/compare-builds} builds earlier commits and runs this with the checkout's build:
 *
 * <pre>{@code
 * java -cp cau-benchmarks/target/benchmarks.jar dev.cau.benchmarks.BuildComparison old.jar new.jar
 * }</pre>
 */
public final class BuildComparison {
  private static final int BLOCKS = 3;
  private static final int ROUNDS_PER_BLOCK = 11;
  private static final long WARM_UP_MILLIS_PER_BUILD = 8_000;

  private BuildComparison() {}

  /** One build's simulated runs, called through its own class loader. */
  private record Build(String name, Method cluster, Method withRunStore, Method withoutRunStore) {
    static Build load(Path jar) throws ReflectiveOperationException, MalformedURLException {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("No benchmarks jar at " + jar);
      }
      ClassLoader loader =
          new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> runs = loader.loadClass("dev.cau.benchmarks.SimulatedRuns");
      Class<?> cluster = loader.loadClass("dev.cau.testkit.cluster.SimulatedCluster");
      Method build = runs.getDeclaredMethod("cluster", int.class);
      Method with = runs.getDeclaredMethod("withRunStore", cluster);
      Method without = runs.getDeclaredMethod("withoutRunStore", cluster);
      build.setAccessible(true);
      with.setAccessible(true);
      without.setAccessible(true);
      return new Build(jar.toString(), build, with, without);
    }

    Object run(int nodes, boolean store) {
      try {
        Object simulated = cluster.invoke(null, nodes);
        return (store ? withRunStore : withoutRunStore).invoke(null, simulated);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("A run of build " + name + " failed", e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    Runnable task(int nodes, boolean store) {
      return () -> run(nodes, store);
    }

    /** What a 64-node run did, so that a reader sees that every build did the same work. */
    String work() throws ReflectiveOperationException {
      Object result = run(64, true);
      int installs = 0;
      for (Object node : (List<?>) result.getClass().getMethod("nodeResults").invoke(result)) {
        installs += ((List<?>) node.getClass().getMethod("installResults").invoke(node)).size();
      }
      return result.getClass().getMethod("status").invoke(result) + ", " + installs + " installs";
    }
  }

  /**
   * Loads the builds, measures them in turn and prints a table.
   *
   * @param args the benchmarks jars of the builds, the baseline first
   * @throws Exception if a jar cannot be loaded or a run fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: BuildComparison <benchmarks.jar of the baseline> <benchmarks.jar>...");
      System.exit(2);
    }
    List<Build> builds = new ArrayList<>();
    List<Runnable> tasks = new ArrayList<>();
    for (String jar : args) {
      Build build = Build.load(Path.of(jar));
      builds.add(build);
      tasks.add(build.task(64, true));
      tasks.add(build.task(64, false));
      tasks.add(build.task(16, true));
      tasks.add(build.task(256, true));
    }
    for (Build build : builds) {
      System.out.println("64-node run of " + build.name() + ": " + build.work());
    }
    CpuTime.Times times =
        CpuTime.measure(tasks, WARM_UP_MILLIS_PER_BUILD * builds.size(), BLOCKS, ROUNDS_PER_BLOCK);
    System.out.println();
    System.out.println("thread CPU time, medians, builds taken in turn (" + BLOCKS * ROUNDS_PER_BLOCK
        + " rounds):");
    System.out.println("build | 64 nodes, store | no store | ratio | us/node at 16 | at 256 | 256/16"
        + " | 64 nodes with store, to the first build");
    double baseline = times.median()[0];
    for (int i = 0; i < builds.size(); i++) {
      double[] m = times.median();
      double with = m[4 * i];
      double without = m[4 * i + 1];
      double perNode16 = m[4 * i + 2] * 1000 / 16;
      double perNode256 = m[4 * i + 3] * 1000 / 256;
      System.out.println(String.format(Locale.ROOT,
          "%s | %.2f ms | %.2f ms | %.2f | %.1f | %.1f | %.2f | %.2f",
          builds.get(i).name(), with, without, with / without, perNode16, perNode256,
          perNode256 / perNode16, with / baseline));
    }
  }
}
