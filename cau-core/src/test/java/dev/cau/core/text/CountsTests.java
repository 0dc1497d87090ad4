package dev.cau.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountsTests {
  @Test
  void oneTakesTheSingularAndEveryOtherCountThePlural() {
    assertThat(Counts.of(1, "node")).isEqualTo("1 node");
    assertThat(Counts.of(0, "node")).isEqualTo("0 nodes");
    assertThat(Counts.of(2, "node")).isEqualTo("2 nodes");
    assertThat(Counts.of(-1, "minute")).isEqualTo("-1 minutes");
  }

  @Test
  void anIrregularPluralIsGivenWithItsSingular() {
    assertThat(Counts.of(1, "install pass", "install passes")).isEqualTo("1 install pass");
    assertThat(Counts.of(3, "install pass", "install passes")).isEqualTo("3 install passes");
  }

  @Test
  void aPartOfATotalTakesTheNumberOfTheTotal() {
    assertThat(Counts.ofTotal(1, 1, "update")).isEqualTo("1 of 1 update");
    assertThat(Counts.ofTotal(1, 4, "node")).isEqualTo("1 of 4 nodes");
  }

  @Test
  void aVerbAgreesWithTheCount() {
    assertThat(Counts.inNumber(1, "was", "were")).isEqualTo("was");
    assertThat(Counts.inNumber(2, "was", "were")).isEqualTo("were");
  }

  @Test
  void aBlankWordIsRefusedByName() {
    assertThatThrownBy(() -> Counts.of(2, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The noun must not be blank, but was \" \"");
    assertThatThrownBy(() -> Counts.inNumber(2, "was", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plural");
  }
}
