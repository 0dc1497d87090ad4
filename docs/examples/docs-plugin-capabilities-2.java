// docs/plugin-capabilities.md: an update with its facts, built in a test.
import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.plugin.*;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateFactsExampleTests {
  @Test
  void anUpdateCarriesItsFacts() {
    // @example

    assertThat(update.facts().kbArticles()).containsExactly("KB5034441");
  }
}
