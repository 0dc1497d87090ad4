package dev.cau.plugin.windowsupdate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.plugin.RestartBehavior;
import dev.cau.api.plugin.Update;
import dev.cau.plugin.windowsupdate.ScriptProtocol.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CAU's filtering of what a search found, on the documented scan fixture. */
class UpdateSelectionTests {
  private static final List<AgentUpdate> FOUND = ((ScriptOutput.Scan) ScriptProtocol.parse("n1", Operation.SCAN,
      Fixtures.read("scan-typical.json"))).updates();

  @Test
  void importantUpdatesOnlyByDefault() {
    UpdateSelection.Choice choice = UpdateSelection.choose(FOUND, false);

    assertThat(choice.offered()).extracting(AgentUpdate::kbArticleIds)
        .containsExactly(List.of("5034439"), List.of("5034129"), List.of("2267602"));
    assertThat(choice.skipped()).extracting(s -> s.update().title().substring(0, 20) + ": " + s.reason())
        .containsExactly(
            "2024-01 Cumulative U: it is a recommended update and IncludeRecommendedUpdates is False",
            "Windows Malicious So: it needs its licence terms accepted; install it manually",
            "Contoso Storage Mana: it may ask for user input; install it manually",
            "2023-12 Cumulative U: it is hidden",
            "Microsoft Edge WebVi: it is an optional update");
  }

  @Test
  void recommendedUpdatesWhenAskedButNeverOptionalHiddenLicensedOrInteractiveOnes() {
    UpdateSelection.Choice choice = UpdateSelection.choose(FOUND, true);

    assertThat(choice.offered()).extracting(AgentUpdate::kbArticleIds)
        .containsExactly(List.of("5034439"), List.of("5034129"), List.of("2267602"), List.of("5034613"));
    assertThat(choice.skipped()).filteredOn(s -> !s.logged()).extracting(s -> s.update().hidden()).containsExactly(true);
  }

  @Test
  void eachUpdateCarriesItsFacts() {
    Update ssu = WindowsUpdatePlugin.toUpdate(FOUND.get(0));
    Update cumulative = WindowsUpdatePlugin.toUpdate(FOUND.get(1));
    Update recommended = WindowsUpdatePlugin.toUpdate(FOUND.get(3));

    assertThat(ssu.id()).isEqualTo("8b5e1b5c-2f3a-4c11-9a0e-6e7d2c1f0a01");
    assertThat(ssu.facts().guid()).isEqualTo("8b5e1b5c-2f3a-4c11-9a0e-6e7d2c1f0a01");
    assertThat(ssu.facts().kbArticles()).containsExactly("KB5034439");
    assertThat(ssu.facts().installAlone()).isTrue();
    assertThat(ssu.facts().restart()).isEqualTo(RestartBehavior.NEVER);
    assertThat(ssu.facts().classification()).isEqualTo("Security Updates");
    assertThat(ssu.facts().sizeBytes()).isEqualTo(15335424L);
    assertThat(cumulative.facts().restart()).isEqualTo(RestartBehavior.ALWAYS);
    assertThat(cumulative.facts().installAlone()).isFalse();
    assertThat(recommended.facts().restart()).isEqualTo(RestartBehavior.MAY);
    assertThat(cumulative.description()).isEqualTo("Important Security Updates, KB5034129");
  }

  @Test
  void anUpdateThatMustBeInstalledAloneGetsABatchOfItsOwn() {
    List<Update> updates = FOUND.subList(0, 3).stream().map(WindowsUpdatePlugin::toUpdate).toList();

    assertThat(InstallBatches.of(updates)).extracting(batch -> batch.stream().map(u -> u.facts().kbArticles().get(0)).toList())
        .containsExactly(List.of("KB5034439"), List.of("KB5034129", "KB2267602"));
  }
}
