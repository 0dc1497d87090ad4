package dev.cau.benchmarks;

import dev.cau.api.result.RunResult;
import dev.cau.testkit.cluster.SimulatedCluster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Measures the journal of one simulated run: its records and their bytes in UTF-8, without the
 * framing a store adds.
 *
 * @param records how many records, the header included
 * @param bytes the bytes of their text
 * @param largest the bytes of the largest record
 */
record JournalSize(int records, long bytes, long largest) {
  /**
   * Runs a run on a fresh cluster and measures its journal.
   *
   * @param nodes the cluster's size
   * @return the journal's size
   */
  static JournalSize ofRun(int nodes) {
    SimulatedCluster cluster = SimulatedRuns.cluster(nodes);
    RunResult result = SimulatedRuns.withRunStore(cluster);
    List<String> records = cluster.store().journal(result.runId()).records();
    long bytes = 0;
    long largest = 0;
    for (String record : records) {
      long size = record.getBytes(StandardCharsets.UTF_8).length;
      bytes += size;
      largest = Math.max(largest, size);
    }
    return new JournalSize(records.size(), bytes, largest);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%d records, %,d bytes (%.2f MB), largest record %,d bytes", records, bytes, bytes / 1e6, largest);
  }

  /**
   * Prints the journal size of a run for each cluster size given, 64 nodes by default.
   *
   * @param args cluster sizes
   */
  public static void main(String[] args) {
    String[] sizes = args.length == 0 ? new String[] {"64"} : args;
    for (String size : sizes) {
      int nodes = Integer.parseInt(size);
      System.out.println("Journal of a " + nodes + "-node run: " + ofRun(nodes));
    }
  }
}
