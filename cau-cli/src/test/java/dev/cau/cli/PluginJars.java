package dev.cau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cau.api.plugin.UpdatePluginProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds a third-party plug-in jar, as a vendor ships one: a tiny plug-in compiled from source
 * against {@code cau-api} alone, registered in {@code META-INF/services}. It offers one update,
 * {@value #UPDATE}, on every node until it has installed it there.
 */
final class PluginJars {
  static final String NAME = "Contoso.TinyPlugin";
  static final String UPDATE = "CONTOSO-1";

  private static final String SOURCE = """
      package com.contoso.tiny;

      import dev.cau.api.plugin.InstallResult;
      import dev.cau.api.plugin.PluginArguments;
      import dev.cau.api.plugin.PluginContext;
      import dev.cau.api.plugin.Update;
      import dev.cau.api.plugin.UpdatePlugin;
      import dev.cau.api.plugin.UpdatePluginProvider;
      import java.util.List;
      import java.util.Set;
      import java.util.concurrent.ConcurrentHashMap;

      public final class TinyPluginProvider implements UpdatePluginProvider {
        @Override
        public String name() {
          return "%s";
        }

        @Override
        public UpdatePlugin create(PluginArguments arguments) {
          Set<String> installed = ConcurrentHashMap.newKeySet();
          return new UpdatePlugin() {
            @Override
            public List<Update> scan(PluginContext context) {
              return installed.contains(context.nodeName()) ? List.of()
                  : List.of(Update.of("%s", "Contoso tiny update"));
            }

            @Override
            public List<InstallResult> install(PluginContext context, List<Update> updates) {
              installed.add(context.nodeName());
              return updates.stream().map(u -> InstallResult.succeeded(u, false, context.clock().instant())).toList();
            }
          };
        }
      }
      """.formatted(NAME, UPDATE);

  private PluginJars() {}

  /**
   * Compiles the plug-in and writes its jar into a directory.
   *
   * @param work a directory for the sources and classes
   * @param directory where the jar goes
   * @return the jar
   */
  static Path build(Path work, Path directory) throws IOException, URISyntaxException, InterruptedException {
    Path source = work.resolve("src/com/contoso/tiny/TinyPluginProvider.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, SOURCE, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path api = Path.of(UpdatePluginProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    // The JDK's javac, as a process: the test module does not read java.compiler.
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    Process process = new ProcessBuilder(javac.toString(), "--release", "17", "-proc:none", "-classpath",
        api.toString(), "-d", classes.toString(), source.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("javac's exit code; it printed: %s", output).isZero();

    Files.createDirectories(directory);
    Path jar = directory.resolve("contoso-tiny-plugin.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (String entry : List.of("com/contoso/tiny/TinyPluginProvider.class", "com/contoso/tiny/TinyPluginProvider$1.class")) {
        out.putNextEntry(new JarEntry(entry));
        out.write(Files.readAllBytes(classes.resolve(entry)));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/" + UpdatePluginProvider.class.getName()));
      out.write("com.contoso.tiny.TinyPluginProvider\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
