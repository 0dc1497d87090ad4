package dev.cau.pacemaker;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@code crm_mon -1 --output-as=xml} says about the cluster: its nodes, its resources and the
 * designated controller.
 *
 * @param designatedController the name of the designated controller (DC), or null if none
 * @param withQuorum whether the DC's partition has quorum
 * @param nodes the nodes, in the order crm_mon lists them
 * @param resources the primitive resources (inside groups and clones too)
 * @param failures failed actions, as {@code operation on node: reason}
 */
record CrmMonStatus(
    @Nullable String designatedController,
    boolean withQuorum,
    List<Node> nodes,
    List<Resource> resources,
    List<String> failures) {

  CrmMonStatus {
    nodes = List.copyOf(nodes);
    resources = List.copyOf(resources);
    failures = List.copyOf(failures);
  }

  Optional<Node> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /**
   * One node as crm_mon shows it.
   *
   * @param name the node's name
   * @param online whether it is an active member
   * @param standby whether it is in standby (drained)
   * @param pending whether it is joining
   * @param unclean whether its state is unknown and would need fencing
   * @param resourcesRunning how many resources run on it
   */
  record Node(String name, boolean online, boolean standby, boolean pending, boolean unclean, int resourcesRunning) {
    Node {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * One primitive resource.
   *
   * @param id its id (for clone instances, the id crm_mon gives followed by the instance number)
   * @param agent the resource agent, such as {@code ocf:pacemaker:Dummy}
   * @param role its role, such as {@code Started}, {@code Stopped}, {@code Migrating}
   * @param active whether it runs somewhere
   * @param failed whether it failed
   * @param nodes the nodes it runs on
   */
  record Resource(String id, String agent, String role, boolean active, boolean failed, List<String> nodes) {
    Resource {
      nodes = List.copyOf(nodes);
    }
  }
}
