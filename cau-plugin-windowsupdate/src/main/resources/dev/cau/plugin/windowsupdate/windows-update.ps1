# cau4j Microsoft.WindowsUpdatePlugin: the node-side script.
#
# The plug-in runs this fixed script on a node as SYSTEM (the Windows Update Agent refuses to
# download or install for a remote session, so the transport starts it through a scheduled task).
# Its only input is one argument, a JSON document; no value is ever pasted into this text.
# Its only output is one JSON document on standard output. docs/windows-update-plugin.md
# documents both shapes (schema 1).
#
# This script cannot be run or parsed where cau4j is built; keep it small and plain, and review
# every change against the Windows Update Agent documentation.

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$Schema = 1
$NeedAnotherDownload = -2145116147   # 0x8024200D WU_E_UH_NEEDANOTHERDOWNLOAD

function Write-Document($document) {
    # One line of compressed JSON; -Depth covers update -> kbArticleIds.
    [Console]::Out.WriteLine(($document | ConvertTo-Json -Depth 6 -Compress))
}

function Test-RebootPending {
    # The agent's own flag, read locally (it is not available to remote callers), and the
    # registry signals that servicing and Windows Update leave behind.
    if ((New-Object -ComObject 'Microsoft.Update.SystemInfo').RebootRequired) { return $true }
    if (Test-Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending') { return $true }
    if (Test-Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired') { return $true }
    $renames = (Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager' `
        -Name 'PendingFileRenameOperations' -ErrorAction SilentlyContinue)
    return ($null -ne $renames -and @($renames.PendingFileRenameOperations).Count -gt 0)
}

function Get-Classification($update) {
    foreach ($category in $update.Categories) {
        if ($category.Type -eq 'UpdateClassification') { return [string]$category.Name }
    }
    return $null
}

function ConvertTo-UpdateRecord($update) {
    $kbs = New-Object System.Collections.Generic.List[string]
    foreach ($kb in $update.KBArticleIDs) { $kbs.Add([string]$kb) }
    return [ordered]@{
        updateId             = [string]$update.Identity.UpdateID
        revisionNumber       = [int]$update.Identity.RevisionNumber
        title                = [string]$update.Title
        kbArticleIds         = $kbs
        classification       = (Get-Classification $update)
        maxDownloadSize      = [long]$update.MaxDownloadSize
        rebootBehavior       = [int]$update.InstallationBehavior.RebootBehavior
        impact               = [int]$update.InstallationBehavior.Impact
        autoSelectOnWebSites = [bool]$update.AutoSelectOnWebSites
        browseOnly           = [bool]$update.BrowseOnly
        eulaAccepted         = [bool]$update.EulaAccepted
        canRequestUserInput  = [bool]$update.InstallationBehavior.CanRequestUserInput
        isHidden             = [bool]$update.IsHidden
        isDownloaded         = [bool]$update.IsDownloaded
    }
}

function Find-Updates($session, [string]$criteria) {
    $searcher = $session.CreateUpdateSearcher()
    return $searcher.Search($criteria).Updates
}

function Select-Requested($found, $ids) {
    # The updates the plug-in named, in the order it named them.
    $collection = New-Object -ComObject 'Microsoft.Update.UpdateColl'
    foreach ($id in $ids) {
        foreach ($update in $found) {
            if ($update.Identity.UpdateID -eq $id) { [void]$collection.Add($update) }
        }
    }
    return ,$collection
}

function ConvertTo-ResultDocument($operation, $collection, $result) {
    $results = New-Object System.Collections.Generic.List[object]
    for ($i = 0; $i -lt $collection.Count; $i++) {
        $one = $result.GetUpdateResult($i)
        $rebootRequired = $false
        if ($operation -eq 'install') { $rebootRequired = [bool]$one.RebootRequired }
        $results.Add([ordered]@{
            updateId       = [string]$collection.Item($i).Identity.UpdateID
            resultCode     = [int]$one.ResultCode
            hResult        = [int]$one.HResult
            rebootRequired = $rebootRequired
        })
    }
    $overallReboot = $false
    if ($operation -eq 'install') { $overallReboot = [bool]$result.RebootRequired }
    return [ordered]@{
        schema         = $Schema
        operation      = $operation
        rebootPending  = (Test-RebootPending)
        resultCode     = [int]$result.ResultCode
        hResult        = [int]$result.HResult
        rebootRequired = $overallReboot
        results        = $results
    }
}

function Invoke-Download($session, $collection) {
    $downloader = $session.CreateUpdateDownloader()
    $downloader.Updates = $collection
    return $downloader.Download()
}

function Invoke-Install($session, $collection) {
    $installer = $session.CreateUpdateInstaller()
    $installer.Updates = $collection
    $installer.ForceQuiet = $true
    return $installer.Install()
}

$operation = 'unknown'
try {
    if ($args.Count -ne 1) { throw 'expected exactly one argument: the JSON parameters' }
    $parameters = $args[0] | ConvertFrom-Json
    if ($parameters.schema -ne $Schema) { throw "unsupported parameter schema $($parameters.schema)" }
    $operation = [string]$parameters.operation

    $session = New-Object -ComObject 'Microsoft.Update.Session'
    $session.ClientApplicationID = [string]$parameters.clientApplicationId

    switch ($operation) {
        'scan' {
            $updates = New-Object System.Collections.Generic.List[object]
            foreach ($update in (Find-Updates $session ([string]$parameters.criteria))) {
                $updates.Add((ConvertTo-UpdateRecord $update))
            }
            Write-Document ([ordered]@{
                schema        = $Schema
                operation     = $operation
                rebootPending = (Test-RebootPending)
                updates       = $updates
            })
        }
        'download' {
            $collection = Select-Requested (Find-Updates $session ([string]$parameters.criteria)) $parameters.updateIds
            $result = Invoke-Download $session $collection
            Write-Document (ConvertTo-ResultDocument $operation $collection $result)
        }
        'install' {
            $collection = Select-Requested (Find-Updates $session ([string]$parameters.criteria)) $parameters.updateIds
            # Updates the run did not stage (those found by the re-scan after a restart) are
            # downloaded here: the agent installs only downloaded content.
            $missing = New-Object -ComObject 'Microsoft.Update.UpdateColl'
            foreach ($update in $collection) { if (-not $update.IsDownloaded) { [void]$missing.Add($update) } }
            if ($missing.Count -gt 0) { [void](Invoke-Download $session $missing) }
            $result = Invoke-Install $session $collection
            $again = $false
            for ($i = 0; $i -lt $collection.Count; $i++) {
                if ($result.GetUpdateResult($i).HResult -eq $NeedAnotherDownload) { $again = $true }
            }
            if ($again) {
                # The documented answer to WU_E_UH_NEEDANOTHERDOWNLOAD: download again, install again.
                [void](Invoke-Download $session $collection)
                $result = Invoke-Install $session $collection
            }
            Write-Document (ConvertTo-ResultDocument $operation $collection $result)
        }
        'status' {
            $source = 'WindowsUpdate'
            $serviceId = $null
            foreach ($service in (New-Object -ComObject 'Microsoft.Update.ServiceManager').Services) {
                if ($service.IsDefaultAuService) {
                    $serviceId = [string]$service.ServiceID
                    if ($serviceId -eq '7971f918-a847-4430-9279-4a52d1efe18d') { $source = 'MicrosoftUpdate' }
                    elseif ($service.IsManaged) { $source = 'WSUS' }
                    elseif ($serviceId -ne '9482f4b4-e343-43b6-b170-9a65bc822c77') { $source = 'Other' }
                }
            }
            Write-Document ([ordered]@{
                schema            = $Schema
                operation         = $operation
                rebootPending     = (Test-RebootPending)
                agentVersion      = [string](New-Object -ComObject 'Microsoft.Update.AgentInfo').GetInfo('ProductVersionString')
                updateSource      = $source
                serviceId         = $serviceId
                notificationLevel = [int](New-Object -ComObject 'Microsoft.Update.AutoUpdate').Settings.NotificationLevel
            })
        }
        default { throw "unknown operation '$operation'" }
    }
    exit 0
} catch {
    $hresult = [int]$_.Exception.HResult
    Write-Document ([ordered]@{
        schema    = $Schema
        operation = $operation
        error     = [ordered]@{ hResult = $hresult; message = [string]$_.Exception.Message }
    })
    exit 1
}
