# The in-memory plug-in of the testkit, for clusters built in a test: their nodes have no
# Windows Update Agent for CAU's default plug-in to talk to.
CauPluginName = Cau4j.InMemoryUpdatePlugin
