package dev.cau.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationCanceledException;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.capability.Shell;
import dev.cau.api.cluster.NodeState;
import dev.cau.testkit.conformance.ConformanceContext;
import dev.cau.testkit.conformance.ConformanceContext.Level;
import dev.cau.testkit.conformance.ConformanceContext.LogEntry;
import dev.cau.testkit.conformance.ConformanceNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ProgramRunner} of a simulated node, reached through its capability. */
class SimulatedProgramsTests {
  private final SimulatedCluster cluster = SimulatedCluster.builder("programs")
      .node("n1").node("down", n -> n.state(NodeState.DOWN)).build();
  private final SimulatedNode node = cluster.node("n1");
  private final ProgramRunner runner = node.capability(ProgramRunner.class).orElseThrow();
  private final ConformanceContext context = ConformanceContext.on(ConformanceNode.empty());

  @Test
  void theNodeOffersItsOwnProgramsAsTheCapability() {
    assertThat(runner).isSameAs(node.programs());
  }

  @Test
  void aProgramSeesItsArgumentsAndInputAndItsLinesStreamToTheLog() {
    node.programs().define("/usr/bin/apt-get", (request, run) -> {
      run.line("Reading package lists...");
      run.take(Duration.ofMinutes(2));
      run.line("installing " + request.arguments().get(3) + " from " + request.stdin());
      run.errorLine("W: a warning");
      return run.exit(0);
    });

    ProgramResult result = runner.run(ProgramRequest.program("/usr/bin/apt-get", List.of("install", "-y", "--", "pkg"))
        .withStdin("input"), context);

    assertThat(result).isEqualTo(new ProgramResult(0, "Reading package lists...\ninstalling pkg from input\n",
        "W: a warning\n", false));
    assertThat(context.messages()).containsExactly(
        new LogEntry(Level.INFO, "Reading package lists..."),
        new LogEntry(Level.INFO, "installing pkg from input"),
        new LogEntry(Level.WARN, "W: a warning"));
  }

  @Test
  void aRunIsAStepNamingTheProgramAndCountingArgumentsNeverShowingThem() {
    Instant start = cluster.simulator().now();
    node.programs().define("apt-get", (request, run) -> {
      run.take(Duration.ofMinutes(3));
      return run.exit(0);
    });

    runner.run(ProgramRequest.program("/usr/bin/apt-get", List.of("--token", "s3cret-value")), context);

    assertThat(cluster.steps()).extracting(StepRecord::step, StepRecord::start, StepRecord::duration)
        .containsExactly(tuple("program /usr/bin/apt-get (2 arguments)", start, Duration.ofMinutes(3)));
    assertThat(cluster.steps().toString()).doesNotContain("s3cret-value");
    assertThat(cluster.simulator().now()).isEqualTo(start.plus(Duration.ofMinutes(3)));
    assertThat(node.programs().executed()).extracting(ProgramRequest::arguments)
        .containsExactly(List.of("--token", "s3cret-value"));
  }

  @Test
  void aScriptRunsUnderItsShellsNameAndSeesItsBody() {
    node.programs().define(SimulatedPrograms.POWERSHELL, (request, run) -> {
      run.line("body: " + request.program() + ", id " + request.arguments().get(0));
      return run.exit(0);
    });
    node.programs().define(SimulatedPrograms.POSIX_SH, SimulatedProgram.exitingWith(3, "sh ran"));

    ProgramResult powershell = runner.run(ProgramRequest.script(Shell.POWERSHELL, "param($Id) Get-HotFix -Id $Id",
        List.of("KB5034441")), context);
    ProgramResult sh = runner.run(ProgramRequest.script(Shell.POSIX_SH, "exit 3", List.of()), context);

    assertThat(powershell.stdout()).isEqualTo("body: param($Id) Get-HotFix -Id $Id, id KB5034441\n");
    assertThat(sh).isEqualTo(new ProgramResult(3, "sh ran\n", "", false));
    assertThat(cluster.steps()).extracting(StepRecord::step)
        .containsExactly("program powershell (1 argument)", "program sh (0 arguments)");
  }

  @Test
  void anUndefinedProgramExitsWith127() {
    ProgramResult result = runner.run(ProgramRequest.program("zypper", List.of("up")), context);

    assertThat(result.exitCode()).isEqualTo(SimulatedPrograms.NOT_FOUND_EXIT_CODE);
    assertThat(result.stderr()).isEqualTo("zypper: command not found\n");
  }

