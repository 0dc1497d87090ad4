package dev.cau.core.policy;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.core.journal.RolloutDescriptor;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Decides which waiting nodes a run takes now: the run-level half of the engine, above each
 * node's workflow. The engine asks it whenever a node finished its first scan or its update, and
 * takes the nodes it names (only waiting ones, in the order given). Each node taken still asks
 * the quorum guard, about every node the run has out of service together with itself, before it
 * goes down.
 *
 * <p>A run's policy is named in its journal header by its {@link #descriptor()}: a coordinator
 * that resumes the run must be configured with the same policy, and status is read with it.
 * Implementations must be deterministic and side-effect free, since replaying a journal must
 * reach the same decisions.
 */
@API(status = MAINTAINED, since = "0.1.0")
public interface RolloutPolicy {
  /**
   * CAU's policy: once every node has been scanned, one node at a time, in the run's node order.
   * The run stops when the quorum guard refuses a node.
   */
  RolloutPolicy CAU = new NamedRolloutPolicy(RolloutDescriptor.of("cau.one-node-at-a-time"),
      view -> view.scanning() > 0 || !view.inFlight().isEmpty() || view.waiting().isEmpty()
          ? List.of()
          : List.of(view.waiting().get(0)));

  /**
   * The offline update's policy: every node as soon as it is scanned, since the cluster is
   * stopped for all of them at once.
   */
  RolloutPolicy ALL_AT_ONCE = new NamedRolloutPolicy(RolloutDescriptor.of("cau.offline-all-at-once"),
      RolloutView::waiting);

  /**
   * Returns the policy's name and parameters, as the journal header records them.
   *
   * @return the descriptor
   */
  RolloutDescriptor descriptor();

  /**
   * Chooses the waiting nodes to take now.
   *
   * @param view the run as it is
   * @return nodes of {@link RolloutView#waiting()}, possibly none
   */
  List<String> admit(RolloutView view);
}
