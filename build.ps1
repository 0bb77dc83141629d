#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds and tests MSecure for PowerShell.
.DESCRIPTION
    Build:  dotnet build of the solution; lays out the importable module in out/MSecure/.
    Test:   dotnet test of the solution (xunit).
    Pester: Build, then Invoke-Pester tests/Pester against out/MSecure/ (detailed output, plain
            text, ends with Pester's "Tests Passed: N, Failed: N, Skipped: N ..." line); the
            exit code is 1 when a test or a container failed or no test ran.
    All:    Build, Test, Pester.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./build.ps1 -Task Pester
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'All')]
    [string] $Task = 'All',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$solution = Join-Path $PSScriptRoot 'MSecure.PowerShell.sln'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    Write-Host "== dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE"
    }
}

function Invoke-Build {
    Invoke-Dotnet @('build', $solution, '-c', $Configuration)
}

function Invoke-Test {
    Invoke-Dotnet @('test', $solution, '-c', $Configuration)
}

function Invoke-PesterTests {
    Invoke-Build
    Import-Module Pester -MinimumVersion 5.5 -ErrorAction Stop
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $PSScriptRoot 'tests/Pester'
    $config.Run.PassThru = $true
    $config.Run.Exit = $false
    $config.Output.Verbosity = 'Detailed'
    $config.Output.RenderMode = 'Plaintext'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = Join-Path $PSScriptRoot 'out/TestResults/pester.xml'
    Write-Host "== Invoke-Pester $($config.Run.Path.Value)"
    $result = Invoke-Pester -Configuration $config
    if ($result.Result -ne 'Passed' -or $result.TotalCount -eq 0 -or $result.FailedContainersCount -gt 0) {
        Write-Host "Pester: $($result.Result) ($($result.FailedCount) failed tests, $($result.FailedContainersCount) failed containers, $($result.TotalCount) tests)"
        return $false
    }

    return $true
}

$ok = $true
switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Pester' { $ok = Invoke-PesterTests }
    'All' {
        Invoke-Build
        Invoke-Test
        $ok = Invoke-PesterTests
    }
}

if (-not $ok) {
    exit 1
}

exit 0
