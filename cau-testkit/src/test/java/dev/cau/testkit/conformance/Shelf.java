package dev.cau.testkit.conformance;

import dev.cau.api.plugin.Update;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The capability of the kit's own test nodes: updates that apply until installed, some only
 * after another, and optionally a chain that never ends.
 */
final class Shelf {
  private final Map<String, String> prerequisites = new LinkedHashMap<>();
  private final Set<String> installed = new LinkedHashSet<>();
  private boolean offline;
  private boolean endless;

  /** A shelf with independent updates. */
  static Shelf of(String... ids) {
    Shelf shelf = new Shelf();
    for (String id : ids) {
      shelf.prerequisites.put(id, "");
    }
    return shelf;
  }

  /** Adds an update that applies once another is installed. */
  Shelf after(String id, String prerequisite) {
    prerequisites.put(id, prerequisite);
    return this;
  }

  /** Makes every installed update reveal a next one, forever. */
  Shelf endless() {
    endless = true;
    return this;
  }

  /** Makes every call fail, as an agent that does not answer. */
  Shelf offline() {
    offline = true;
    return this;
  }

  List<Update> applicable() {
    requireOnline();
    List<Update> updates = new ArrayList<>();
    prerequisites.forEach((id, prerequisite) -> {
      if (!installed.contains(id) && (prerequisite.isEmpty() || installed.contains(prerequisite))) {
        updates.add(Update.of(id, "Update " + id));
      }
    });
    return updates;
  }

  void install(String id) {
    requireOnline();
    installed.add(id);
    if (endless) {
      prerequisites.put(id + "+", id);
    }
  }

  Set<String> installed() {
    return Set.copyOf(installed);
  }

  private void requireOnline() {
    if (offline) {
      throw new IllegalStateException("the shelf is offline");
    }
  }
}
