package dev.cau.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether a plug-in stages at all, as the driver records it with each scan: a plug-in that keeps
 * {@link UpdatePlugin#stage}'s default has nothing to download, so a second-order pass never takes
 * a node back to service for it.
 */
class StagingPluginTests {

  /** Installs only; keeps the default stage, which does nothing. */
  private static class InstallOnly implements UpdatePlugin {
    @Override
    public List<Update> scan(PluginContext context) {
      return List.of();
    }

    @Override
    public List<InstallResult> install(PluginContext context, List<Update> updates) {
      return List.of();
    }
  }

  /** Downloads in its stage. */
  private static final class Downloading extends InstallOnly {
    @Override
    public void stage(PluginContext context, List<Update> updates) {
      // a download would happen here
    }
  }

  /** Inherits its stage from a plug-in that downloads. */
  private static final class Subclass extends InstallOnlyDownloading {}

  private static class InstallOnlyDownloading extends InstallOnly {
    @Override
    public void stage(PluginContext context, List<Update> updates) {
      // a download would happen here
    }
  }

  @Test
  void aPluginThatKeepsTheDefaultStageStagesNothingAndOneThatOverridesItStages() {
    assertThat(RunDriver.stagesUpdates(new InstallOnly())).isFalse();
    assertThat(RunDriver.stagesUpdates(new Downloading())).isTrue();
    assertThat(RunDriver.stagesUpdates(new Subclass())).isTrue();
  }
}
