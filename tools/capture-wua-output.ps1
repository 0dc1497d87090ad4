<#
.SYNOPSIS
    Captures real outputs of cau4j's Windows Update node-side script, to replace the plug-in's
    hand-written fixtures with recorded ones.

.DESCRIPTION
    cau4j is built on machines without Windows, so the fixtures of Microsoft.WindowsUpdatePlugin
    (cau-plugin-windowsupdate/src/test/resources/dev/cau/plugin/windowsupdate/fixtures) were
    written from Microsoft's documented object model, not recorded. Run this script on a Windows
    Server cluster node to record what the plug-in's script really answers there.

    It only reads: it runs the script's "status" and "scan" operations (a search, which changes
    nothing), never "download" or "install". Run it in an elevated PowerShell as SYSTEM, as the
    plug-in does (for example: psexec -s -i powershell.exe), because the Windows Update Agent
    refuses some calls to remote and non-SYSTEM callers.

    Each output is written as <operation>-<label>.json in the output directory, exactly as the
    script wrote it. Review the files (titles, KB numbers and update IDs are not secret, but the
    WSUS service ID names your infrastructure) before you commit them as fixtures.

.PARAMETER Script
    The plug-in's script, windows-update.ps1 (in the repository under
    cau-plugin-windowsupdate/src/main/resources/dev/cau/plugin/windowsupdate/).

.PARAMETER OutputDirectory
    Where the JSON files go; created if missing.

.EXAMPLE
    .\capture-wua-output.ps1 -Script .\windows-update.ps1 -OutputDirectory C:\cau4j-capture
#>
param(
    [Parameter(Mandatory = $true)] [string] $Script,
    [Parameter(Mandatory = $true)] [string] $OutputDirectory
)

$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null

# The searches to record: CAU's default criteria, and a wider one that also lists recommended,
# optional and hidden updates, so the plug-in's filtering can be checked against real data.
$runs = @(
    @{ label = 'status';  operation = 'status'; criteria = '' },
    @{ label = 'default'; operation = 'scan';   criteria = "IsInstalled=0 and Type='Software' and IsHidden=0 and IsAssigned=1" },
    @{ label = 'all';     operation = 'scan';   criteria = 'IsInstalled=0' }
)

foreach ($run in $runs) {
    # The parameters travel as one JSON argument, exactly as the plug-in sends them.
    $parameters = [ordered]@{
        schema              = 1
        operation           = $run.operation
        clientApplicationId = 'cau4j capture-wua-output'
        criteria            = $run.criteria
        updateIds           = @()
    } | ConvertTo-Json -Compress
    # Windows PowerShell mangles double quotes in arguments to a native program, so the child
    # decodes the JSON from Base64 and hands it to the script as its one argument.
    $encoded = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($parameters))
    $scriptPath = (Resolve-Path $Script).Path.Replace("'", "''")
    $command = "& '$scriptPath' ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('$encoded')))"
    $output = & powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command $command
    $file = Join-Path $OutputDirectory ("{0}-{1}.json" -f $run.operation, $run.label)
    [System.IO.File]::WriteAllText($file, ($output -join "`n"))
    Write-Host ("{0}: exit code {1}, {2} characters" -f $file, $LASTEXITCODE, ($output -join "`n").Length)
}
