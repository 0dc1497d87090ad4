package dev.cau.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CsvReportTests {
  private static String field(String value) throws IOException {
    StringBuilder out = new StringBuilder();
    CsvReport.field(out, value);
    return out.toString();
  }

  @Test
  void cellsThatWouldStartAFormulaAreNeutralised() throws IOException {
    assertThat(field("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    assertThat(field("+cmd|' /C calc'!A0")).isEqualTo("\"'+cmd|' /C calc'!A0\"");
    assertThat(field("-2+3")).isEqualTo("\"'-2+3\"");
    assertThat(field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
    assertThat(field("\t=1")).isEqualTo("\"'\t=1\"");
    assertThat(field("\r=1")).isEqualTo("\"'\r=1\"");
  }

  @Test
  void plainNumbersAndOrdinaryTextAreWrittenAsTheyAre() throws IOException {
    assertThat(field("-2145124329")).isEqualTo("-2145124329");
    assertThat(field("+1.5")).isEqualTo("+1.5");
    assertThat(field("KB5034441")).isEqualTo("KB5034441");
    assertThat(field("a, b")).isEqualTo("\"a, b\"");
    assertThat(field("")).isEmpty();
  }
}
