package dev.cau.core.readiness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.cau.api.CauException;
import dev.cau.api.readiness.Finding;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A run was refused before any node was touched because a plug-in's readiness rule of error
 * severity failed, or a node lacks a capability a plug-in needs.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ClusterNotReadyException extends CauException {
  private static final long serialVersionUID = 1L;

  private final transient List<Finding> findings;

  /**
   * Creates the exception.
   *
   * @param cluster the cluster's name
   * @param findings the failed rules of error severity
   */
  public ClusterNotReadyException(String cluster, List<Finding> findings) {
    super("Cluster \"" + cluster + "\" is not ready to be updated; no node was touched. "
        + findings.stream().map(f -> f.ruleId() + " (" + f.title() + "): " + f.detail() + " Resolution: " + f.resolution())
            .collect(Collectors.joining(" ")));
    this.findings = List.copyOf(findings);
  }

  /**
   * Returns the failed rules.
   *
   * @return the findings, each failed and of error severity
   */
  public List<Finding> findings() {
    return findings;
  }
}
