package dev.cau.core.engine;

import dev.cau.api.result.NodeResult;
import dev.cau.api.result.SummaryStatus;
import dev.cau.core.text.Counts;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The status of a run that went through every node, from its nodes' results: Succeeded when
 * every node did, Failed when every node failed, PartiallyFailed otherwise.
 *
 * @param status the run's status
 * @param reason why it did not succeed, or {@code null}
 */
record RunSummary(SummaryStatus status, @Nullable String reason) {
  static RunSummary of(List<NodeResult> results) {
    if (results.stream().allMatch(r -> r.status() == SummaryStatus.SUCCEEDED)) {
      return new RunSummary(SummaryStatus.SUCCEEDED, null);
    }
    if (results.stream().allMatch(r -> r.status() == SummaryStatus.FAILED)) {
      return new RunSummary(SummaryStatus.FAILED, "Every node failed");
    }
    long notSucceeded = results.stream().filter(r -> r.status() != SummaryStatus.SUCCEEDED).count();
    return new RunSummary(SummaryStatus.PARTIALLY_FAILED, Counts.ofTotal(notSucceeded, results.size(), "node") + " did not succeed");
  }
}
