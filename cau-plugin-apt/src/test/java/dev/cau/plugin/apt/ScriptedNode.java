package dev.cau.plugin.apt;

import dev.cau.api.OperationContext;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link ProgramRunner} that records every request and answers from a function: the unit tests'
 * stand-in for a node, answering with outputs recorded from real apt runs.
 */
final class ScriptedNode implements ProgramRunner {
  final List<ProgramRequest> requests = new ArrayList<>();
  private final Function<ProgramRequest, ProgramResult> answers;

  ScriptedNode(Function<ProgramRequest, ProgramResult> answers) {
    this.answers = answers;
  }

  /** A node whose apt answers with the recorded lab outputs and whose install succeeds. */
  static ScriptedNode labNode(String simulation, String installedAfter, boolean rebootFlag, String rebootPackages) {
    return new ScriptedNode(request -> {
      List<String> a = request.arguments();
      if (request.program().equals(AptCommands.TEST)) {
        return ok(rebootFlag ? 0 : 1, "");
      }
      if (request.program().equals(AptCommands.CAT)) {
        return ok(0, rebootPackages);
      }
      if (request.program().equals(AptCommands.DPKG_QUERY)) {
        return ok(0, installedAfter);
      }
      if (a.contains("-s") && a.contains("install")) {
        StringBuilder plan = new StringBuilder();
        simulation.lines().filter(l -> l.startsWith("Inst ")).filter(l -> a.stream()
            .anyMatch(t -> t.startsWith(l.split(" ")[1] + "="))).forEach(l -> plan.append(l).append('\n'));
        return ok(0, plan.toString());
      }
      if (a.contains("-s")) {
        return ok(0, simulation);
      }
      return ok(0, "");
    });
  }

  static ProgramResult ok(int exit, String stdout) {
    return ProgramResult.ofSigned(exit, stdout, "");
  }

  @Override
  public ProgramResult run(ProgramRequest request, OperationContext context) {
    requests.add(request);
    return answers.apply(request);
  }
}
