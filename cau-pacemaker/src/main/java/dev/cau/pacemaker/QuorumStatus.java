package dev.cau.pacemaker;

import java.util.List;
import java.util.Optional;

/**
 * What {@code corosync-quorumtool -s} says: Corosync's own vote count, which the quorum guard uses.
 *
 * @param expectedVotes the votes the cluster is configured for
 * @param totalVotes the votes of the members now
 * @param quorum the votes needed for quorum
 * @param quorate whether this partition has quorum
 * @param members the member nodes with their votes
 */
record QuorumStatus(int expectedVotes, int totalVotes, int quorum, boolean quorate, List<Member> members) {
  QuorumStatus {
    members = List.copyOf(members);
  }

  Optional<Member> member(String name) {
    return members.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /**
   * One member of the Corosync membership.
   *
   * @param nodeId Corosync's node id
   * @param votes its votes
   * @param name its name
   */
  record Member(int nodeId, int votes, String name) {}
}
