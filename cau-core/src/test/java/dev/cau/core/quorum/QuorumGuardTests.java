package dev.cau.core.quorum;

import static dev.cau.core.quorum.QuorumPolicy.ALLOW_DYNAMIC_QUORUM;
import static dev.cau.core.quorum.QuorumPolicy.STATIC_MAJORITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.cau.api.cluster.ClusterSnapshot;
import dev.cau.api.cluster.FaultDomain;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.cluster.NodeState;
import dev.cau.api.cluster.StorageHealth;
import dev.cau.api.cluster.Witness;
import dev.cau.api.cluster.WitnessKind;
import dev.cau.api.cluster.WitnessState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class QuorumGuardTests {
  private static final Witness NO_WITNESS = Witness.NONE;
  private static final Witness ONLINE = new Witness(WitnessKind.FILE_SHARE, WitnessState.ONLINE);
  private static final Witness OFFLINE = new Witness(WitnessKind.FILE_SHARE, WitnessState.OFFLINE);
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern COLON = Pattern.compile(":");
  private static final List<QuorumVerdict> SEVERITY =
      List.of(QuorumVerdict.SAFE, QuorumVerdict.DYNAMIC_ONLY, QuorumVerdict.QUORUM_AT_RISK);

  /**
   * Every row of the worked-example table (failover-cluster reference, section 1.10): all nodes
   * vote, X is the node about to go down, "down before" nodes are already out of membership.
   * Where the table's dynamic column says "depends on X", the guard assumes X holds the vote.
   */
  static Stream<Arguments> workedExamples() {
    return Stream.of(
        // cluster, going down, T_cfg, Need, Have, verdict, allowed static, allowed dynamic
        row("2 nodes, 0 down", cluster(2, NO_WITNESS), "n2", 2, 2, 1, "QUORUM_AT_RISK", false, false),
        row("2 nodes, 1 down", cluster(2, NO_WITNESS, "n1"), "n2", 2, 2, 0, "QUORUM_AT_RISK", false, false),
        row("2 + W, 0 down", cluster(2, ONLINE), "n2", 3, 2, 2, "SAFE", true, true),
        row("2 + W, 1 down", cluster(2, ONLINE, "n1"), "n2", 3, 2, 1, "QUORUM_AT_RISK", false, false),
        row("3 nodes, 0 down", cluster(3, NO_WITNESS), "n3", 3, 2, 2, "SAFE", true, true),
        row("3 nodes, 1 down", cluster(3, NO_WITNESS, "n1"), "n3", 3, 2, 1, "QUORUM_AT_RISK", false, false),
        row("3 + W, 0 down", cluster(3, ONLINE), "n3", 4, 3, 3, "SAFE", true, true),
        row("3 + W, 1 down", cluster(3, ONLINE, "n1"), "n3", 4, 3, 2, "DYNAMIC_ONLY", false, true),
        row("4 nodes, 0 down", cluster(4, NO_WITNESS), "n4", 4, 3, 3, "SAFE", true, true),
        row("4 nodes, 1 down", cluster(4, NO_WITNESS, "n1"), "n4", 4, 3, 2, "DYNAMIC_ONLY", false, true),
        row("4 + W, 0 down", cluster(4, ONLINE), "n4", 5, 3, 4, "SAFE", true, true),
        row("4 + W, 1 down", cluster(4, ONLINE, "n1"), "n4", 5, 3, 3, "SAFE", true, true),
        row("5 nodes, 0 down", cluster(5, NO_WITNESS), "n5", 5, 3, 4, "SAFE", true, true),
        row("5 nodes, 1 down", cluster(5, NO_WITNESS, "n1"), "n5", 5, 3, 3, "SAFE", true, true),
        row("5 + W, 0 down", cluster(5, ONLINE), "n5", 6, 4, 5, "SAFE", true, true),
        row("5 + W, 1 down", cluster(5, ONLINE, "n1"), "n5", 6, 4, 4, "SAFE", true, true),
        row("2 + W offline, 0 down", cluster(2, OFFLINE), "n2", 3, 2, 1, "QUORUM_AT_RISK", false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("workedExamples")
  void decidesEveryWorkedExample(
      String label,
      ClusterSnapshot snapshot,
      Set<String> goingDown,
      int configured,
      int needed,
      int remaining,
      QuorumVerdict verdict,
      boolean allowedStatic,
      boolean allowedDynamic) {
    assertDecisions(
        snapshot, goingDown, configured, needed, remaining, verdict, allowedStatic, allowedDynamic);
  }

  /**
   * Cases beyond the worked examples. A node is {@code name:state[:weight]}, the weight 1 unless
   * given; the witness is NONE, ONLINE or OFFLINE; the nodes going down are separated by spaces.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                                            | nodes                                                 | witness | down     | T | need | have | verdict        | static | dynamic
          weight-0 node going down keeps every vote         | n1:up n2:up n3:up:0                                   | NONE    | n3       | 2 | 2    | 2    | SAFE           | true   | true
          voting node going down beside a weight-0 node     | n1:up n2:up n3:up:0                                   | NONE    | n1       | 2 | 2    | 1    | QUORUM_AT_RISK | false  | false
          three of five without a vote, voter goes down     | n1:up n2:up n3:up:0 n4:up:0 n5:up:0                   | NONE    | n1       | 2 | 2    | 1    | QUORUM_AT_RISK | false  | false
          three of five without a vote, non-voter goes down | n1:up n2:up n3:up:0 n4:up:0 n5:up:0                   | NONE    | n5       | 2 | 2    | 2    | SAFE           | true   | true
          three of five without a vote, with witness        | n1:up n2:up n3:up:0 n4:up:0 n5:up:0                   | ONLINE  | n1       | 3 | 2    | 2    | SAFE           | true   | true
          weight-0 node already down changes nothing        | n1:up n2:up n3:up n4:down:0                           | NONE    | n3       | 3 | 2    | 2    | SAFE           | true   | true
          3 nodes, no witness                               | n1:up n2:up n3:up                                     | NONE    | n2       | 3 | 2    | 2    | SAFE           | true   | true
          3 nodes, witness configured but offline           | n1:up n2:up n3:up                                     | OFFLINE | n2       | 4 | 3    | 2    | DYNAMIC_ONLY   | false  | true
          3 nodes, witness online                           | n1:up n2:up n3:up                                     | ONLINE  | n2       | 4 | 3    | 3    | SAFE           | true   | true
          4 nodes 1 down, no witness                        | n1:down n2:up n3:up n4:up                             | NONE    | n2       | 4 | 3    | 2    | DYNAMIC_ONLY   | false  | true
          4 nodes 1 down, witness configured but offline    | n1:down n2:up n3:up n4:up                             | OFFLINE | n2       | 5 | 3    | 2    | DYNAMIC_ONLY   | false  | true
          4 nodes 1 down, witness online                    | n1:down n2:up n3:up n4:up                             | ONLINE  | n2       | 5 | 3    | 3    | SAFE           | true   | true
          paused node counts as a member                    | n1:paused n2:up n3:up                                 | NONE    | n2       | 3 | 2    | 2    | SAFE           | true   | true
          paused node is the one going down                 | n1:up n2:paused n3:up                                 | NONE    | n2       | 3 | 2    | 2    | SAFE           | true   | true
          down node is not a member                         | n1:down n2:up n3:up                                   | NONE    | n2       | 3 | 2    | 1    | QUORUM_AT_RISK | false  | false
          joining node is not a member                      | n1:joining n2:up n3:up                                | NONE    | n2       | 3 | 2    | 1    | QUORUM_AT_RISK | false  | false
          unknown-state node is not a member                | n1:unknown n2:up n3:up                                | NONE    | n2       | 3 | 2    | 1    | QUORUM_AT_RISK | false  | false
          two of five at once                               | n1:up n2:up n3:up n4:up n5:up                         | NONE    | n1 n2    | 5 | 3    | 3    | SAFE           | true   | true
          three of five at once                             | n1:up n2:up n3:up n4:up n5:up                         | NONE    | n1 n2 n3 | 5 | 3    | 2    | QUORUM_AT_RISK | false  | false
          two of four at once, witness online               | n1:up n2:up n3:up n4:up                               | ONLINE  | n1 n2    | 5 | 3    | 3    | SAFE           | true   | true
          two of four at once, no witness                   | n1:up n2:up n3:up n4:up                               | NONE    | n1 n2    | 4 | 3    | 2    | QUORUM_AT_RISK | false  | false
          two of six at once, 1 down before                 | n1:down n2:up n3:up n4:up n5:up n6:up                 | NONE    | n2 n3    | 6 | 4    | 3    | DYNAMIC_ONLY   | false  | true
          last member                                       | n1:down n2:down n3:up                                 | NONE    | n3       | 3 | 2    | 0    | QUORUM_AT_RISK | false  | false
          last member, witness online                       | n1:down n2:down n3:up                                 | ONLINE  | n3       | 4 | 3    | 1    | QUORUM_AT_RISK | false  | false
          last member, only the witness votes               | n1:down:0 n2:up:0                                     | ONLINE  | n2       | 1 | 1    | 1    | QUORUM_AT_RISK | false  | false
          single-node cluster                               | n1:up                                                 | NONE    | n1       | 1 | 1    | 0    | QUORUM_AT_RISK | false  | false
          going-down node already down has no extra effect  | n1:down n2:up n3:up                                   | NONE    | n1       | 3 | 2    | 2    | SAFE           | true   | true
          already-down node listed with another             | n1:down n2:up n3:up                                   | NONE    | n1 n2    | 3 | 2    | 1    | QUORUM_AT_RISK | false  | false
          nothing going down                                | n1:up n2:up n3:up                                     | NONE    |          | 3 | 2    | 3    | SAFE           | true   | true
          """)
  void decidesOtherCases(
      String label,
      String nodes,
      String witness,
      @Nullable String goingDown,
      int configured,
      int needed,
      int remaining,
      QuorumVerdict verdict,
      boolean allowedStatic,
      boolean allowedDynamic) {
    assertDecisions(
        snapshot(nodes, witness(witness)),
        names(goingDown),
        configured,
        needed,
        remaining,
        verdict,
        allowedStatic,
        allowedDynamic);
  }

  @Test
  void refusalByPolicyNamesNodesVotesAndDynamicQuorum() {
    QuorumDecision decision =
        QuorumGuard.evaluate(cluster(4, NO_WITNESS, "n1"), Set.of("n2"), STATIC_MAJORITY);

    assertThat(decision.reason())
        .isEqualTo(
            "Refused by policy STATIC_MAJORITY, which does not rely on dynamic quorum: taking"
                + " \"n2\" down would leave 2 of 4 configured votes (3 needed), and only dynamic"
                + " quorum would keep quorum with 2 of the 3 votes the cluster counts now; nodes"
                + " already down: \"n1\" (down); no witness.");
  }

  @Test
  void allowedDynamicCaseSaysItReliesOnDynamicQuorum() {
    QuorumDecision decision =
        QuorumGuard.evaluate(cluster(4, NO_WITNESS, "n1"), Set.of("n2"), ALLOW_DYNAMIC_QUORUM);

    assertThat(decision.reason())
        .isEqualTo(
            "Allowed, relying on dynamic quorum: taking \"n2\" down would leave 2 of 4 configured"
                + " votes (3 needed) but 2 of the 3 votes the cluster counts now; nodes already"
                + " down: \"n1\" (down); no witness.");
  }

  @Test
  void safeReasonNamesNodeAndVotes() {
    QuorumDecision decision =
        QuorumGuard.evaluate(cluster(3, NO_WITNESS), Set.of("n2"), STATIC_MAJORITY);

    assertThat(decision.reason())
        .isEqualTo(
            "Allowed, quorum holds: taking \"n2\" down would leave 2 of 3 configured votes"
                + " (2 needed); no node is already down; no witness.");
  }

  @Test
  void quorumAtRiskReasonSaysRefusedWithBothCounts() {
    QuorumDecision decision =
        QuorumGuard.evaluate(cluster(2, NO_WITNESS), Set.of("n1"), ALLOW_DYNAMIC_QUORUM);

    assertThat(decision.reason())
        .isEqualTo(
            "Refused, quorum at risk: taking \"n1\" down would leave 1 of 2 configured votes"
                + " (2 needed) and at most 0 of the 1 vote the cluster counts now, not a majority;"
                + " no node is already down; no witness.");
  }

  @Test
  void lastMemberReasonSaysNoMemberWouldRemain() {
    QuorumDecision decision =
        QuorumGuard.evaluate(cluster(3, ONLINE, "n1", "n2"), Set.of("n3"), ALLOW_DYNAMIC_QUORUM);

    assertThat(decision.reason())
        .isEqualTo(
            "Refused, quorum at risk: taking \"n3\" down would leave no member node to hold"
                + " quorum (1 of 4 configured votes, 3 needed); nodes already down: \"n1\" (down),"
                + " \"n2\" (down); file share witness online.");
  }

  @Test
  void reasonListsSeveralNodesInClusterOrder() {
    Set<String> reversed = new LinkedHashSet<>(List.of("n3", "n2", "n1"));

    QuorumDecision decision =
        QuorumGuard.evaluate(cluster(5, NO_WITNESS), reversed, STATIC_MAJORITY);

    assertThat(decision.reason())
        .startsWith("Refused, quorum at risk: taking \"n1\", \"n2\" and \"n3\" down would leave");
  }

  @Test
  void reasonDescribesTheWitness() {
    Witness cloudOnline = new Witness(WitnessKind.CLOUD, WitnessState.ONLINE);
    Witness diskOffline = new Witness(WitnessKind.DISK, WitnessState.OFFLINE);

    assertThat(QuorumGuard.evaluate(cluster(3, cloudOnline), Set.of("n1"), STATIC_MAJORITY).reason())
        .endsWith("; cloud witness online.");
    assertThat(QuorumGuard.evaluate(cluster(3, diskOffline), Set.of("n1"), STATIC_MAJORITY).reason())
        .endsWith("; disk witness configured but offline, so it does not vote.");
  }

  @Test
  void reasonGivesStateOfNodesNotInMembership() {
    ClusterSnapshot snapshot = snapshot("n1:joining n2:unknown n3:up n4:up n5:up", NO_WITNESS);

    assertThat(QuorumGuard.evaluate(snapshot, Set.of("n3"), STATIC_MAJORITY).reason())
        .contains("nodes already down: \"n1\" (joining), \"n2\" (unknown);");
  }

  @Test
  void rejectsUnknownNodeByName() {
    ClusterSnapshot snapshot = cluster(3, NO_WITNESS);

    assertThatThrownBy(() -> QuorumGuard.evaluate(snapshot, Set.of("n2", "n9"), STATIC_MAJORITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot evaluate quorum: cluster \"c1\" has no node \"n9\"; its nodes are \"n1\","
                + " \"n2\", \"n3\"");
  }

  @Test
  void decisionRejectsContradictoryComponents() {
    assertThatThrownBy(
            () ->
                new QuorumDecision(
                    true, QuorumVerdict.QUORUM_AT_RISK, 3, 2, 1, false, false, "Refused."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("QUORUM_AT_RISK");
    assertThatThrownBy(
            () -> new QuorumDecision(false, QuorumVerdict.DYNAMIC_ONLY, 4, 3, 2, false, false, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reliesOnDynamicQuorum");
  }

  /**
   * Checks invariants over every cluster of one to four nodes built from a few node kinds, each
   * witness state, and each single node (or none) going down.
   */
  @Test
  void invariantsHoldForEverySmallCluster() {
    String[] kinds = {"up", "up:0", "paused", "down", "down:0", "joining"};
    Witness[] witnesses = {NO_WITNESS, ONLINE, OFFLINE};
    int checked = 0;
    for (int size = 1; size <= 4; size++) {
      int combinations = (int) Math.pow(kinds.length, size);
      for (int combination = 0; combination < combinations; combination++) {
        List<String> nodes = new ArrayList<>();
        for (int i = 0, rest = combination; i < size; i++, rest /= kinds.length) {
          nodes.add("n" + (i + 1) + ":" + kinds[rest % kinds.length]);
        }
        for (Witness witness : witnesses) {
          ClusterSnapshot snapshot = snapshot(String.join(" ", nodes), witness);
          QuorumDecision now = QuorumGuard.evaluate(snapshot, Set.of(), STATIC_MAJORITY);
          for (NodeSnapshot node : snapshot.nodes()) {
            String description = nodes + " with " + witness + ", taking \"" + node.name() + "\"";
            Set<String> goingDown = Set.of(node.name());
            QuorumDecision strict = QuorumGuard.evaluate(snapshot, goingDown, STATIC_MAJORITY);
            QuorumDecision lenient = QuorumGuard.evaluate(snapshot, goingDown, ALLOW_DYNAMIC_QUORUM);
            assertInvariants(description, now, strict, lenient);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isEqualTo(3 * (6 + 2 * 36 + 3 * 216 + 4 * 1296));
  }

  private static void assertInvariants(
      String description, QuorumDecision now, QuorumDecision strict, QuorumDecision lenient) {
    boolean staticPasses = strict.votesRemaining() >= strict.votesNeeded();
    assertThat(strict.verdict()).as(description).isEqualTo(lenient.verdict());
    assertThat(strict.votesRemaining()).as(description).isEqualTo(lenient.votesRemaining());
    assertThat(SEVERITY.indexOf(strict.verdict()))
        .as(description + ": taking a node down never improves the verdict")
        .isGreaterThanOrEqualTo(SEVERITY.indexOf(now.verdict()));
    if (strict.verdict() == QuorumVerdict.SAFE) {
      assertThat(staticPasses).as(description).isTrue();
    }
    if (strict.verdict() == QuorumVerdict.DYNAMIC_ONLY) {
      assertThat(staticPasses).as(description).isFalse();
    }
    assertThat(strict.allowed()).as(description).isEqualTo(strict.verdict() == QuorumVerdict.SAFE);
    assertThat(lenient.allowed())
        .as(description)
        .isEqualTo(strict.verdict() != QuorumVerdict.QUORUM_AT_RISK);
    assertThat(strict.reason()).as(description).contains("quorum", "\"n").endsWith(".");
    assertThat(strict.reason())
        .as(description)
        .startsWith(strict.allowed() ? "Allowed" : "Refused");
    if (staticPasses && strict.verdict() == QuorumVerdict.QUORUM_AT_RISK) {
      assertThat(strict.reason())
          .as(description + ": the static rule passes, so only a lost last member is at risk")
          .contains("no member node");
    }
  }

  private static void assertDecisions(
      ClusterSnapshot snapshot,
      Set<String> goingDown,
      int configured,
      int needed,
      int remaining,
      QuorumVerdict verdict,
      boolean allowedStatic,
      boolean allowedDynamic) {
    QuorumDecision strict = QuorumGuard.evaluate(snapshot, goingDown, STATIC_MAJORITY);
    QuorumDecision lenient = QuorumGuard.evaluate(snapshot, goingDown, ALLOW_DYNAMIC_QUORUM);

    for (QuorumDecision decision : List.of(strict, lenient)) {
      assertThat(decision.verdict()).as(decision.reason()).isEqualTo(verdict);
      assertThat(decision.votesConfigured()).as(decision.reason()).isEqualTo(configured);
      assertThat(decision.votesNeeded()).as(decision.reason()).isEqualTo(needed);
      assertThat(decision.votesRemaining()).as(decision.reason()).isEqualTo(remaining);
      assertThat(decision.witnessVotes()).isEqualTo(snapshot.witness().isOnline());
      assertThat(decision.reliesOnDynamicQuorum()).isEqualTo(verdict == QuorumVerdict.DYNAMIC_ONLY);
      assertThat(decision.reason()).contains("quorum");
      goingDown.forEach(name -> assertThat(decision.reason()).contains("\"" + name + "\""));
    }
    assertThat(strict.allowed()).as(strict.reason()).isEqualTo(allowedStatic);
    assertThat(lenient.allowed()).as(lenient.reason()).isEqualTo(allowedDynamic);
  }

  private static Arguments row(
      String label,
      ClusterSnapshot snapshot,
      String goingDown,
      int configured,
      int needed,
      int remaining,
      String verdict,
      boolean allowedStatic,
      boolean allowedDynamic) {
    return arguments(
        label,
        snapshot,
        Set.of(goingDown),
        configured,
        needed,
        remaining,
        QuorumVerdict.valueOf(verdict),
        allowedStatic,
        allowedDynamic);
  }

  /** Builds a cluster of nodes "n1" to "nN", all voting and up except those named as down. */
  private static ClusterSnapshot cluster(int nodes, Witness witness, String... down) {
    Set<String> downNodes = Set.of(down);
    List<NodeSnapshot> list = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      String name = "n" + i;
      NodeState state = downNodes.contains(name) ? NodeState.DOWN : NodeState.UP;
      list.add(new NodeSnapshot(name, state, 1, FaultDomain.NONE));
    }
    return new ClusterSnapshot("c1", list, witness, List.of(), StorageHealth.HEALTHY);
  }

  /** Builds a cluster from nodes written as {@code name:state[:weight]}, separated by spaces. */
  private static ClusterSnapshot snapshot(String nodes, Witness witness) {
    List<NodeSnapshot> list =
        Arrays.stream(SPACES.split(nodes.trim()))
            .map(
                spec -> {
                  List<String> parts = Arrays.asList(COLON.split(spec));
                  NodeState state = NodeState.valueOf(parts.get(1).toUpperCase(Locale.ROOT));
                  int weight = parts.size() > 2 ? Integer.parseInt(parts.get(2)) : 1;
                  return new NodeSnapshot(parts.get(0), state, weight, FaultDomain.NONE);
                })
            .toList();
    return new ClusterSnapshot("c1", list, witness, List.of(), StorageHealth.HEALTHY);
  }

  private static Witness witness(String name) {
    return switch (name) {
      case "NONE" -> NO_WITNESS;
      case "ONLINE" -> ONLINE;
      case "OFFLINE" -> OFFLINE;
      default -> throw new IllegalArgumentException("Unknown witness \"" + name + "\"");
    };
  }

  private static Set<String> names(@Nullable String spaceSeparated) {
    if (spaceSeparated == null || spaceSeparated.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(SPACES.split(spaceSeparated.trim())).collect(Collectors.toSet());
  }
}
