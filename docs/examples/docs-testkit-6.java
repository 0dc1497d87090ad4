// docs/testkit.md: the firmware plug-in's conformance test, run.
import dev.cau.plugin.example.firmware.FakeRaidControllerAgent;
import dev.cau.plugin.example.firmware.RaidFirmwarePluginProvider;
import dev.cau.testkit.conformance.ConformanceNode;
import dev.cau.testkit.conformance.PluginConformance;
import java.util.Map;
import org.junit.jupiter.api.Test;

// @example
