# Debian.AptPlugin on every node, one node at a time: the profile for the scripts/ha-lab cluster,
# as in 'cau run --cluster lab.json --profile examples/profiles/debian-apt.profile --store DIR'.
CauPluginName = Debian.AptPlugin
MaxFailedNodes = 1
MaxRetriesPerNode = 1
RebootTimeoutMinutes = 5
