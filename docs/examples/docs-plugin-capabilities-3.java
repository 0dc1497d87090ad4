// docs/plugin-capabilities.md: a plug-in with capabilities, a readiness rule and a scan review.
import dev.cau.api.capability.*;
import dev.cau.api.cluster.NodeSnapshot;
import dev.cau.api.plugin.*;
import dev.cau.api.readiness.*;
import java.util.List;
import java.util.Map;
import java.util.Optional;

// @example
