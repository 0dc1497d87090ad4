package dev.cau.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one quoting function for POSIX shells. That a real shell reads each quoted value back
 * unchanged is checked against OpenSSH in {@link OpenSshTransportTests}; these tests pin the
 * function's exact output.
 */
class PosixQuotingTests {
  @Test
  void wrapsAValueInSingleQuotes() {
    assertThat(PosixQuoting.quote("plain")).isEqualTo("'plain'");
  }

  @Test
  void writesEachSingleQuoteAsCloseEscapedQuoteOpen() {
    assertThat(PosixQuoting.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(PosixQuoting.quote("'")).isEqualTo("''\\'''");
  }

  @Test
  void quotesTheEmptyValueAsOneEmptyWord() {
    assertThat(PosixQuoting.quote("")).isEqualTo("''");
  }

  @Test
  void leavesEverythingElseLiteralBetweenTheQuotes() {
    String hostile = "$(id) `id` ${HOME} ; & | \n * ? [a] ~ -rf \\ \" \u2019";

    assertThat(PosixQuoting.quote(hostile)).isEqualTo("'" + hostile + "'");
  }

  @Test
  void joinsQuotedWordsWithSpaces() {
    assertThat(PosixQuoting.quoteAll(List.of("a b", "", "c"))).isEqualTo("'a b' '' 'c'");
    assertThat(PosixQuoting.quoteAll(List.of())).isEmpty();
  }

  @Test
  void refusesANulCharacter() {
    assertThatThrownBy(() -> PosixQuoting.quote("a\0b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
  }

  @Test
  void commandOfAProgramHoldsOnlyFixedTextAndQuotedValues() {
    RemoteInvocation invocation = PosixCommands.invocation(
        dev.cau.api.capability.ProgramRequest.program("/bin/echo", List.of("$(reboot)", "a'b"))
            .withWorkingDirectory("/srv/x y"));

    assertThat(invocation.command()).isEqualTo(
        "echo \"cau-pid:$$\" >&2; cd -- '/srv/x y' || exit 126; exec '/bin/echo' '$(reboot)' 'a'\\''b'");
    assertThat(invocation.stdin()).isEmpty();
  }

  @Test
  void scriptBodyTravelsOnStandardInputNotInTheCommand() {
    RemoteInvocation invocation = PosixCommands.invocation(
        dev.cau.api.capability.ProgramRequest.script(dev.cau.api.capability.Shell.POSIX_SH, "rm -rf \"$1\"",
            List.of("; reboot")));

    assertThat(invocation.command()).isEqualTo("echo \"cau-pid:$$\" >&2; exec 'sh' '-s' '--' '; reboot'");
    assertThat(new String(invocation.stdin(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("rm -rf \"$1\"");
  }
}
