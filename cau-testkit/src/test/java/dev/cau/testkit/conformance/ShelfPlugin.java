package dev.cau.testkit.conformance;

import dev.cau.api.PluginFailureException;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import dev.cau.api.plugin.UpdateResultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A well-behaved plug-in over a {@link Shelf}, with one secret argument; tests override one
 * method to break one rule.
 */
class ShelfPlugin implements UpdatePlugin {
  static final String NAME = "Test.ShelfPlugin";
  static final String PASSWORD = "Password";

  final PluginArguments arguments;

  ShelfPlugin(PluginArguments arguments) {
    this.arguments = arguments;
  }

  /** A provider whose plug-in the given function makes from the well-behaved one. */
  static UpdatePluginProvider provider(UnaryOperator<UpdatePlugin> change) {
    return new UpdatePluginProvider() {
      @Override
      public String name() {
        return NAME;
      }

      @Override
      public List<PluginArgument> arguments() {
        return List.of(new PluginArgument(PASSWORD, ArgumentType.STRING, null, false, true,
            "The shelf's password."));
      }

      @Override
      public UpdatePlugin create(PluginArguments arguments) {
        return change.apply(new ShelfPlugin(arguments));
      }
    };
  }

  static UpdatePluginProvider provider() {
    return provider(UnaryOperator.identity());
  }

  @Override
  public List<Update> scan(PluginContext context) {
    try {
      return shelf(context).applicable();
    } catch (IllegalStateException e) {
      throw new PluginFailureException("ShelfOffline", "The shelf does not answer", e);
    }
  }

  @Override
  public List<InstallResult> install(PluginContext context, List<Update> updates) {
    Shelf shelf = shelf(context);
    List<InstallResult> results = new ArrayList<>();
    for (Update update : updates) {
      if (context.cancellation().isCancellationRequested()) {
        results.add(new InstallResult(
            update, UpdateResultCode.CANCELED, 0, false, context.clock().instant()));
        continue;
      }
      shelf.install(update.id());
      results.add(InstallResult.succeeded(update, false, context.clock().instant()));
    }
    return results;
  }

  static Shelf shelf(PluginContext context) {
    return context.capability(Shelf.class).orElseThrow(
        () -> new PluginFailureException("NoShelf", "The node has no shelf"));
  }

  /** Does what another plug-in does unless a method is overridden. */
  static class Delegating implements UpdatePlugin {
    final UpdatePlugin delegate;

    Delegating(UpdatePlugin delegate) {
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
  }
}
