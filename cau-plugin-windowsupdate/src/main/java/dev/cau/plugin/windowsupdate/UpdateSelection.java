package dev.cau.plugin.windowsupdate;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses, from what a search found, the updates CAU's Windows Update plug-in offers: never a
 * hidden one; never one that needs its licence terms accepted or may ask for user input (they
 * must be installed by hand, and are reported as skipped); never an optional (browse-only) one;
 * important ones always, and recommended ones only when {@code IncludeRecommendedUpdates} is set.
 */
final class UpdateSelection {
  /**
   * An update left out, and why.
   *
   * @param update the update
   * @param reason why, as a phrase
   * @param logged whether the node's log reports it: a hidden update is left out silently
   */
  record Skipped(AgentUpdate update, String reason, boolean logged) {}

  /**
   * What was chosen.
   *
   * @param offered the updates to install, in the order found
   * @param skipped the updates left out
   */
  record Choice(List<AgentUpdate> offered, List<Skipped> skipped) {
    Choice {
      offered = List.copyOf(offered);
      skipped = List.copyOf(skipped);
    }
  }

  private UpdateSelection() {}

  static Choice choose(List<AgentUpdate> found, boolean includeRecommended) {
    List<AgentUpdate> offered = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (AgentUpdate update : found) {
      if (update.hidden()) {
        skipped.add(new Skipped(update, "it is hidden", false));
      } else if (!update.eulaAccepted()) {
        skipped.add(new Skipped(update, "it needs its licence terms accepted; install it manually", true));
      } else if (update.canRequestUserInput()) {
        skipped.add(new Skipped(update, "it may ask for user input; install it manually", true));
      } else if (update.important()) {
        offered.add(update);
      } else if (update.recommended()) {
        if (includeRecommended) {
          offered.add(update);
        } else {
          skipped.add(new Skipped(update, "it is a recommended update and IncludeRecommendedUpdates is False", true));
        }
      } else {
        skipped.add(new Skipped(update, "it is an optional update", true));
      }
    }
    return new Choice(offered, skipped);
  }
}
