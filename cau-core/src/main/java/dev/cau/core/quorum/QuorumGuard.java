package dev.cau.core.quorum;

import static org.apiguardian.api.API.Status.MAINTAINED;

import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.Witness;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether nodes may leave the cluster without it losing quorum.
 *
 * <p>{@link #evaluate} is a pure function of its arguments: it does no I/O, reads no clock and
 * logs nothing, so callers re-evaluate on a fresh snapshot right before each step. It computes two
 * rules:
 *
 * <ul>
 *   <li><b>Static</b>: the remaining votes (weights of the remaining members plus an online
 *       witness) must be a majority of the configured votes (every node's weight plus a configured
 *       witness, online or not). This holds even if the cluster never adjusts its votes.
 *   <li><b>Dynamic</b>: what the cluster computes with dynamic quorum. An even number of voting
 *       members gets the online witness's vote, or else loses one node's vote; an odd number
 *       leaves the witness without a vote. Every voting member going down is assumed to hold a
 *       vote, and the votes left must be a majority of that total.
 * </ul>
 *
 * <p>Members are nodes that are {@link dev.cau.api.cluster.NodeState#UP UP} or {@link
 * dev.cau.api.cluster.NodeState#PAUSED PAUSED}; any other node is already down. The verdict is
 * {@link QuorumVerdict#SAFE} when the static rule passes, {@link QuorumVerdict#DYNAMIC_ONLY} when
 * only the dynamic rule passes, and {@link QuorumVerdict#QUORUM_AT_RISK} when the dynamic rule
 * fails or no member would remain.
 */
@API(status = MAINTAINED, since = "0.1.0")
public final class QuorumGuard {
  private QuorumGuard() {}

  /**
   * Evaluates whether the cluster keeps quorum if the given nodes leave its membership.
   *
   * @param snapshot the cluster as it is now
   * @param nodesGoingDown the names of the nodes about to be suspended or restarted, normally one;
   *     a node that is already not a member counts as down and has no further effect; an empty set
   *     asks whether the cluster has quorum now
   * @param policy whether a step that only dynamic quorum would survive is allowed
   * @return the decision, with the static rule's vote counts and a reason
   * @throws IllegalArgumentException if a name in {@code nodesGoingDown} is not a node of the
   *     cluster
   */
  public static QuorumDecision evaluate(
      ClusterSnapshot snapshot, Set<String> nodesGoingDown, QuorumPolicy policy) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(nodesGoingDown, "nodesGoingDown");
    Objects.requireNonNull(policy, "policy");
    Tally tally = Tally.of(snapshot, nodesGoingDown);
    // Node names are unique in a snapshot, so one leaving per name means every name is known.
    if (tally.leaving().size() != nodesGoingDown.size()) {
      rejectUnknownNodes(snapshot, nodesGoingDown);
    }
    QuorumVerdict verdict;
    if (!tally.memberRemains() || !tally.dynamicPasses()) {
      verdict = QuorumVerdict.QUORUM_AT_RISK;
    } else if (tally.staticPasses()) {
      verdict = QuorumVerdict.SAFE;
    } else {
      verdict = QuorumVerdict.DYNAMIC_ONLY;
    }
    boolean allowed =
        verdict == QuorumVerdict.SAFE
            || (verdict == QuorumVerdict.DYNAMIC_ONLY
                && policy == QuorumPolicy.ALLOW_DYNAMIC_QUORUM);
    return new QuorumDecision(
        allowed,
        verdict,
        tally.configured(),
        tally.needed(),
        tally.remaining(),
        snapshot.witness().isOnline(),
        verdict == QuorumVerdict.DYNAMIC_ONLY,
        reason(tally, verdict, allowed, policy, snapshot.witness()));
  }

  /**
   * The votes counted by both rules, and the nodes to name in the reason.
   *
   * @param configured the static total: every node's weight plus a configured witness
   * @param remaining the static votes left: remaining members' weights plus an online witness
   * @param dynamicTotal the votes the cluster counts now under dynamic quorum
   * @param dynamicLeft the dynamic votes left, assuming every voting member going down holds one
   * @param memberRemains whether any member node stays up
   * @param leaving the quoted names of the nodes going down, in cluster order
   * @param alreadyDown the quoted names and states of the nodes that are not members
   */
  private record Tally(
      int configured,
      int remaining,
      int dynamicTotal,
      int dynamicLeft,
      boolean memberRemains,
      List<String> leaving,
      List<String> alreadyDown) {

    static Tally of(ClusterSnapshot snapshot, Set<String> nodesGoingDown) {
      Witness witness = snapshot.witness();
      int configured = witness.isConfigured() ? 1 : 0;
      int remaining = witness.isOnline() ? 1 : 0;
      int votingMembers = 0;
      int votingMembersLeaving = 0;
      boolean memberRemains = false;
      List<String> leaving = new ArrayList<>(nodesGoingDown.size());
      List<String> alreadyDown = new ArrayList<>();
      // The engine takes one node at a time: its name is compared directly, without hashing
      // every node's name into the set (this runs on every step, over every node).
      @Nullable String onlyLeaver = nodesGoingDown.size() == 1 ? nodesGoingDown.iterator().next() : null;
      for (NodeSnapshot node : snapshot.nodes()) {
        boolean goesDown = onlyLeaver != null
            ? onlyLeaver.equals(node.name())
            : !nodesGoingDown.isEmpty() && nodesGoingDown.contains(node.name());
        if (goesDown) {
          leaving.add(quote(node.name()));
        }
        configured += node.voteWeight();
        if (!node.state().isMember()) {
          alreadyDown.add(
              quote(node.name()) + " (" + node.state().name().toLowerCase(Locale.ROOT) + ")");
        } else if (goesDown) {
          votingMembers += node.voteWeight();
          votingMembersLeaving += node.voteWeight();
        } else {
          votingMembers += node.voteWeight();
          remaining += node.voteWeight();
          memberRemains = true;
        }
      }
      // Dynamic quorum keeps the total odd: an even number of voting members takes the online
      // witness's vote, or else drops one node's vote; an odd number leaves the witness out.
      boolean even = votingMembers % 2 == 0;
      int nodeVotes = even && !witness.isOnline() ? Math.max(0, votingMembers - 1) : votingMembers;
      int dynamicTotal = nodeVotes + (even && witness.isOnline() ? 1 : 0);
      int dynamicLeft = dynamicTotal - Math.min(votingMembersLeaving, nodeVotes);
      return new Tally(
          configured, remaining, dynamicTotal, dynamicLeft, memberRemains, leaving, alreadyDown);
    }

    int needed() {
      return configured / 2 + 1;
    }

    boolean staticPasses() {
      return remaining >= needed();
    }

    boolean dynamicPasses() {
      return 2 * dynamicLeft > dynamicTotal;
    }
  }

  private static String reason(
      Tally tally, QuorumVerdict verdict, boolean allowed, QuorumPolicy policy, Witness witness) {
    String subject =
        tally.leaving().isEmpty()
            ? "with no node going down the cluster would keep "
            : "taking " + joinNames(tally.leaving()) + " down would leave ";
    String votes =
        tally.remaining()
            + " of "
            + tally.configured()
            + " configured votes ("
            + tally.needed()
            + " needed)";
    String dynamicVotes =
        tally.dynamicLeft() + " of the " + plural(tally.dynamicTotal(), "vote") + " the cluster";
    String context =
        "; "
            + (tally.alreadyDown().isEmpty()
                ? "no node is already down"
                : "nodes already down: " + String.join(", ", tally.alreadyDown()))
            + "; "
            + describe(witness)
            + ".";
    return switch (verdict) {
      case SAFE -> "Allowed, quorum holds: " + subject + votes + context;
      case DYNAMIC_ONLY -> allowed
          ? "Allowed, relying on dynamic quorum: "
              + subject
              + votes
              + " but "
              + dynamicVotes
              + " counts now"
              + context
          : "Refused by policy "
              + policy
              + ", which does not rely on dynamic quorum: "
              + subject
              + votes
              + ", and only dynamic quorum would keep quorum with "
              + dynamicVotes
              + " counts now"
              + context;
      case QUORUM_AT_RISK -> tally.memberRemains()
          ? "Refused, quorum at risk: "
              + subject
              + votes
              + " and at most "
              + dynamicVotes
              + " counts now, not a majority"
              + context
          : "Refused, quorum at risk: "
              + subject
              + "no member node to hold quorum ("
              + tally.remaining()
              + " of "
              + tally.configured()
              + " configured votes, "
              + tally.needed()
              + " needed)"
              + context;
    };
  }

  private static void rejectUnknownNodes(ClusterSnapshot snapshot, Set<String> nodesGoingDown) {
    Set<String> unknown = new TreeSet<>();
    for (String name : nodesGoingDown) {
      if (snapshot.node(name).isEmpty()) {
        unknown.add(quote(name));
      }
    }
    if (!unknown.isEmpty()) {
      List<String> known = snapshot.nodes().stream().map(n -> quote(n.name())).toList();
      throw new IllegalArgumentException(
          "Cannot evaluate quorum: cluster "
              + quote(snapshot.name())
              + " has no node "
              + joinNames(List.copyOf(unknown))
              + "; its nodes are "
              + (known.isEmpty() ? "none" : String.join(", ", known)));
    }
  }

  private static String describe(Witness witness) {
    if (!witness.isConfigured()) {
      return "no witness";
    }
    String kind = witness.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return witness.isOnline()
        ? kind + " witness online"
        : kind + " witness configured but offline, so it does not vote";
  }

  private static String joinNames(List<String> quoted) {
    int last = quoted.size() - 1;
    return last == 0
        ? quoted.get(0)
        : String.join(", ", quoted.subList(0, last)) + " and " + quoted.get(last);
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String quote(String name) {
    return "\"" + name + "\"";
  }
}
