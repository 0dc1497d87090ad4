package dev.cau.plugin.rollingupgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.RunId;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdateFacts;
import dev.cau.api.result.NodeResult;
import dev.cau.api.result.RunResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.featureupdate.MixedOsStatus;
import dev.cau.core.featureupdate.MixedOsTracker;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Core's mixed-OS status, read from a finished run's results (feature updates known by their facts only). */
class MixedOsStatusTests {
  private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
  private static final Update FEATURE = new Update("fu", "Feature update to 23H2", "",
      UpdateFacts.NONE.withTarget("23H2", "25398.469"));

  private static NodeResult node(String name, boolean upgraded, Instant at) {
    InstallResult result = upgraded ? InstallResult.succeeded(FEATURE, true, at) : InstallResult.failed(FEATURE, 5, at);
    return new NodeResult(name, upgraded ? SummaryStatus.SUCCEEDED : SummaryStatus.FAILED, List.of(result), 1, 0, null,
        false, upgraded ? null : "setup exit 5");
  }

  @Test
  void aRunThatUpgradedSomeNodesLeavesTheClusterMixedSinceTheFirstUpgrade() {
    RunResult run = new RunResult(new RunId(new UUID(1, 1)), "hci", SummaryStatus.FAILED, T0, T0.plusSeconds(9000),
        List.of(node("n1", true, T0.plusSeconds(3600)), node("n2", true, T0.plusSeconds(7200)),
            node("n3", false, T0.plusSeconds(8000))), "n3 failed");

    MixedOsStatus status = MixedOsTracker.of(run);

    assertThat(status.mixed()).isTrue();
    assertThat(status.since()).isEqualTo(T0.plusSeconds(3600));
    assertThat(status.upgraded()).containsExactly("n1", "n2");
    assertThat(status.notUpgraded()).containsExactly("n3");
    assertThat(status.describe()).isEqualTo("Mixed-OS mode since 2026-12-06T09:00:00Z: n1, n2 run 23H2 (build"
        + " 25398.469), n3 still runs the old version; finish within 28 days");
  }

  @Test
  void aClusterIsMixedWithAStartExactlyWhenSomeNodesAreUpgradedAndSomeNot() {
    assertThatThrownBy(() -> new MixedOsStatus(List.of("n1"), List.of(), null, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MixedOsStatus.NONE.mixed()).isFalse();
    assertThat(new MixedOsStatus(List.of("n1", "n2"), List.of(), "23H2 (build 25398)", null).describe())
        .contains("no longer mixed");
  }
}
