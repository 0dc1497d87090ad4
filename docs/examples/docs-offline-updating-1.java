// docs/offline-updating.md's call, compiled (it needs a coordinator on a cluster to run).
import dev.cau.api.result.RunResult;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.UpdatingRun;
import dev.cau.core.options.OfflineUpdate;
import dev.cau.core.options.RunOptions;

class OfflineUpdateExample {
  RunResult update(UpdateCoordinator coordinator, RunOptions options) throws InterruptedException {
    // @example
    return result;
  }
}
