package dev.cau.plugin.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Names are compared and checked as Windows does, never with Java's locale or folding rules. */
class WindowsNamesTests {
  @Test
  void namesDifferingOnlyInAsciiCaseAreTheSame() {
    assertThat(WindowsNames.same("cauhotfix_all", "CAUHotfix_All")).isTrue();
    assertThat(WindowsNames.same("Node1", "NODE1")).isTrue();
    assertThat(WindowsNames.same("Node1", "Node2")).isFalse();
  }

  @Test
  void nonAsciiLettersCaseFoldAmongThemselves() {
    assertThat(WindowsNames.same("\u0443\u0437\u0435\u043B", "\u0423\u0417\u0415\u041B")).isTrue(); // узел / УЗЕЛ
    assertThat(WindowsNames.same("stra\u00DFe", "STRA\u00DFE")).isTrue();
    assertThat(WindowsNames.same("stra\u00DFe", "STRASSE")).as("ß is not SS, as Java's toUpperCase makes it").isFalse();
  }

  @Test
  void lookalikesNeverMatchAsciiNames() {
    assertThat(WindowsNames.same("\u0421AUHotfix_All", "CAUHotfix_All")).as("Cyrillic С").isFalse();
    assertThat(WindowsNames.same("\u212Aode1", "Kode1")).as("Kelvin sign, which Java equalsIgnoreCase folds").isFalse();
    assertThat("\u212Aode1".equalsIgnoreCase("Kode1")).isTrue();
    assertThat(WindowsNames.same("n\u0131de", "NIDE")).as("dotless i, which Java upper-cases to I").isFalse();
    assertThat(WindowsNames.same("\u017Fql", "SQL")).as("long s").isFalse();
    assertThat(WindowsNames.same("\uFF2E\uFF4F\uFF44\uFF45", "Node")).as("full-width letters").isFalse();
  }

  @Test
  void theDefaultLocaleChangesNothing() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(WindowsNames.same("dism", "DISM")).isTrue();
      assertThat(WindowsNames.upper("cauhotfix_all")).isEqualTo("CAUHOTFIX_ALL");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void plainNamesHaveNoProblem() {
    for (String name : new String[] {"CAUHotfix_All", "Update 1.msu", "\u0443\u0437\u0435\u043B1", "a.b.c", "x..y",
        "CONFIG", "COM10", "LPT0.txt", "Ø", "\uD83D\uDE00.msi"}) {
      assertThat(WindowsNames.problem(name)).as(name).isEmpty();
    }
  }

  @Test
  void namesWindowsWouldNotTakeAsTheyAreHaveAProblem() {
    assertThat(WindowsNames.problem("..")).hasValueSatisfying(p -> assertThat(p).contains("parent"));
    assertThat(WindowsNames.problem(".")).isPresent();
    assertThat(WindowsNames.problem("")).isPresent();
    assertThat(WindowsNames.problem("Node1.")).hasValueSatisfying(p -> assertThat(p).contains("ends with a dot"));
    assertThat(WindowsNames.problem("Node1 ")).hasValueSatisfying(p -> assertThat(p).contains("ends with a space"));
    assertThat(WindowsNames.problem("con")).hasValueSatisfying(p -> assertThat(p).contains("reserved"));
    assertThat(WindowsNames.problem("NUL.msu")).hasValueSatisfying(p -> assertThat(p).contains("\"NUL\" is a reserved"));
    assertThat(WindowsNames.problem("com1 .msi")).isPresent();
    assertThat(WindowsNames.problem("LPT\u00B9")).isPresent();
    assertThat(WindowsNames.problem("a:b")).hasValueSatisfying(p -> assertThat(p).contains("':'"));
    assertThat(WindowsNames.problem("a\u0001b")).hasValueSatisfying(p -> assertThat(p).contains("U+0001"));
    assertThat(WindowsNames.problem("a\uD800b")).hasValueSatisfying(p -> assertThat(p).contains("unpaired surrogate"));
    assertThat(WindowsNames.problem("x".repeat(256))).isPresent();
  }

  @Test
  void installerSyntaxCharactersAreRefusedForFilesToInstall() {
    for (String name : new String[] {"a;b.msp", "a=b.msi", "%TEMP%.msu", "a!b.msu", "a^b.msu", "a&b.msu", "a`b.msu",
        "-x.msu"}) {
      assertThat(WindowsNames.installerProblem(name)).as(name).isPresent();
    }
    assertThat(WindowsNames.installerProblem("Windows10.0-KB5034441-x64 (1).msu")).isEmpty();
    assertThat(WindowsNames.installerProblem("..")).isPresent();
  }

  @Test
  void extensionsAreUpperCasedWithoutTheDot() {
    assertThat(WindowsNames.extension("a.Msu")).isEqualTo("MSU");
    assertThat(WindowsNames.extension("a.tar.msi")).isEqualTo("MSI");
    assertThat(WindowsNames.extension(".msu")).isEmpty();
    assertThat(WindowsNames.extension("msu")).isEmpty();
    assertThat(WindowsNames.extension("a.")).isEmpty();
  }
}
