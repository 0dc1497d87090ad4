package dev.cau.pacemaker;

import dev.cau.api.OperationContext;
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A node that answers each program with recorded output and records every call as its words. */
final class ScriptedRunner implements ProgramRunner {
  final List<List<String>> calls = new ArrayList<>();
  private final Map<String, Supplier<ProgramResult>> answers = new HashMap<>();

  ScriptedRunner answer(String program, String stdout) {
    return answer(program, () -> new ProgramResult(0, stdout, "", false));
  }

  ScriptedRunner answer(String program, Supplier<ProgramResult> result) {
    answers.put(program, result);
    return this;
  }

  @Override
  public synchronized ProgramResult run(ProgramRequest request, OperationContext context) {
    List<String> words = new ArrayList<>();
    words.add(request.program());
    words.addAll(request.arguments());
    calls.add(words);
    Supplier<ProgramResult> answer = answers.get(request.program());
    if (answer == null) {
      throw new IllegalStateException("connection refused");
    }
    return answer.get();
  }
}
