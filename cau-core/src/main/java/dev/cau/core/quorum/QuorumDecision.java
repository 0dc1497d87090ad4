package dev.cau.core.quorum;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The quorum guard's answer: whether nodes may go down, the verdict, and why.
 *
 * <p>The vote counts are those of the static rule, which ignores dynamic quorum: every configured
 * vote counts towards the total, only votes of remaining members and an online witness count as
 * remaining.
 *
 * @param allowed whether the nodes may go down under the policy that was applied
 * @param verdict what would happen to quorum
 * @param votesConfigured the configured votes: every node's vote weight plus one for a configured
 *     witness, whatever its state
 * @param votesNeeded the majority of the configured votes: {@code votesConfigured / 2 + 1}
 * @param votesRemaining the configured votes left once the nodes are down: the vote weights of the
 *     remaining members plus one for an online witness
 * @param witnessVotes whether the witness is configured and online, so that its vote is counted in
 *     {@code votesRemaining}
 * @param reliesOnDynamicQuorum whether only dynamic quorum would keep the cluster running, that is
 *     the verdict is {@link QuorumVerdict#DYNAMIC_ONLY}
 * @param reason one sentence for an administrator, naming the nodes and the vote counts
 */
@API(status = MAINTAINED, since = "0.1.0")
public record QuorumDecision(
    boolean allowed,
    QuorumVerdict verdict,
    int votesConfigured,
    int votesNeeded,
    int votesRemaining,
    boolean witnessVotes,
    boolean reliesOnDynamicQuorum,
    String reason) {
  /**
   * Checks that the components agree with each other.
   *
   * @param allowed whether the nodes may go down
   * @param verdict what would happen to quorum
   * @param votesConfigured the configured votes
   * @param votesNeeded the majority of the configured votes
   * @param votesRemaining the configured votes left once the nodes are down
   * @param witnessVotes whether the witness's vote is counted
   * @param reliesOnDynamicQuorum whether the verdict is {@link QuorumVerdict#DYNAMIC_ONLY}
   * @param reason one sentence for an administrator
   */
  public QuorumDecision {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    if (votesConfigured < 0 || votesRemaining < 0 || votesRemaining > votesConfigured) {
      throw new IllegalArgumentException(
          "votesRemaining must be between 0 and votesConfigured ("
              + votesConfigured
              + "), but was "
              + votesRemaining);
    }
    if (votesNeeded != votesConfigured / 2 + 1) {
      throw new IllegalArgumentException(
          "votesNeeded must be " + (votesConfigured / 2 + 1) + ", but was " + votesNeeded);
    }
    if (reliesOnDynamicQuorum != (verdict == QuorumVerdict.DYNAMIC_ONLY)) {
      throw new IllegalArgumentException(
          "reliesOnDynamicQuorum must be true exactly for verdict DYNAMIC_ONLY, but was "
              + reliesOnDynamicQuorum
              + " for verdict "
              + verdict);
    }
    if (allowed && verdict == QuorumVerdict.QUORUM_AT_RISK) {
      throw new IllegalArgumentException("A decision with verdict QUORUM_AT_RISK cannot allow");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }
}
