package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a post-upgrade action did on one node, such as upgrading its virtual machines'
 * configuration versions or verifying that its roles can fail over.
 *
 * @param node the node
 * @param done one line per thing done or verified, such as {@code VM "vm1" from 9.0 to 12.0}
 * @param blockers one line per refusal, naming what blocks it, such as
 *     {@code VM "vm2" is running: shut it down first}
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record NodePostUpgradeResult(String node, List<String> done, List<String> blockers) {
  /**
   * Checks the node and copies the lists.
   *
   * @param node the node
   * @param done what was done
   * @param blockers what blocked
   */
  public NodePostUpgradeResult {
    Objects.requireNonNull(node, "node");
    done = List.copyOf(done);
    blockers = List.copyOf(blockers);
  }

  /**
   * Tells whether nothing blocked the action on this node.
   *
   * @return whether there are no blockers
   */
  public boolean succeeded() {
    return blockers.isEmpty();
  }
}
