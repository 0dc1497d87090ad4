package dev.cau.testkit.preview;

import dev.cau.api.plugin.InitialScanReview;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.readiness.ReadinessRule;
import dev.cau.testkit.plugin.InMemoryUpdatePlugin;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory plug-in with checks: its readiness rules, the capabilities it needs, and, as
 * Rolling Upgrade does, a review that refuses a run whose nodes were not all offered the same
 * updates.
 */
final class CheckingPlugin implements UpdatePluginProvider {
  static final String NAME = "Test.Checking";

  private final List<ReadinessRule> rules;
  private final List<Class<?>> capabilities;
  private final boolean reviewsScans;

  CheckingPlugin(List<ReadinessRule> rules, List<Class<?>> capabilities, boolean reviewsScans) {
    this.rules = List.copyOf(rules);
    this.capabilities = List.copyOf(capabilities);
    this.reviewsScans = reviewsScans;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public UpdatePlugin create(PluginArguments arguments) {
    InMemoryUpdatePlugin delegate = new InMemoryUpdatePlugin();
    if (reviewsScans) {
      return new Reviewing(delegate);
    }
    return new Checking(delegate);
  }

  private class Checking implements UpdatePlugin {
    private final InMemoryUpdatePlugin delegate;

    Checking(InMemoryUpdatePlugin delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<Update> scan(PluginContext context) {
      return delegate.scan(context);
    }

    @Override
    public List<InstallResult> install(PluginContext context, List<Update> updates) {
      return delegate.install(context, updates);
    }

    @Override
    public List<Class<?>> requiredCapabilities() {
      return capabilities;
    }

    @Override
    public List<ReadinessRule> readinessRules() {
      return rules;
    }
  }

  private final class Reviewing extends Checking implements InitialScanReview {
    Reviewing(InMemoryUpdatePlugin delegate) {
      super(delegate);
    }

    @Override
    public Optional<String> reviewInitialScan(Map<String, List<Update>> updatesByNode) {
      Set<List<String>> offers = new HashSet<>();
      updatesByNode.values().forEach(updates -> offers.add(updates.stream().map(Update::id).toList()));
      return offers.size() <= 1 ? Optional.empty()
          : Optional.of("the nodes were not all offered the same updates: " + updatesByNode.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue().stream().map(Update::id).toList()).toList());
    }
  }
}
