package dev.cau.plugin.example.firmware;

import dev.cau.api.CancellationSignal;
import dev.cau.api.OperationLog;
import dev.cau.api.PluginFailureException;
import dev.cau.api.RunId;
import dev.cau.api.plugin.InstallResult;
import dev.cau.api.plugin.PluginArgument;
import dev.cau.api.plugin.PluginArgument.ArgumentType;
import dev.cau.api.plugin.PluginArguments;
import dev.cau.api.plugin.PluginContext;
import dev.cau.api.plugin.Update;
import dev.cau.api.plugin.UpdatePlugin;
import dev.cau.api.plugin.UpdatePluginProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Variants of the firmware plug-in with the mistakes plug-ins really make, each wrapped around the
 * real one, so that the conformance kit has something to catch.
 */
final class BrokenPlugins {
  private BrokenPlugins() {}

  /** Answers "  " for its name. */
  static final class BlankName extends Wrapping {
    @Override
    public String name() {
      return "  ";
    }
  }

  /** Caches its first scan "to spare the repository", and so reports installed firmware again. */
  static final class ReportsInstalledFirmwareAgain extends Wrapping {
    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      UpdatePlugin real = super.create(arguments);
      AtomicReference<List<Update>> cache = new AtomicReference<>();
      return new Delegating(real) {
        @Override
        public List<Update> scan(PluginContext context) {
          return cache.updateAndGet(cached -> cached != null ? cached : real.scan(context));
        }
      };
    }
  }

  /** Logs the repository and the token it connects with. */
  static final class LogsTheToken extends Wrapping {
    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      UpdatePlugin real = super.create(arguments);
      return new Delegating(real) {
        @Override
        public List<Update> scan(PluginContext context) {
          context.log().info("Connecting to "
              + arguments.get(RaidFirmwarePluginProvider.FIRMWARE_REPOSITORY).orElse("?")
              + " with token " + arguments.get(RaidFirmwarePluginProvider.API_TOKEN).orElse("?"));
          return real.scan(context);
        }
      };
    }
  }

  /** Turns every infrastructure failure into an IllegalStateException. */
  static final class ThrowsIllegalStateException extends Wrapping {
    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      UpdatePlugin real = super.create(arguments);
      return new Delegating(real) {
        @Override
        public List<Update> scan(PluginContext context) {
          return rethrown(() -> real.scan(context));
        }

        @Override
        public List<InstallResult> install(PluginContext context, List<Update> updates) {
          return rethrown(() -> real.install(context, updates));
        }
      };
    }

    private static <T> T rethrown(Supplier<T> call) {
      try {
        return call.get();
      } catch (PluginFailureException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }

  /** Stamps results with a clock of its own, as if it read the system clock. */
  static final class StampsResultsWithItsOwnClock extends Wrapping {
    static final Clock OWN_CLOCK =
        Clock.fixed(Instant.parse("2024-05-14T08:30:00Z"), ZoneOffset.UTC);

    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      UpdatePlugin real = super.create(arguments);
      return new Delegating(real) {
        @Override
        public List<InstallResult> install(PluginContext context, List<Update> updates) {
          return real.install(context, updates).stream()
              .map(r -> new InstallResult(
                  r.update(), r.code(), r.errorCode(), r.rebootRequired(), OWN_CLOCK.instant()))
              .toList();
        }
      };
    }
  }

  /** Never looks at the cancellation signal. */
  static final class IgnoresCancellation extends Wrapping {
    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      UpdatePlugin real = super.create(arguments);
      return new Delegating(real) {
        @Override
        public List<InstallResult> install(PluginContext context, List<Update> updates) {
          return real.install(new NeverCanceled(context), updates);
        }
      };
    }
  }

  /**
   * Describes a second token argument that differs from the first only in case, and a boolean
   * argument whose default is not a boolean.
   */
  static final class DescribesArgumentsBadly extends Wrapping {
    @Override
    public List<PluginArgument> arguments() {
      List<PluginArgument> arguments = new ArrayList<>(super.arguments());
      arguments.add(PluginArgument.optional("APITOKEN", ArgumentType.STRING, "",
          "The token, for those who shout."));
      arguments.add(PluginArgument.optional("Verbose", ArgumentType.BOOLEAN, "Yes",
          "Whether to log more."));
      return arguments;
    }
  }

  /** The real provider's name, arguments and plug-in. */
  private abstract static class Wrapping implements UpdatePluginProvider {
    private final RaidFirmwarePluginProvider real = new RaidFirmwarePluginProvider();

    @Override
    public String name() {
      return real.name();
    }

    @Override
    public List<PluginArgument> arguments() {
      return real.arguments();
    }

    @Override
    public UpdatePlugin create(PluginArguments arguments) {
      return real.create(arguments);
    }
  }

  /** A plug-in that does what another does, unless a method is overridden. */
  private static class Delegating implements UpdatePlugin {
    private final UpdatePlugin real;

    Delegating(UpdatePlugin real) {
      this.real = real;
    }

    @Override
    public List<Update> scan(PluginContext context) {
      return real.scan(context);
    }

    @Override
    public void stage(PluginContext context, List<Update> updates) {
      real.stage(context, updates);
    }

    @Override
    public List<InstallResult> install(PluginContext context, List<Update> updates) {
      return real.install(context, updates);
    }
  }

  /** A context whose cancellation signal is never raised. */
  private record NeverCanceled(PluginContext context) implements PluginContext {
    @Override
    public RunId runId() {
      return context.runId();
    }

    @Override
    public String nodeName() {
      return context.nodeName();
    }

    @Override
    public CancellationSignal cancellation() {
      return CancellationSignal.NEVER;
    }

    @Override
    public OperationLog log() {
      return context.log();
    }

    @Override
    public Clock clock() {
      return context.clock();
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
      return context.capability(type);
    }
  }
}
