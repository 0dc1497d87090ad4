// docs/self-updating.md: how a node checks the role's schedule. Compiled.
import dev.cau.core.UpdateCoordinator;
import dev.cau.core.role.CauClusterRole;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

class ScheduleCheckExample {
  void look(CauClusterRole role, UpdateCoordinator coordinator, Instant addedAt, Instant now) {
    // @example
  }
}
