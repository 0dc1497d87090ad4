package dev.cau.plugin.windowsupdate;

import dev.cau.api.plugin.Update;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the updates of an install into the agent's {@code Install()} calls, as CAU does: an
 * update that must be installed alone (the agent's exclusive handling, which otherwise fails with
 * {@code WU_E_EXCLUSIVE_INSTALL_CONFLICT}) in a call of its own, first, and every other update in
 * one call, in the order given.
 */
final class InstallBatches {
  private InstallBatches() {}

  static List<List<Update>> of(List<Update> updates) {
    List<List<Update>> batches = new ArrayList<>();
    List<Update> together = new ArrayList<>();
    for (Update update : updates) {
      if (update.facts().installAlone()) {
        batches.add(List.of(update));
      } else {
        together.add(update);
      }
    }
    if (!together.isEmpty()) {
      batches.add(List.copyOf(together));
    }
    return List.copyOf(batches);
  }
}
