package dev.cau.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuorumToolParserTests {
  @Test
  void readsVotesAndMembersOfAFullCluster() {
    QuorumStatus status = QuorumToolParser.parse(Recorded.text("quorumtool-all.txt"));

    assertThat(status.expectedVotes()).isEqualTo(3);
    assertThat(status.totalVotes()).isEqualTo(3);
    assertThat(status.quorum()).isEqualTo(2);
    assertThat(status.quorate()).isTrue();
    assertThat(status.members()).extracting(QuorumStatus.Member::name).containsExactly("node1", "node2", "node3");
    assertThat(status.members()).allMatch(m -> m.votes() == 1);
  }

  @Test
  void readsAClusterWithOneNodeDown() {
    QuorumStatus status = QuorumToolParser.parse(Recorded.text("quorumtool-node2-down.txt"));

    assertThat(status.totalVotes()).isEqualTo(2);
    assertThat(status.expectedVotes()).isEqualTo(3);
    assertThat(status.quorate()).isTrue();
    assertThat(status.member("node2")).isEmpty();
    assertThat(status.member("node3")).hasValueSatisfying(m -> assertThat(m.nodeId()).isEqualTo(3));
  }

  @Test
  void readsAPartitionWithoutQuorum() {
    String text = Recorded.text("quorumtool-node2-down.txt")
        .replace("Quorate:          Yes", "Quorate:          No")
        .replace("Total votes:      2", "Total votes:      1");

    QuorumStatus status = QuorumToolParser.parse(text);

    assertThat(status.quorate()).isFalse();
    assertThat(status.totalVotes()).isEqualTo(1);
  }

  @Test
  void refusesOutputWithoutVotesNamingTheMissingField() {
    assertThatThrownBy(() -> QuorumToolParser.parse("Cannot initialize QUORUM service\n"))
        .hasMessage("corosync-quorumtool's output lacks \"Expected votes\"");
  }

  @Test
  void refusesOutputLargerThanTheBound() {
    assertThatThrownBy(() -> QuorumToolParser.parse("x".repeat(QuorumToolParser.MAX_CHARS + 1)))
        .hasMessageContaining("more than the");
  }
}
