// docs/self-updating.md: the self-updating role's cmdlets as calls. Compiled.
import dev.cau.api.cluster.ClusterController;
import dev.cau.core.options.RunOptions;
import dev.cau.core.plugin.PluginRegistry;
import dev.cau.core.role.*;
import dev.cau.core.schedule.UpdateSchedule;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

class RoleExample {
  void manage(ClusterController cluster, PluginRegistry pluginRegistry) {
    // @example
  }
}
