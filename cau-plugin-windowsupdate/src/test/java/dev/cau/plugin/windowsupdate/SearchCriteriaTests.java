package dev.cau.plugin.windowsupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The criteria grammar of {@code IUpdateSearcher::Search}, as Microsoft documents it. */
class SearchCriteriaTests {
  private static final String GUID = "f6ce46c1-971c-43f9-a2aa-783df125f003";
  private static final String SECURITY = "0FA1201D-4330-4FA8-8AE9-B877473B6441";

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(SearchCriteria.DEFAULT, "IsInstalled=0 and Type='Software' and IsHidden=0 and IsAssigned=1"),
        Arguments.of("UpdateID='" + GUID + "' and IsInstalled=0", "UpdateID='" + GUID + "' and IsInstalled=0"),
        // The self-updating role's doubled single quotes, as CAU accepts them.
        Arguments.of("UpdateID=''" + GUID + "'' and IsInstalled=0", "UpdateID='" + GUID + "' and IsInstalled=0"),
        Arguments.of("IsInstalled=0 and Type='Driver' and IsHidden=0", "IsInstalled=0 and Type='Driver' and IsHidden=0"),
        Arguments.of("(IsInstalled=0 and Type='Software') or (IsInstalled=0 and Type='Driver')",
            "(IsInstalled=0 and Type='Software') or (IsInstalled=0 and Type='Driver')"),
        Arguments.of("IsInstalled=0 and DeploymentAction='Installation' OR Type='Driver'",
            "(IsInstalled=0 and DeploymentAction='Installation') or (Type='Driver')"),
        Arguments.of("CategoryIds contains '" + SECURITY + "' and IsHidden=0 and IsInstalled=0",
            "CategoryIDs contains '" + SECURITY.toLowerCase(java.util.Locale.ROOT) + "' and IsHidden=0 and IsInstalled=0"),
        Arguments.of("isinstalled=0 AND type='software'", "IsInstalled=0 and Type='Software'"),
        Arguments.of("Type!='Driver'", "Type!='Driver'"),
        Arguments.of("UpdateID!='" + GUID + "' and IsInstalled=0", "UpdateID!='" + GUID + "' and IsInstalled=0"),
        Arguments.of("UpdateID='" + GUID + "' and RevisionNumber=200", "UpdateID='" + GUID + "' and RevisionNumber=200"),
        Arguments.of("  IsInstalled = 0\tand\nIsHidden = 0  ", "IsInstalled=0 and IsHidden=0"),
        Arguments.of("AutoSelectOnWebSites=1 and IsInstalled=0", "AutoSelectOnWebSites=1 and IsInstalled=0"),
        Arguments.of("BrowseOnly=0 and IsInstalled=0", "BrowseOnly=0 and IsInstalled=0"),
        Arguments.of("IsPresent=1 and RebootRequired=1", "IsPresent=1 and RebootRequired=1"),
        Arguments.of("((IsInstalled=0) and (IsHidden=0))", "IsInstalled=0 and IsHidden=0"),
        Arguments.of("DeploymentAction='Uninstallation' and IsInstalled=1",
            "DeploymentAction='Uninstallation' and IsInstalled=1"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("valid")
  void validCriteriaAreAcceptedAndWrittenCanonically(String text, String canonical) {
    SearchCriteria criteria = SearchCriteria.parse("QueryString", text);

    assertThat(criteria.text()).isEqualTo(canonical);
    assertThat(SearchCriteria.parse("QueryString", criteria.text())).isEqualTo(criteria);
  }

  static Stream<Arguments> invalid() {
    String tooLong = "IsInstalled=0" + " and IsHidden=0".repeat(300);
    String tooMany = "IsInstalled=0" + " and IsHidden=0".repeat(64);
    String tooDeep = "(".repeat(9) + "IsInstalled=0" + ")".repeat(9);
    return Stream.of(
        Arguments.of("(IsInstalled=0) and (IsHidden=0 or Type='Driver')", 33, "OR is allowed only at the top level"),
        Arguments.of("(IsInstalled=0 or IsHidden=0)", 16, "OR is allowed only at the top level"),
        Arguments.of("IsInstaled=0", 1, "unknown property \"IsInstaled\""),
        Arguments.of("IsInstalled=0 and Title='x'", 19, "unknown property \"Title\""),
        Arguments.of("Type='Software", 6, "unbalanced quote"),
        Arguments.of("UpdateID=''" + GUID + "' and IsInstalled=0", 10, "unbalanced quote"),
        Arguments.of("Type='Software'ware'", 16, "\"and\" or \"or\" was expected"),
        Arguments.of("", 1, "a criterion such as IsInstalled=0 was expected"),
        Arguments.of("   ", 4, "a criterion such as IsInstalled=0 was expected"),
        Arguments.of("IsInstalled=0 and", 18, "a criterion such as IsInstalled=0 was expected"),
        Arguments.of("IsInstalled=0 IsHidden=0", 15, "\"and\" or \"or\" was expected"),
        Arguments.of("IsInstalled=2", 13, "IsInstalled takes 0 or 1"),
        Arguments.of("IsInstalled='0'", 13, "IsInstalled takes 0 or 1"),
        Arguments.of("IsHidden!=1", 9, "\"!=\" is allowed with Type and UpdateID only"),
        Arguments.of("Type='Firmware'", 6, "Type takes 'Software' or 'Driver'"),
        Arguments.of("Type=1", 6, "Type takes a string in single quotes"),
        Arguments.of("UpdateID='not-a-guid'", 10, "UpdateID takes a GUID"),
        Arguments.of("RevisionNumber=200", 1, "RevisionNumber must be combined with UpdateID="),
        Arguments.of("UpdateID!='" + GUID + "' and RevisionNumber=2", 54, "RevisionNumber must be combined with UpdateID="),
        Arguments.of("CategoryIDs='" + SECURITY + "'", 12, "CategoryIDs is compared with \"contains\""),
        Arguments.of("Type contains 'Software'", 6, "\"contains\" is allowed with CategoryIDs only"),
        Arguments.of("IsInstalled<0", 12, "\"=\", \"!=\" or \"contains\" was expected"),
        Arguments.of("(IsInstalled=0", 1, "the parenthesis opened here is never closed"),
        Arguments.of("IsInstalled=0)", 14, "a closing parenthesis has no opening one"),
        Arguments.of("IsInstalled=", 13, "a value was expected"),
        Arguments.of("DeploymentAction='Detection'", 18, "DeploymentAction takes 'Installation' or 'Uninstallation'"),
        Arguments.of("Type=\u2018Software\u2019", 6, "a value (an integer, or a string in single quotes) was expected"),
        Arguments.of("IsInstalled=0; Remove-Item C:\\", 14, "\"and\" or \"or\" was expected"),
        Arguments.of("IsInstalled=12345678901", 13, "an integer of at most 10 digits"),
        Arguments.of(tooLong, SearchCriteria.MAX_LENGTH + 1, "criteria may be at most 4096 characters long"),
        Arguments.of(tooMany, 1 + 13 + 64 * 15 - 10, "criteria may hold at most 64 criteria"),
        Arguments.of(tooDeep, 9, "parentheses may nest at most 8 deep"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalid")
  void invalidCriteriaAreRefusedWithThePositionAndTheRule(String text, int position, String rule) {
    assertThatThrownBy(() -> SearchCriteria.parse("CauPluginArguments[Microsoft.WindowsUpdatePlugin].QueryString", text))
        .isInstanceOfSatisfying(CriteriaException.class, e -> {
          assertThat(e.rule()).contains(rule);
          assertThat(e.position()).isEqualTo(position);
          assertThat(e.option()).isEqualTo("CauPluginArguments[Microsoft.WindowsUpdatePlugin].QueryString");
          assertThat(e.getMessage()).contains("at position " + position + ": ").contains(rule);
        });
  }

  @Test
  void theMessageQuotesTheValueAndEscapesControlCharacters() {
    assertThatThrownBy(() -> SearchCriteria.parse("QueryString", "IsInstalled=0\u0007"))
        .hasMessage("\"QueryString\" must be Windows Update Agent search criteria (at position 14: \"and\" or \"or\""
            + " was expected, but found the control character U+0007), but was \"IsInstalled=0\\u0007\"");
  }

  @Test
  void criteriaMatchUpdatesGroupByGroup() {
    SearchCriteria criteria = SearchCriteria.parse("QueryString", "(IsInstalled=0 and Type='Software') or (Type='Driver')");

    assertThat(criteria.matches(p -> switch (p) {
      case IS_INSTALLED -> 0L;
      case TYPE -> "software";
      default -> null;
    })).isTrue();
    assertThat(criteria.matches(p -> switch (p) {
      case IS_INSTALLED -> 1L;
      case TYPE -> "Software";
      default -> null;
    })).isFalse();
    assertThat(criteria.matches(p -> switch (p) {
      case IS_INSTALLED -> 1L;
      case TYPE -> "Driver";
      default -> null;
    })).isTrue();
  }
}
