package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A clustered role (a cluster group): the unit that moves between nodes.
 *
 * @param name the role's name
 * @param ownerNode the node that hosts it now
 * @param possibleOwners the nodes allowed to host it; empty means every node
 * @param state the role's state
 */
@API(status = STABLE, since = "0.1.0")
public record ClusteredRole(
    String name, String ownerNode, List<String> possibleOwners, RoleState state) {
  /**
   * Checks the components and copies the list.
   *
   * @param name the role's name
   * @param ownerNode the node that hosts it now
   * @param possibleOwners the nodes allowed to host it; empty means every node
   * @param state the role's state
   */
  public ClusteredRole {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ownerNode, "ownerNode");
    Objects.requireNonNull(state, "state");
    possibleOwners = List.copyOf(possibleOwners);
  }

  /**
   * Tells whether a node may host this role.
   *
   * @param node a node name
   * @return {@code true} if the role may run on that node
   */
  public boolean canRunOn(String node) {
    return possibleOwners.isEmpty() || possibleOwners.contains(node);
  }
}
