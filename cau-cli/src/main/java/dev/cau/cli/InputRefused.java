package dev.cau.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * An input a command refuses before it acts: an option whose value does not fit what is on disk,
 * or options that do not go together. The command reports it in two lines and exits with 2.
 */
final class InputRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the refusal.
   *
   * @param message what is refused: the option, its value in quotes and what is allowed
   */
  InputRefused(String message) {
    super(message);
  }

  /**
   * Prints the refusal to the command's error output: its message, then what it means for the
   * user and where the help is.
   *
   * @param spec the refusing command
   * @param consequence what was left alone, such as {@code "Nothing was written."}; may be empty
   * @return the exit code for invalid input, 2
   */
  int report(CommandSpec spec, String consequence) {
    CommandLine commandLine = spec.commandLine();
    String command = spec.qualifiedName();
    commandLine.getErr().println(command + ": " + getMessage());
    commandLine.getErr().println((consequence.isEmpty() ? "" : consequence + " ") + "See '" + command + " --help'.");
    commandLine.getErr().flush();
    return spec.exitCodeOnInvalidInput();
  }
}
