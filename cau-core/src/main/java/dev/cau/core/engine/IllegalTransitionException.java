package dev.cau.core.engine;

import dev.cau.api.CauException;
import dev.cau.api.RunId;

/** Thrown when the engine tries a move its transition table forbids: always a bug. */
public final class IllegalTransitionException extends CauException {
  private static final long serialVersionUID = 1L;

  IllegalTransitionException(RunId runId, String node, Enum<?> from, Enum<?> to) {
    super("Run " + runId + ": node \"" + node + "\" cannot move from " + from + " to " + to);
  }
}
