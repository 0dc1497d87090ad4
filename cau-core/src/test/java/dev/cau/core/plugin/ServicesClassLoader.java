package dev.cau.core.plugin;

import dev.cau.api.plugin.UpdatePluginProvider;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * A class loader that answers {@link java.util.ServiceLoader}'s search for update plug-in
 * services files differently from its parent, and loads every class through its parent.
 */
final class ServicesClassLoader extends ClassLoader {
  private static final String SERVICES =
      "META-INF/services/" + UpdatePluginProvider.class.getName();

  private final String replacement;

  private ServicesClassLoader(String replacement) {
    super(ServicesClassLoader.class.getClassLoader());
    this.replacement = replacement;
  }

  /**
   * Creates a loader whose only update plug-in services file is a test resource.
   *
   * @param resource the test resource, such as {@code registry-cases/duplicates.services}
   */
  static ClassLoader listing(String resource) {
    Objects.requireNonNull(
        ServicesClassLoader.class.getClassLoader().getResource(resource), resource);
    return new ServicesClassLoader(resource);
  }

  /** Creates a loader that fails to search for update plug-in services files. */
  static ClassLoader failing() {
    return new ServicesClassLoader("");
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (!SERVICES.equals(name)) {
      return super.getResources(name);
    }
    if (replacement.isEmpty()) {
      throw new IOException("services files cannot be read, on purpose");
    }
    return Collections.enumeration(List.of(getParent().getResource(replacement)));
  }
}
