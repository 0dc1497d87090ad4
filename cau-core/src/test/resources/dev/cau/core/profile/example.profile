# Patch Tuesday profile for the Hyper-V clusters of the Redmond site.
# The same text is the example in docs/profiles.md.

MaxFailedNodes = 1
MaxRetriesPerNode = 3
RequireAllNodesOnline = True
RebootTimeoutMinutes = 30
WarnAfter = PT3H
StopAfter = 06:00:00
PreUpdateScript = \\fs01\cau\drain-check.ps1
PostUpdateScript = "\\fs01\cau scripts\post.ps1"

CauPluginName = Microsoft.WindowsUpdatePlugin, Microsoft.HotfixPlugin
CauPluginArguments.Microsoft.WindowsUpdatePlugin.IncludeRecommendedUpdates = True
CauPluginArguments.Microsoft.HotfixPlugin.HotfixRootFolderPath = \\fs01\Hotfixes\Root
CauPluginArguments.Microsoft.HotfixPlugin.RequireSmbEncryption = True

FailbackMode = Policy
ForcePauseAndDrain = True
SiteAwareUpdatingOrder = Redmond, Dublin

# cau4j and System Center VMM options
MigrationMode = LiveMigration
SkipCompliantNodes = True
