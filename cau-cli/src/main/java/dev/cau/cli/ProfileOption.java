package dev.cau.cli;

import dev.cau.core.options.RunOptions;
import dev.cau.core.profile.InvalidProfileException;
import dev.cau.core.profile.RunProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --profile FILE} option, shared by the commands that act as a run would ({@code run},
 * {@code scan}, {@code test-setup}), so that each reads a profile, and chooses its plug-ins, the
 * same way.
 */
final class ProfileOption {
  @Option(
      names = "--profile",
      paramLabel = "<file>",
      description = "An Updating Run Profile to start from: cau4j's readable format, or CAU's own"
          + " CLIXML file (DefaultParameters.xml) when the name ends in .xml. Options given on the"
          + " command line override it. Its plug-ins (CauPluginName, CauPluginArguments) are used as named,"
          + " and win over those of the cluster file: a plug-in that the cluster does not offer is an error,"
          + " before any node is touched. Without a profile the plug-ins are the cluster file's 'plugins', or"
          + " else CAU's default, Microsoft.WindowsUpdatePlugin. The simulated cluster offers"
          + " Microsoft.WindowsUpdatePlugin, which runs against a simulated Windows Update Agent on each node,"
          + " and Cau4j.InMemoryUpdatePlugin; a real cluster, the plug-ins 'cau plugins' lists.")
  private @Nullable Path profile;

  /**
   * Tells whether a profile was given.
   *
   * @return whether {@code --profile} was given
   */
  boolean given() {
    return profile != null;
  }

  /**
   * Returns the profile given, if any.
   *
   * @return the file, or {@code null} without {@code --profile}
   */
  @Nullable Path file() {
    return profile;
  }

  /**
   * Returns the options to start from: the profile's, or the defaults without one.
   *
   * @return a builder holding them
   * @throws InputRefused if the profile cannot be read or is not valid; the message names the
   *     file, and the line for an invalid value
   */
  RunOptions.Builder options() {
    Path file = profile;
    if (file == null) {
      return RunOptions.builder();
    }
    Optional<String> unreadable = IoProblems.whyUnreadable(file);
    if (unreadable.isPresent()) {
      throw new InputRefused("cannot read profile \"" + file + "\": " + unreadable.get());
    }
    try {
      RunOptions read = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")
          ? RunProfile.importClixml(file)
          : RunProfile.read(file);
      return read.toBuilder();
    } catch (IOException e) {
      throw new InputRefused("cannot read profile \"" + file + "\": " + IoProblems.describe(e));
    } catch (InvalidProfileException e) {
      throw new InputRefused("invalid profile: " + e.getMessage());
    }
  }
}
