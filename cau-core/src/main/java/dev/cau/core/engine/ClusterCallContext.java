package dev.cau.core.engine;

import dev.cau.api.CancellationSignal;
import dev.cau.api.OperationContext;
import dev.cau.api.OperationLog;
import dev.cau.api.RunId;
import java.time.Clock;

/** The context of one call for the whole cluster; {@code nodeName} is the cluster's name. */
record ClusterCallContext(
    RunId runId, String nodeName, CancellationSignal cancellation, OperationLog log, Clock clock)
    implements OperationContext {}
