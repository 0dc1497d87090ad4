package dev.cau.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cau.api.InvalidOptionsException;
import dev.cau.api.cluster.BackendSetting;
import dev.cau.api.cluster.ClusterBackendProvider;
import dev.cau.api.cluster.ClusterDescription;
import dev.cau.api.cluster.NodeDescription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PacemakerBackendProviderTests {
  private static BackendSetting setting(String key, String value) {
    return new BackendSetting(key, value, "\"lab.json\" line 3");
  }

  private static NodeDescription node(String name, BackendSetting... settings) {
    return new NodeDescription(name, List.of(settings), "\"lab.json\" line 7");
  }

  private static NodeDescription goodNode(String name) {
    return node(name, setting("address", "10.0.0.1"), setting("key-file", "id"),
        setting("known-hosts-file", "known_hosts"));
  }

  private static ClusterDescription cluster(List<BackendSetting> settings, NodeDescription... nodes) {
    return new ClusterDescription("lab", "pacemaker", settings, List.of(nodes), "lab.json");
  }

  @Test
  void isFoundByServiceLoaderUnderItsName() {
    List<String> names = new ArrayList<>();
    ServiceLoader.load(ClusterBackendProvider.class).forEach(p -> names.add(p.name()));

    assertThat(names).contains("pacemaker");
  }

  @Test
  void clusterSettingsOverrideTheDefaults() {
    PacemakerSettings settings = PacemakerBackendProvider.settings(List.of(
        setting("restart-command", " /usr/bin/touch  /var/lib/cau-lab/restart-request "),
        setting("boot-id-file", "/var/lib/cau-lab/boot_id"),
        setting("drain-timeout", "90")));

    assertThat(settings.restartCommand()).containsExactly("/usr/bin/touch", "/var/lib/cau-lab/restart-request");
    assertThat(settings.bootIdFile()).isEqualTo("/var/lib/cau-lab/boot_id");
    assertThat(settings.drainTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(PacemakerBackendProvider.settings(List.of())).isEqualTo(PacemakerSettings.DEFAULTS);
    assertThat(PacemakerSettings.DEFAULTS.restartCommand()).containsExactly("systemctl", "reboot");
    assertThat(PacemakerSettings.DEFAULTS.bootIdFile()).isEqualTo("/proc/sys/kernel/random/boot_id");
  }

  @Test
  void anUnknownClusterKeyIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> new PacemakerBackendProvider().create(cluster(List.of(setting("restart", "x")),
        goodNode("a"))))
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessage("\"key\" must be one of \"restart-command\", \"boot-id-file\", \"drain-timeout\" for a cluster of"
            + " the pacemaker backend, but was \"restart\" at \"lab.json\" line 3");
  }

  @Test
  void badValuesAreRefusedNamingKeyValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> PacemakerBackendProvider.settings(List.of(setting("drain-timeout", "0"))))
        .hasMessage("\"drain-timeout\" must be whole seconds from 1 to 86400, but was \"0\" at \"lab.json\" line 3");
    assertThatThrownBy(() -> PacemakerBackendProvider.settings(List.of(setting("boot-id-file", "boot_id"))))
        .hasMessageStartingWith("\"boot-id-file\" must be an absolute path on the nodes");
    assertThatThrownBy(() -> PacemakerBackendProvider.settings(List.of(setting("restart-command", "  "))))
        .hasMessageStartingWith("\"restart-command\" must be a program and its arguments");
  }

  @Test
  void nodeSettingsAreCheckedBeforeAnythingConnects() {
    PacemakerBackendProvider provider = new PacemakerBackendProvider();

    assertThatThrownBy(() -> provider.create(cluster(List.of(), node("a", setting("key-file", "id"),
        setting("known-hosts-file", "k")))))
        .hasMessage("\"address\" must be a host name or IP address, but was missing for node \"a\" at \"lab.json\""
            + " line 7");
    assertThatThrownBy(() -> provider.create(cluster(List.of(), node("a", setting("address", "h"),
        setting("key-file", "id"), setting("known-hosts-file", "k"), setting("port", "70000")))))
        .hasMessage("\"port\" must be a port number from 1 to 65535, but was \"70000\" at \"lab.json\" line 3");
    assertThatThrownBy(() -> provider.create(cluster(List.of(), goodNode("a"), goodNode("a"))))
        .hasMessageStartingWith("\"name\" must be a node name used once in the cluster, but was \"a\"");
    assertThatThrownBy(() -> provider.create(cluster(List.of(), node("a", setting("adress", "h")))))
        .hasMessageContaining("for a node of the pacemaker backend, but was \"adress\"");
    assertThatThrownBy(() -> provider.create(cluster(List.of())))
        .hasMessage("\"nodes\" must be a list of at least one node, but was empty at lab.json");
  }
}
