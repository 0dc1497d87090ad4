# cau4j Microsoft.RollingUpgradePlugin: the node-side script.
#
# The plug-in runs this fixed script on a node as SYSTEM. Its only input is one argument, a JSON
# document {schema, operation, path}; no value is ever pasted into this text, and the media path
# reaches setup only as an element of an argument array. Its only output is one flat JSON document
# on standard output. docs/rolling-upgrade-plugin.md documents both shapes (schema 1).
#
# This script cannot be run or parsed where cau4j is built (no Windows there): keep it small and
# plain, and review every change against the setup.exe command-line documentation.

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$Schema = 1

function Write-Document($document) {
    [Console]::Out.WriteLine(($document | ConvertTo-Json -Depth 2 -Compress))
}

function Get-SetupPath([string]$media) {
    $setup = Join-Path -Path $media -ChildPath 'setup.exe'
    if (-not (Test-Path -LiteralPath $setup -PathType Leaf)) { throw "no setup.exe in the media folder" }
    return $setup
}

function Invoke-Setup([string]$program, [string[]]$arguments) {
    # The call operator passes each array element as one argument, quoted as needed; nothing here
    # is parsed as script. Piping to Out-Null waits for the program to end.
    & $program @arguments | Out-Null
    return [int]$LASTEXITCODE
}

$operation = 'unknown'
try {
    if ($args.Count -ne 1) { throw 'expected exactly one argument: the JSON parameters' }
    $parameters = $args[0] | ConvertFrom-Json
    if ($parameters.schema -ne $Schema) { throw "unsupported parameter schema $($parameters.schema)" }
    $operation = [string]$parameters.operation
    $path = [string]$parameters.path

    switch ($operation) {
        'osversion' {
            $key = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
            $display = ''
            if ($key.PSObject.Properties.Name -contains 'DisplayVersion') { $display = [string]$key.DisplayVersion }
            Write-Document ([ordered]@{
                schema         = $Schema
                operation      = $operation
                currentBuild   = [string]$key.CurrentBuild
                ubr            = [long]$key.UBR
                displayVersion = $display
            })
        }
        'media' {
            $image = Join-Path -Path $path -ChildPath 'sources\install.wim'
            if (-not (Test-Path -LiteralPath $image -PathType Leaf)) { throw "no sources\install.wim in the media folder" }
            $info = Get-WindowsImage -ImagePath $image -Index 1
            Write-Document ([ordered]@{
                schema       = $Schema
                operation    = $operation
                imageVersion = [string]$info.Version
                imageName    = [string]$info.ImageName
            })
        }
        'compat' {
            $code = Invoke-Setup (Get-SetupPath $path) @('/Auto', 'Upgrade', '/Quiet', '/Compat', 'ScanOnly', '/DynamicUpdate', 'Disable')
            Write-Document ([ordered]@{ schema = $Schema; operation = $operation; exitCode = $code })
        }
        'upgrade' {
            # /NoReboot suppresses only setup's first restart: the 'restart' operation starts it, so
            # that this answer reaches the coordinator first; setup restarts the node again itself.
            $code = Invoke-Setup (Get-SetupPath $path) @('/Auto', 'Upgrade', '/Quiet', '/EULA', 'Accept', '/NoReboot', '/DynamicUpdate', 'Disable', '/Compat', 'IgnoreWarning')
            Write-Document ([ordered]@{ schema = $Schema; operation = $operation; exitCode = $code })
        }
        'mock' {
            if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { throw "the mock setup script does not exist" }
            $shell = Join-Path -Path $PSHOME -ChildPath 'powershell.exe'
            $code = Invoke-Setup $shell @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', $path)
            Write-Document ([ordered]@{ schema = $Schema; operation = $operation; exitCode = $code })
        }
        'restart' {
            $shutdown = Join-Path -Path $env:SystemRoot -ChildPath 'System32\shutdown.exe'
            $code = Invoke-Setup $shutdown @('/r', '/t', '15', '/d', 'p:2:17', '/c', 'cau4j Microsoft.RollingUpgradePlugin')
            Write-Document ([ordered]@{ schema = $Schema; operation = $operation; exitCode = $code })
        }
        default { throw "unknown operation '$operation'" }
    }
    exit 0
} catch {
    Write-Document ([ordered]@{ schema = $Schema; operation = $operation; error = [string]$_.Exception.Message })
    exit 1
}
