package dev.cau.core.featureupdate;

import dev.cau.api.plugin.Update;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The feature updates each node is offered: updates whose facts name a target build. */
final class FeatureOffers {
  private FeatureOffers() {}

  static Map<String, List<String>> byNode(Map<String, List<Update>> updatesByNode) {
    Map<String, List<String>> offers = new LinkedHashMap<>();
    updatesByNode.forEach((node, updates) -> {
      List<String> shown = updates.stream().filter(u -> u.facts().targetBuild() != null)
          .map(u -> u.facts().targetVersion() + " (build " + u.facts().targetBuild() + ")").distinct().toList();
      if (!shown.isEmpty()) {
        offers.put(node, shown);
      }
    });
    return offers;
  }

  static Set<String> distinct(Map<String, List<String>> offers) {
    Set<String> all = new LinkedHashSet<>();
    offers.values().forEach(all::addAll);
    return all;
  }
}
