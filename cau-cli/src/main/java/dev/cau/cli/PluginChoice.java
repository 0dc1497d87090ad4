package dev.cau.cli;

import dev.cau.api.InvalidOptionsException;
import dev.cau.core.options.RunOptions;
import java.util.Collection;
import java.util.List;

/**
 * Chooses the plug-ins of a command's options, the same way for every command that acts as a run
 * would: those of a {@code --profile} when one is given, else those the cluster file names, else
 * CAU's default. The cluster file's plug-ins are checked against those the cluster offers in every
 * case, before anything connects, and are used as named, never replaced.
 */
final class PluginChoice {
  private PluginChoice() {}

  /**
   * Gives the options the cluster file's plug-ins, unless a profile was given.
   *
   * @param options the options so far: the profile's, or the defaults
   * @param profileGiven whether a {@code --profile} was given, whose plug-ins win
   * @param fromFile the plug-ins the cluster file names
   * @param available the names of the plug-ins the cluster offers
   * @return the options, built
   * @throws InvalidOptionsException if the file names a plug-in the cluster does not offer; the
   *     message names it, the key {@code plugins}, the line and the plug-ins offered
   */
  static RunOptions choose(RunOptions.Builder options, boolean profileGiven, List<ClusterFile.FilePlugin> fromFile,
      Collection<String> available) {
    check(fromFile, available);
    if (!profileGiven && !fromFile.isEmpty()) {
      options.plugins(fromFile.stream().map(ClusterFile.FilePlugin::selection).toList());
    }
    return options.build();
  }

  /**
   * Checks that the cluster offers every plug-in the cluster file names.
   *
   * @param fromFile the plug-ins the cluster file names
   * @param available the names of the plug-ins the cluster offers
   * @throws InvalidOptionsException if it does not
   */
  static void check(List<ClusterFile.FilePlugin> fromFile, Collection<String> available) {
    for (ClusterFile.FilePlugin plugin : fromFile) {
      String name = plugin.selection().name();
      if (!available.contains(name)) {
        throw new InvalidOptionsException("plugins", "\"" + name + "\" at " + plugin.where(),
            "one of the plug-ins this cluster offers, \"" + String.join("\", \"", available.stream().sorted().toList())
                + "\" (see 'cau plugins --cluster FILE'; --plugin-path DIR adds more)");
      }
    }
  }
}
