package dev.cau.pacemaker;

import dev.cau.api.NodeOperationException;
import dev.cau.api.OperationCanceledException;
import dev.cau.api.OperationContext;
import dev.cau.api.capability.NodeFiles;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.capability.ProgramRunner;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.cluster.NodeController;
import dev.cau.api.cluster.PendingRestart;
import dev.cau.api.cluster.RebootMode;
import dev.cau.api.cluster.SuspendRequest;
import dev.cau.transport.ssh.SshProgramRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One Pacemaker node: standby to drain it, a configurable command to restart it, and readiness as
 * the node online again with a new boot identity.
 */
final class PacemakerNode implements NodeController {
  private final PacemakerCluster cluster;
  private final NodeCommands commands;
  private final PacemakerSettings settings;
  private volatile String bootIdBeforeRestart = "";

  PacemakerNode(PacemakerCluster cluster, NodeCommands commands, PacemakerSettings settings) {
    this.cluster = cluster;
    this.commands = commands;
    this.settings = settings;
  }

  @Override
  public String name() {
    return commands.node();
  }

  /**
   * Puts the node in standby and waits until Pacemaker has moved its resources. Pacemaker's standby
   * always moves them, so every drain mode maps to it; a resource moves live only if it allows it
   * ({@code allow-migrate=true}), whatever the migration mode asks.
   */
  @Override
  public void suspend(SuspendRequest request, OperationContext context) {
    standby(true, context);
    awaitSettled(context);
    CrmMonStatus status = localView(context).status();
    List<String> left = status.resources().stream().filter(r -> r.nodes().contains(name()))
        .map(CrmMonStatus.Resource::id).toList();
    if (!left.isEmpty()) {
      throw new NodeOperationException(name(), "Node \"" + name() + "\" is in standby but still runs "
          + String.join(", ", left) + " after the cluster settled");
    }
    context.log().info("Node \"" + name() + "\" is in standby and runs no resource");
  }

  /**
   * Takes the node out of standby and waits until the cluster has settled. Pacemaker places
   * resources by its own scores: whether they move back is its resource stickiness and location
   * constraints, not the failback mode, which only decides whether to wait ({@code IMMEDIATE}
   * and {@code POLICY} wait for the moves to finish, {@code NO_FAILBACK} does not).
   */
  @Override
  public void resume(FailbackMode failback, OperationContext context) {
    standby(false, context);
    if (failback != FailbackMode.NO_FAILBACK) {
      awaitSettled(context);
    }
  }

  @Override
  public RebootMode restart(RebootMode requested, OperationContext context) {
    bootIdBeforeRestart = bootIdOrEmpty(context);
    List<String> command = settings.restartCommand();
    ProgramResult result = commands.run(command.get(0), command.subList(1, command.size()), NodeCommands.QUERY_TIMEOUT,
        context);
    if (!result.succeeded()) {
      throw commands.failed(command.get(0), command.subList(1, command.size()), result);
    }
    if (requested == RebootMode.SOFT) {
      context.log().info("Node \"" + name() + "\" restarts fully: the Pacemaker backend has no soft restart");
    }
    return RebootMode.FULL;
  }

  @Override
  public boolean awaitReady(Duration timeout, OperationContext context) {
    Instant deadline = context.clock().instant().plus(timeout);
    while (true) {
      context.cancellation().throwIfCancellationRequested();
      if (isBack(context)) {
        bootIdBeforeRestart = "";
        return true;
      }
      Duration left = Duration.between(context.clock().instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        return false;
      }
      RealTime.pause(left.compareTo(settings.pollInterval()) < 0 ? left : settings.pollInterval());
    }
  }

  @Override
  public PendingRestart pendingRestart(OperationContext context) {
    ProgramResult result = commands.run("test", List.of("-e", "/run/reboot-required"), NodeCommands.QUERY_TIMEOUT,
        context);
    return switch ((int) result.exitCode()) {
      case 0 -> PendingRestart.PENDING;
      case 1 -> PendingRestart.NONE;
      default -> PendingRestart.UNKNOWN;
    };
  }

  @Override
  public <T> Optional<T> capability(Class<T> type) {
    ProgramRunner runner = commands.runner();
    if (type == ProgramRunner.class) {
      return Optional.of(type.cast(runner));
    }
    if (type == NodeFiles.class && runner instanceof SshProgramRunner ssh) {
      return Optional.of(type.cast(ssh.files()));
    }
    return Optional.empty();
  }

  /** The node's boot identity now, or empty if it cannot be read (the node is down). */
  String bootIdOrEmpty(OperationContext context) {
    try {
      ProgramResult result = commands.run("cat", List.of("--", settings.bootIdFile()), NodeCommands.QUERY_TIMEOUT,
          context);
      return result.succeeded() ? result.stdout().strip() : "";
    } catch (OperationCanceledException e) {
      throw e;
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** crm_mon and corosync-quorumtool as this node sees them. */
  PacemakerCluster.View localView(OperationContext context) {
    String xml = commands.output("crm_mon", List.of("-1", "--output-as=xml"), NodeCommands.QUERY_TIMEOUT, context);
    // corosync-quorumtool ends with exit code 1 when the partition is not quorate; its text says so.
    ProgramResult votes = commands.run("corosync-quorumtool", List.of("-s"), NodeCommands.QUERY_TIMEOUT, context);
    try {
      return new PacemakerCluster.View(name(), CrmMonParser.parse(xml), QuorumToolParser.parse(votes.stdout()));
    } catch (IllegalArgumentException e) {
      throw new NodeOperationException(name(), "Node \"" + name() + "\": " + e.getMessage()
          + (votes.succeeded() ? "" : " (corosync-quorumtool: " + votes.stderr().strip() + ")"), e);
    }
  }

  private boolean isBack(OperationContext context) {
    String bootId = bootIdOrEmpty(context);
    if (bootId.isEmpty() || (!bootIdBeforeRestart.isEmpty() && bootId.equals(bootIdBeforeRestart))) {
      return false; // still down, or not restarted yet
    }
    try {
      CrmMonStatus.Node seen = cluster.view(context).status().node(name()).orElse(null);
      return seen != null && seen.online() && !seen.pending() && !seen.unclean();
    } catch (OperationCanceledException e) {
      throw e;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void standby(boolean on, OperationContext context) {
    commands.output("crm_attribute", List.of("--node", name(), "--name", "standby", "--update", on ? "on" : "off",
        "--lifetime", "forever"), NodeCommands.QUERY_TIMEOUT, context);
  }

  private void awaitSettled(OperationContext context) {
    long seconds = settings.drainTimeout().toSeconds();
    ProgramResult result = commands.run("crm_resource", List.of("--wait", "--timeout=" + seconds + "s"),
        settings.drainTimeout().plusSeconds(30), context);
    if (!result.succeeded()) {
      throw new NodeOperationException(name(), "The resources of cluster \"" + cluster.name()
          + "\" did not settle within " + seconds + " s after node \"" + name() + "\" changed standby"
          + " (crm_resource --wait ended with exit code " + result.exitCode() + ": " + result.stderr().strip() + ")");
    }
  }

}