  @Test
  void aProgramIsFoundByItsFileNameWithOrWithoutExe() {
    node.programs().define("wusa", SimulatedProgram.exitingWith(0));

    assertThat(runner.run(ProgramRequest.program("C:\\Windows\\System32\\wusa.exe", List.of()), context).exitCode())
        .isZero();
  }

  @Test
  void anUnsignedWindowsExitCodeIsKeptExactly() {
    node.programs().define("wusa", (request, run) -> ProgramResult.ofSigned(0x80240022, "", ""));

    ProgramResult result = runner.run(ProgramRequest.program("wusa", List.of()), context);

    assertThat(result.exitCode()).isEqualTo(0x80240022L);
    assertThat(result.hexExitCode()).isEqualTo("0x80240022");
    assertThat(result.signedExitCode()).isEqualTo(-2145124318);
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void outputBeyondTheLimitIsDroppedFromTheResultButStillLogged() {
    node.programs().define("chatty", (request, run) -> {
      for (int i = 0; i < 5; i++) {
        run.line("line " + i);
      }
      return run.exit(0);
    });

    ProgramResult result = runner.run(ProgramRequest.program("chatty", List.of()).withOutputLimit(16), context);

    assertThat(result.stdout()).isEqualTo("line 0\nline 1\nli");
    assertThat(result.outputTruncated()).isTrue();
    assertThat(context.messages()).hasSize(5);
  }

  @Test
  void outputWithinTheLimitIsNotTruncated() {
    node.programs().define("quiet", SimulatedProgram.exitingWith(0, "ok"));

    assertThat(runner.run(ProgramRequest.program("quiet", List.of()).withOutputLimit(3), context).outputTruncated())
        .isFalse();
  }

  @Test
  void theTimeoutEndsTheProcessAndFailsTheCall() {
    Instant start = cluster.simulator().now();
    node.programs().define("hang", (request, run) -> {
      run.line("started");
      run.take(Duration.ofHours(5));
      run.line("never");
      return run.exit(0);
    });

    assertThatThrownBy(() -> runner.run(ProgramRequest.program("hang", List.of()).withTimeout(Duration.ofMinutes(10)),
        context))
        .isInstanceOfSatisfying(NodeOperationException.class, e -> assertThat(e.node()).isEqualTo("n1"))
        .hasMessageContaining("timeout").hasMessageContaining("process was ended");
    assertThat(cluster.simulator().now()).isEqualTo(start.plus(Duration.ofMinutes(10)));
    assertThat(cluster.steps()).extracting(StepRecord::step)
        .containsExactly("program hang (0 arguments)", "program hang killed (timeout)");
    assertThat(context.messages()).extracting(LogEntry::message).containsExactly("started");
  }

  @Test
  void cancellationEndsTheProcessAndTheCallThrowsCanceled() {
    node.programs().define("long", (request, run) -> {
      run.take(Duration.ofMinutes(1));
      context.cancel(); // the run is canceled while the program works
      run.take(Duration.ofMinutes(1));
      return run.exit(0);
    });

    assertThatThrownBy(() -> runner.run(ProgramRequest.program("long", List.of()), context))
        .isInstanceOf(OperationCanceledException.class).hasMessageContaining("ended");
    assertThat(cluster.steps()).extracting(StepRecord::step, StepRecord::duration).containsExactly(
        tuple("program long (0 arguments)", Duration.ofMinutes(1)),
        tuple("program long killed (canceled)", Duration.ZERO));
  }

  @Test
  void aCallCanceledBeforeItStartsRunsNothing() {
    node.programs().define("any", SimulatedProgram.exitingWith(0));
    context.cancel();

    assertThatThrownBy(() -> runner.run(ProgramRequest.program("any", List.of()), context))
        .isInstanceOf(OperationCanceledException.class);
    assertThat(node.programs().executed()).isEmpty();
  }

  @Test
  void aNodeThatIsDownRefusesToRunPrograms() {
    assertThatThrownBy(() -> cluster.node("down").programs().run(ProgramRequest.program("any", List.of()), context))
        .isInstanceOf(NodeOperationException.class).hasMessageContaining("DOWN");
  }

  @Test
  void aRequestHoldingNulIsRefusedBeforeItReachesTheNode() {
    assertThatThrownBy(() -> ProgramRequest.program("rm", List.of("-rf", "/tmp/x\0/etc")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argument 1").hasMessageContaining("NUL");
    assertThat(node.programs().executed()).isEmpty();
  }
}
