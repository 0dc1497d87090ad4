package dev.cau.core.policy;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.core.quorum.QuorumDecision;
import dev.cau.core.quorum.QuorumGuard;
import dev.cau.core.quorum.QuorumPolicy;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The decisions the engine takes at its decision points. Every method has CAU's behaviour as its
 * default; {@link #CAU} overrides nothing.
 *
 * <p>Implementations must be deterministic and side-effect free: the engine calls them while it
 * applies an input, and replaying a journal must reach the same decisions. The testkit uses
 * deliberately wrong policies to show that its invariant checkers catch them.
 */
@API(status = MAINTAINED, since = "0.1.0")
public interface OrchestrationPolicy {
  /** CAU's behaviour. */
  OrchestrationPolicy CAU = new OrchestrationPolicy() {};

  /**
   * Decides whether a node may go down (be suspended or restarted) given the cluster now.
   *
   * @param snapshot the cluster, read just before
   * @param node the node that would go down
   * @param quorumPolicy the run's quorum policy
   * @return the decision with its reason; by default {@link QuorumGuard#evaluate}
   */
  default QuorumDecision mayTakeDown(ClusterSnapshot snapshot, String node, QuorumPolicy quorumPolicy) {
    return QuorumGuard.evaluate(snapshot, Set.of(node), quorumPolicy);
  }

  /**
   * Decides whether a set of nodes may be down together, given the cluster now: the node about
   * to go down and every other node the run has out of service. By default a single node is
   * judged by {@link #mayTakeDown(ClusterSnapshot, String, QuorumPolicy)}, so that a policy that
   * overrides only that method keeps working, and a larger set by {@link QuorumGuard#evaluate}.
   *
   * @param snapshot the cluster, read just before
   * @param nodes the nodes that would be down by the run's action, the one about to go down last
   * @param quorumPolicy the run's quorum policy
   * @return the decision with its reason
   */
  default QuorumDecision mayTakeDown(ClusterSnapshot snapshot, List<String> nodes, QuorumPolicy quorumPolicy) {
    return nodes.size() == 1
        ? mayTakeDown(snapshot, nodes.get(0), quorumPolicy)
        : QuorumGuard.evaluate(snapshot, Set.copyOf(nodes), quorumPolicy);
  }

  /**
   * Decides whether a node whose attempt failed is tried again.
   *
   * @param attemptsMade how many attempts the node has had, counting the failed one
   * @param maxRetriesPerNode the run's {@code MaxRetriesPerNode}
   * @return by default, whether fewer attempts than the limit were made
   */
  default boolean mayRetry(int attemptsMade, int maxRetriesPerNode) {
    return attemptsMade < maxRetriesPerNode;
  }

  /**
   * Decides whether a node the run paused is resumed after one of its attempts failed.
   *
   * @return by default {@code true}: a failed node is always brought back to service
   */
  default boolean resumeAfterFailedAttempt() {
    return true;
  }
}
