package dev.cau.testkit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.core.text.Counts;
import dev.cau.testkit.scenario.Scenario;
import dev.cau.testkit.scenario.ScenarioGenerator;
import dev.cau.testkit.scenario.ScenarioProperties;
import dev.cau.testkit.scenario.Shrinker;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** The extension behind {@link ScenarioTest}; JUnit creates it, tests use the annotation. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ScenarioExtension implements TestTemplateInvocationContextProvider {
  /** Creates the extension; JUnit calls this. */
  public ScenarioExtension() {}

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, ScenarioTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    ScenarioTest settings = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), ScenarioTest.class)
        .orElseThrow(() -> new IllegalStateException("@ScenarioTest is missing"));
    ScenarioGenerator generator = ScenarioGenerator.sized(settings.minNodes(), settings.maxNodes());
    Long replay = Long.getLong(ScenarioProperties.REPLAY_PROPERTY);
    long first = ScenarioProperties.firstSeed(settings.firstSeed());
    LongStream seeds = replay != null
        ? LongStream.of(replay)
        : LongStream.range(0, ScenarioProperties.count(settings.count())).map(i -> first + i);
    return seeds.mapToObj(seed -> new ScenarioInvocation(generator.generate(seed)));
  }

  /** One run of the test method, with one scenario. */
  private static final class ScenarioInvocation implements TestTemplateInvocationContext {
    private final Scenario scenario;

    ScenarioInvocation(Scenario scenario) {
      this.scenario = scenario;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "seed " + scenario.seed() + " (" + Counts.of(scenario.nodes().size(), "node") + ", "
          + Counts.of(scenario.faults(), "fault") + ")";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new ScenarioParameter(scenario), new Shrinking(scenario));
    }
  }

  /** Hands the scenario to the test method. */
  private record ScenarioParameter(Scenario scenario) implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
      return parameter.getParameter().getType() == Scenario.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
      return scenario;
    }
  }

  /** When the test fails, calls it again with smaller scenarios and reports the smallest failing one. */
  private record Shrinking(Scenario scenario) implements InvocationInterceptor {
    @Override
    public void interceptTestTemplateMethod(
        Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext extension) throws Throwable {
      try {
        invocation.proceed();
      } catch (AssertionError failure) {
        @Nullable Object target = call.getTarget().orElse(null);
        Method method = call.getExecutable();
        Scenario shrunk = Shrinker.shrink(scenario, candidate -> fails(method, target, call.getArguments(), candidate));
        throw new AssertionError("Scenario with seed " + scenario.seed() + " failed (replay with -D"
            + ScenarioProperties.REPLAY_PROPERTY + "=" + scenario.seed() + "): " + failure.getMessage()
            + "\nShrunk to:\n" + shrunk.describe(), failure);
      }
    }

    private static boolean fails(Method method, @Nullable Object target, List<Object> arguments, Scenario candidate) {
      Object[] values = arguments.stream().map(a -> a instanceof Scenario ? candidate : a).toArray();
      try {
        method.setAccessible(true);
        method.invoke(target, values);
        return false;
      } catch (InvocationTargetException e) {
        return e.getCause() instanceof AssertionError;
      } catch (IllegalAccessException e) {
        return false;
      }
    }
  }
}
