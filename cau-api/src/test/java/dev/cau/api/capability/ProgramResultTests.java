package dev.cau.api.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Exit codes of {@link ProgramResult} as unsigned 32-bit values. */
class ProgramResultTests {
  @Test
  void aWindowsErrorCodeIsKeptUnsigned() {
    ProgramResult result = ProgramResult.ofSigned(0x80240022, "", "failed");

    assertThat(result.exitCode()).isEqualTo(2_149_842_978L);
    assertThat(result.signedExitCode()).isEqualTo(-2_145_124_318);
    assertThat(result.hexExitCode()).isEqualTo("0x80240022");
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void restartRequiredIsNotSuccess() {
    ProgramResult result = new ProgramResult(3010, "", "", false);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.hexExitCode()).isEqualTo("0x00000BC2");
  }

  @Test
  void zeroSucceeds() {
    assertThat(new ProgramResult(0, "ok\n", "", false).succeeded()).isTrue();
  }

  @Test
  void theLargestExitCodeIsAllOnes() {
    ProgramResult result = new ProgramResult(ProgramResult.MAX_EXIT_CODE, "", "", true);

    assertThat(result.signedExitCode()).isEqualTo(-1);
    assertThat(result.outputTruncated()).isTrue();
  }

  @Test
  void exitCodesOutsideThirtyTwoBitsAreRefused() {
    assertThatThrownBy(() -> new ProgramResult(-1, "", "", false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProgramResult(1L << 32, "", "", false)).isInstanceOf(IllegalArgumentException.class);
  }
}
