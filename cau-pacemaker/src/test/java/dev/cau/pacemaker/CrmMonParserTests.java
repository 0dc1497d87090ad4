package dev.cau.pacemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CrmMonParserTests {
  @Test
  void readsNodesResourcesAndTheDesignatedControllerOfAHealthyCluster() {
    CrmMonStatus status = CrmMonParser.parse(Recorded.text("crm_mon-all-online.xml"));

    assertThat(status.designatedController()).isEqualTo("node2");
    assertThat(status.withQuorum()).isTrue();
    assertThat(status.nodes()).extracting(CrmMonStatus.Node::name).containsExactly("node1", "node2", "node3");
    assertThat(status.nodes()).allMatch(n -> n.online() && !n.standby() && n.resourcesRunning() == 1);
    assertThat(status.resources()).extracting(CrmMonStatus.Resource::id).containsExactly("web", "db", "queue");
    assertThat(status.resources().get(0).nodes()).containsExactly("node1");
    assertThat(status.resources().get(0).agent()).isEqualTo("ocf:pacemaker:Dummy");
    assertThat(status.failures()).isEmpty();
  }

  @Test
  void readsAStandbyNodeThatRunsNothing() {
    CrmMonStatus status = CrmMonParser.parse(Recorded.text("crm_mon-node2-standby.xml"));

    CrmMonStatus.Node node2 = status.node("node2").orElseThrow();
    assertThat(node2.standby()).isTrue();
    assertThat(node2.online()).isTrue();
    assertThat(node2.resourcesRunning()).isZero();
    assertThat(status.resources()).noneMatch(r -> r.nodes().contains("node2"));
  }

  @Test
  void readsAnOfflineNode() {
    CrmMonStatus status = CrmMonParser.parse(Recorded.text("crm_mon-node2-offline.xml"));

    assertThat(status.node("node2").orElseThrow().online()).isFalse();
    assertThat(status.node("node1").orElseThrow().online()).isTrue();
  }

  @Test
  void readsResourcesInsideGroupsAndClonesAndFailedActions() {
    String xml = """
        <pacemaker-result api-version="2.25">
          <summary><current_dc present="true" name="a" with_quorum="false"/></summary>
          <nodes><node name="a" online="true" standby="false" resources_running="3"/></nodes>
          <resources>
            <group id="g" number_resources="1">
              <resource id="ip" resource_agent="ocf:heartbeat:IPaddr2" role="Started" active="true" failed="false">
                <node name="a" id="1" cached="true"/>
              </resource>
            </group>
            <clone id="c-clone">
              <resource id="c" role="Started" active="true" failed="false"><node name="a"/></resource>
              <resource id="c" role="Stopped" active="false" failed="true"/>
            </clone>
          </resources>
          <failures><failure op_key="c_start_0" node="a" exitstatus="error" exitreason="no such file"/></failures>
          <status code="0" message="OK"/>
        </pacemaker-result>
        """;

    CrmMonStatus status = CrmMonParser.parse(xml);

    assertThat(status.withQuorum()).isFalse();
    assertThat(status.resources()).extracting(CrmMonStatus.Resource::id).containsExactly("ip", "c", "c:1");
    assertThat(status.resources().get(2).failed()).isTrue();
    assertThat(status.failures()).containsExactly("c_start_0 on a: no such file");
  }

  @Test
  void refusesADoctypeSoNoEntityIsEverExpanded() {
    String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><pacemaker-result>&e;</pacemaker-result>";

    assertThatThrownBy(() -> CrmMonParser.parse(xml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no DTD");
  }

  @Test
  void refusesOutputNestedDeeperThanTheBound() {
    String xml = "<pacemaker-result>" + "<resources>".repeat(40) + "</resources>".repeat(40) + "</pacemaker-result>";

    assertThatThrownBy(() -> CrmMonParser.parse(xml)).hasMessageContaining("at most 32 levels");
  }

  @Test
  void refusesOutputLargerThanTheBound() {
    String xml = "<pacemaker-result>" + " ".repeat(CrmMonParser.MAX_CHARS) + "</pacemaker-result>";

    assertThatThrownBy(() -> CrmMonParser.parse(xml)).hasMessageContaining("more than the " + CrmMonParser.MAX_CHARS);
  }

  @Test
  void refusesAnErrorResultNamingItsCodeAndMessage() {
    String xml = "<pacemaker-result><status code=\"102\" message=\"Not connected\"/></pacemaker-result>";

    assertThatThrownBy(() -> CrmMonParser.parse(xml)).hasMessage("crm_mon reported status 102: \"Not connected\"");
  }

  @Test
  void refusesAnotherDocument() {
    assertThatThrownBy(() -> CrmMonParser.parse("<cib/>")).hasMessageContaining("not a <pacemaker-result>");
  }
}
