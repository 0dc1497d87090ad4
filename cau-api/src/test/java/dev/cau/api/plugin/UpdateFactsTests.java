package dev.cau.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional facts of an update. */
class UpdateFactsTests {
  @Test
  void aSimpleUpdateHasNoFacts() {
    Update update = new Update("KB1", "Update", "");

    assertThat(update.facts()).isEqualTo(UpdateFacts.NONE);
    assertThat(update.facts().isEmpty()).isTrue();
    assertThat(UpdateFacts.NONE.sizeBytes()).isEqualTo(UpdateFacts.UNKNOWN_SIZE);
    assertThat(UpdateFacts.NONE.restart()).isEqualTo(RestartBehavior.UNKNOWN);
  }

  @Test
  void factsAreAddedOneByOne() {
    String hash = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD";
    UpdateFacts facts = UpdateFacts.NONE.withKbArticles(List.of("KB5034441")).withClassification("Security Updates")
        .withGuid("8d1c7f1e-0000-4000-8000-000000000001").withSizeBytes(1024).withRestart(RestartBehavior.MAY)
        .withInstallAlone(true).withTarget("23H2", "25398").withContentSha256(hash);

    assertThat(facts.kbArticles()).containsExactly("KB5034441");
    assertThat(facts.classification()).isEqualTo("Security Updates");
    assertThat(facts.sizeBytes()).isEqualTo(1024);
    assertThat(facts.restart()).isEqualTo(RestartBehavior.MAY);
    assertThat(facts.installAlone()).isTrue();
    assertThat(facts.targetVersion()).isEqualTo("23H2");
    assertThat(facts.targetBuild()).isEqualTo("25398");
    assertThat(facts.contentSha256()).isEqualTo(hash.toLowerCase(java.util.Locale.ROOT));
    assertThat(facts.isEmpty()).isFalse();
  }

  @Test
  void malformedFactsAreRefused() {
    assertThatThrownBy(() -> UpdateFacts.NONE.withKbArticles(List.of("5034441")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KB");
    assertThatThrownBy(() -> UpdateFacts.NONE.withSizeBytes(-2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UpdateFacts.NONE.withContentSha256("abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UpdateFacts.NONE.withClassification(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
