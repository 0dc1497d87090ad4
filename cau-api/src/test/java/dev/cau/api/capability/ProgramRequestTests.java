package dev.cau.api.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of {@link ProgramRequest}: NUL refused everywhere, scripts without stdin, limits. */
class ProgramRequestTests {
  @Test
  void aProgramRequestHasTheDefaults() {
    ProgramRequest request = ProgramRequest.program("/usr/bin/apt-get", List.of("update"));

    assertThat(request.shell()).isEqualTo(Shell.NONE);
    assertThat(request.runAs()).isEqualTo(RunAs.CONNECTED_USER);
    assertThat(request.timeout()).isEqualTo(ProgramRequest.DEFAULT_TIMEOUT);
    assertThat(request.outputLimit()).isEqualTo(ProgramRequest.DEFAULT_OUTPUT_LIMIT);
    assertThat(request.stdin()).isNull();
    assertThat(request.workingDirectory()).isNull();
  }

  @Test
  void anArgumentHoldingNulIsRefused() {
    assertThatThrownBy(() -> ProgramRequest.program("rm", List.of("-f", "a\0b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argument 1 holds a NUL character at index 1");
  }

  @Test
  void aProgramHoldingNulIsRefused() {
    assertThatThrownBy(() -> ProgramRequest.program("/bin/sh\0-c", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("program holds a NUL");
  }

  @Test
  void aScriptBodyHoldingNulIsRefused() {
    assertThatThrownBy(() -> ProgramRequest.script(Shell.POSIX_SH, "echo \0", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("script body holds a NUL");
  }

  @Test
  void stdinHoldingNulIsRefused() {
    ProgramRequest request = ProgramRequest.program("cat", List.of());

    assertThatThrownBy(() -> request.withStdin("x\0y")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stdin holds a NUL");
  }

  @Test
  void aWorkingDirectoryHoldingNulOrBlankIsRefused() {
    ProgramRequest request = ProgramRequest.program("ls", List.of());

    assertThatThrownBy(() -> request.withWorkingDirectory("/tmp\0/etc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workingDirectory holds a NUL");
    assertThatThrownBy(() -> request.withWorkingDirectory(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScriptCannotHaveStdinOrTheNoneShell() {
    ProgramRequest script = ProgramRequest.script(Shell.POWERSHELL, "Get-HotFix", List.of());

    assertThatThrownBy(() -> script.withStdin("x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("script body travels on standard input");
    assertThatThrownBy(() -> ProgramRequest.script(Shell.NONE, "x", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBlankProgramANonPositiveTimeoutAndANegativeLimitAreRefused() {
    ProgramRequest request = ProgramRequest.program("ls", List.of());

    assertThatThrownBy(() -> ProgramRequest.program(" ", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request.withOutputLimit(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void argumentsAreCopiedAndEachStaysOneValue() {
    List<String> arguments = new java.util.ArrayList<>(List.of("a b", "'; rm -rf /'"));
    ProgramRequest request = ProgramRequest.program("echo", arguments);
    arguments.clear();

    assertThat(request.arguments()).containsExactly("a b", "'; rm -rf /'");
  }

  @Test
  void toStringNeverShowsArgumentValues() {
    ProgramRequest request = ProgramRequest.program("curl", List.of("--token", "s3cret"))
        .withRunAs(RunAs.SYSTEM).withTimeout(Duration.ofMinutes(5));

    assertThat(request.toString()).doesNotContain("s3cret").contains("program curl").contains("2 arguments");
    assertThat(ProgramRequest.script(Shell.POSIX_SH, "echo $1", List.of("s3cret")).toString())
        .doesNotContain("s3cret").doesNotContain("echo").contains("7 characters").contains("1 argument,");
  }
}
