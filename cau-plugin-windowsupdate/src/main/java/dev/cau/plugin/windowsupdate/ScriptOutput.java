package dev.cau.plugin.windowsupdate;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the node-side script answered, one record per operation; see docs/windows-update-plugin.md. */
sealed interface ScriptOutput {
  /**
   * Whether a restart was pending on the node when the script ran.
   *
   * @return the agent's or the registry's reboot-pending signal
   */
  boolean rebootPending();

  /**
   * The answer to {@code scan}.
   *
   * @param rebootPending whether a restart was pending
   * @param updates what the search found, before the plug-in's filtering
   */
  record Scan(boolean rebootPending, List<AgentUpdate> updates) implements ScriptOutput {
    public Scan {
      updates = List.copyOf(updates);
    }
  }

  /**
   * The answer to {@code download} or {@code install}.
   *
   * @param rebootPending whether a restart was pending when the script ended
   * @param resultCode the overall {@code OperationResultCode}
   * @param hresult the overall {@code HResult}
   * @param rebootRequired the overall {@code RebootRequired}
   * @param results one per update asked for
   */
  record Operation(boolean rebootPending, int resultCode, int hresult, boolean rebootRequired,
      List<AgentResult> results) implements ScriptOutput {
    public Operation {
      results = List.copyOf(results);
    }
  }

  /**
   * The answer to {@code status}, for the readiness rules.
   *
   * @param rebootPending whether a restart was pending
   * @param agentVersion the agent's {@code ProductVersionString}
   * @param updateSource {@code WSUS}, {@code WindowsUpdate}, {@code MicrosoftUpdate} or
   *     {@code Other}
   * @param serviceId the default service's {@code ServiceID}, or {@code null}
   * @param notificationLevel Automatic Updates' {@code NotificationLevel}, 0 to 4
   */
  record Status(boolean rebootPending, String agentVersion, String updateSource, @Nullable String serviceId,
      int notificationLevel) implements ScriptOutput {}
}
