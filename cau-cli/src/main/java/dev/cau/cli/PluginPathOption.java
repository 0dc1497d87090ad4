package dev.cau.cli;

import dev.cau.api.PluginRegistrationException;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.core.plugin.PluginRegistry;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --plugin-path DIR} option, the equivalent of CAU's {@code Register-CauPlugin}: the
 * update plug-ins in the jars of a directory are added to those a command finds on its own path.
 *
 * <p>The jars (every {@code *.jar} file directly in the directory, in name order) are loaded by
 * one {@link URLClassLoader} whose parent is the command's own class loader, so a plug-in sees
 * {@code cau-api} as the command does; their providers are found with {@code ServiceLoader}
 * ({@code META-INF/services/dev.cau.api.plugin.UpdatePluginProvider}). The loader lives as long as
 * the command's JVM. The directory is checked before anything else is read.
 */
final class PluginPathOption {
  /** The most jars read from one directory. */
  static final int MAX_JARS = 256;

  @Option(
      names = "--plugin-path",
      paramLabel = "<dir>",
      description = "Also use the update plug-ins in the jars of this directory, like Register-CauPlugin:"
          + " each *.jar directly in it is loaded, and its plug-ins are found through"
          + " META-INF/services/dev.cau.api.plugin.UpdatePluginProvider.")
  private @Nullable Path directory;

  private @Nullable List<UpdatePluginProvider> providers;

  private List<String> problems = List.of();

  /**
   * Returns the plug-ins the directory's jars provide; none without {@code --plugin-path}.
   *
   * @return the providers, each loaded from one of the directory's jars
   * @throws InputRefused if the directory is missing, not a directory, unreadable or holds no jar,
   *     or two plug-ins share a name
   */
  List<UpdatePluginProvider> providers() {
    Path dir = directory;
    if (dir == null) {
      return List.of();
    }
    if (providers == null) {
      URLClassLoader loader = new URLClassLoader("cau-plugin-path", urls(dir), PluginPathOption.class.getClassLoader());
      PluginRegistry found;
      try {
        found = PluginRegistry.discover(loader);
      } catch (PluginRegistrationException e) {
        throw new InputRefused("invalid option: \"--plugin-path\" \"" + dir + "\": " + e.getMessage());
      }
      // Only what the jars add: the command's own plug-ins are found on its own path.
      providers = found.names().stream().map(found::require)
          .filter(provider -> provider.getClass().getClassLoader() == loader).toList();
      problems = found.problems();
    }
    return providers;
  }

  /**
   * Returns why providers in the directory's jars could not be loaded, once {@link #providers()}
   * has looked.
   *
   * @return one line per provider that could not be loaded
   */
  List<String> problems() {
    return problems;
  }

  /** The URLs of the directory's jars, after checking the directory. */
  private static URL[] urls(Path dir) {
    String shown = "\"--plugin-path\" \"" + dir + "\"";
    if (!Files.exists(dir)) {
      throw new InputRefused("invalid option: " + shown + " does not exist: it must be a directory of plug-in jars");
    }
    if (!Files.isDirectory(dir)) {
      throw new InputRefused("invalid option: " + shown + " is not a directory: it must be a directory of plug-in jars");
    }
    if (!Files.isReadable(dir)) {
      throw new InputRefused("invalid option: " + shown + " cannot be read: it must be a readable directory of plug-in jars");
    }
    List<Path> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
          .filter(Files::isRegularFile).sorted().limit(MAX_JARS + 1L).forEach(jars::add);
    } catch (IOException e) {
      throw new InputRefused("invalid option: " + shown + " cannot be read: " + IoProblems.describe(e));
    }
    if (jars.isEmpty()) {
      throw new InputRefused("invalid option: " + shown + " holds no .jar file: it must hold the jars of the"
          + " plug-ins to add");
    }
    if (jars.size() > MAX_JARS) {
      throw new InputRefused("invalid option: " + shown + " holds more than " + MAX_JARS + " .jar files");
    }
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      if (!Files.isReadable(jar)) {
        throw new InputRefused("invalid option: " + shown + " holds \"" + jar.getFileName()
            + "\", which cannot be read");
      }
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new InputRefused("invalid option: " + shown + " holds \"" + jar.getFileName() + "\": " + e.getMessage());
      }
    }
    return urls.toArray(URL[]::new);
  }
}
