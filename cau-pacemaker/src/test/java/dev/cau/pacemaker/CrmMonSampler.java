package dev.cau.pacemaker;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Samples the lab cluster with crm_mon (on the first node that answers) while a run goes on, so
 * that tests can check what held at every sample: quorum, at most one node in standby, every
 * resource running.
 */
final class CrmMonSampler implements AutoCloseable {
  /**
   * One sample.
   *
   * @param at when it was taken
   * @param status what crm_mon said
   */
  record Sample(Instant at, CrmMonStatus status) {
    long standby() {
      return status.nodes().stream().filter(n -> n.online() && n.standby()).count();
    }

    /**
     * The resources not running anywhere. A resource that Pacemaker live-migrates runs on both
     * nodes for a moment (role Stopping on the source, with migrate_from done on the target):
     * that is running, not a gap.
     */
    List<String> notRunning() {
      return status.resources().stream()
          .filter(r -> !(r.active() && !r.nodes().isEmpty() && !r.failed()))
          .map(r -> r.id() + " (" + r.role() + " on " + r.nodes() + ")").toList();
    }

    long migrating() {
      return status.resources().stream().filter(r -> r.nodes().size() > 1).count();
    }

    @Override
    public String toString() {
      return at + " dc=" + status.designatedController() + " quorum=" + status.withQuorum() + " nodes="
          + status.nodes().stream().map(n -> n.name() + (n.online() ? n.standby() ? ":standby" : ":online" : ":offline"))
              .toList()
          + " resources=" + status.resources().stream().map(r -> r.id() + "@" + r.nodes() + ":" + r.role()).toList();
    }
  }

  final List<Sample> samples = new CopyOnWriteArrayList<>();
  private final HaLab lab;
  private final Thread thread;
  private volatile boolean stop;

  CrmMonSampler(HaLab lab) {
    this.lab = lab;
    this.thread = new Thread(this::sample, "crm_mon sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (!stop) {
      for (String node : HaLab.NODES) {
        if (!lab.running(node)) {
          continue;
        }
        HaLab.Result mon = lab.exec(node, "/usr/sbin/crm_mon", "-1", "--output-as=xml");
        if (mon.exitCode() == 0) {
          try {
            CrmMonStatus status = CrmMonParser.parse(mon.output());
            if (status.designatedController() != null) {
              samples.add(new Sample(Instant.now(), status));
              break;
            }
          } catch (IllegalArgumentException e) {
            // a node shutting down answers with an error document; ask the next
          }
        }
      }
      HaLab.pause(java.time.Duration.ofMillis(200));
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join();
  }
}
