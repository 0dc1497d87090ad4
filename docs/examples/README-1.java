// The README's embedding example, compiled (not run: it needs a real cluster). What it assumes:
// your ClusterController (myCluster) and a UI that shows events (ui).
import dev.cau.api.cluster.ClusterController;
import dev.cau.api.cluster.FailbackMode;
import dev.cau.api.event.RunEvent;
import dev.cau.api.result.RunResult;
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.options.RunOptions;

class EmbeddingExample {
  interface Ui {
    void show(RunEvent event);
  }

  void embed(ClusterController myCluster, Ui ui) throws InterruptedException {
    // @example
  }
}
