package dev.cau.core.policy;

import dev.cau.core.journal.RolloutDescriptor;
import java.util.List;
import java.util.function.Function;

/** A rollout policy made of a descriptor and a choice: the built-in policies. */
record NamedRolloutPolicy(RolloutDescriptor descriptor, Function<RolloutView, List<String>> choice)
    implements RolloutPolicy {
  @Override
  public List<String> admit(RolloutView view) {
    return choice.apply(view);
  }

  @Override
  public String toString() {
    return descriptor.toString();
  }
}
