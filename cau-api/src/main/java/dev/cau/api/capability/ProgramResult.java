package dev.cau.api.capability;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a program ended.
 *
 * @param exitCode the exit code as an unsigned 32-bit value: Windows exit codes such as
 *     {@code 0x80240022} or {@code 3010} are kept exactly; a POSIX exit status is 0 to 255
 * @param stdout the program's standard output, up to the request's output limit
 * @param stderr the program's standard error, up to the request's output limit
 * @param outputTruncated whether output beyond the limit was dropped
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ProgramResult(long exitCode, String stdout, String stderr, boolean outputTruncated) {
  /** The largest exit code: {@code 0xFFFFFFFF}. */
  public static final long MAX_EXIT_CODE = 0xFFFF_FFFFL;

  /**
   * Checks the components.
   *
   * @param exitCode the unsigned 32-bit exit code
   * @param stdout standard output
   * @param stderr standard error
   * @param outputTruncated whether output was dropped
   */
  public ProgramResult {
    if (exitCode < 0 || exitCode > MAX_EXIT_CODE) {
      throw new IllegalArgumentException("exitCode must be an unsigned 32-bit value (0 to 4294967295), not " + exitCode);
    }
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /**
   * Creates a result from the signed 32-bit exit code Java's {@link Process#exitValue()} or a
   * Windows API returns, for example {@code -2145124318} for {@code 0x80240022}.
   *
   * @param signed the exit code as a signed {@code int}
   * @param stdout standard output
   * @param stderr standard error
   * @return the result
   */
  public static ProgramResult ofSigned(int signed, String stdout, String stderr) {
    return new ProgramResult(Integer.toUnsignedLong(signed), stdout, stderr, false);
  }

  /**
   * Tells whether the program exited with code 0.
   *
   * @return whether the exit code is 0
   */
  public boolean succeeded() {
    return exitCode == 0;
  }

  /**
   * Returns the exit code as the signed {@code int} Windows APIs and {@code HRESULT}s use.
   *
   * @return the same 32 bits as a signed value
   */
  public int signedExitCode() {
    return (int) exitCode;
  }

  /**
   * Returns the exit code as Windows prints an {@code HRESULT}: {@code 0x} and eight upper-case
   * hexadecimal digits.
   *
   * @return for example {@code 0x80240022}
   */
  public String hexExitCode() {
    return String.format(Locale.ROOT, "0x%08X", exitCode);
  }
}
