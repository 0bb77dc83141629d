#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds and tests MSecure for PowerShell.
.DESCRIPTION
    Build:  dotnet build of the solution; lays out the importable module in out/MSecure/.
    Xunit:  dotnet test of the solution (builds it too).
    Pester: Build, then Invoke-Pester tests/Pester against out/MSecure/ (detailed output, plain
            text, ends with Pester's "Tests Passed: N, Failed: N, Skipped: N ..." line).
    Test:   Xunit, then Pester (the README's test command).

    The exit code is 0 only when every step of the task succeeded: a failed build, a failing
    xunit test, a failing Pester test, a Pester container that failed (a syntax error, a failing
    BeforeAll) or a Pester run that found no test all give exit code 1.

    Pester is the version that tests/Pester/Pester.Dependencies.proj names: the installed module
    of exactly that version if there is one, else the NuGet package of it, which that project
    restores into the NuGet packages folder (NUGET_PACKAGES, or ~/.nuget/packages).
.PARAMETER PesterPath
    The Pester tests to run (folders or files); tests/Pester by default.
.PARAMETER NoBuild
    Pester: test the module already built in out/MSecure/ instead of building first.
.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -NonInteractive -File ./build.ps1 -Task Test
.EXAMPLE
    ./build.ps1 -Task Pester -PesterPath ./tests/Pester/Vault.Tests.ps1
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Xunit', 'Pester', 'Test')]
    [string] $Task = 'Test',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [string[]] $PesterPath = (Join-Path $PSScriptRoot 'tests/Pester'),

    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$solution = Join-Path $PSScriptRoot 'MSecure.PowerShell.sln'
$pesterProject = Join-Path $PSScriptRoot 'tests/Pester/Pester.Dependencies.proj'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

# Every function below writes its progress to the host, never to the pipeline, and returns
# exactly one [bool]: the exit code must not depend on what a tool happened to print.

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    Write-Host "== dotnet $($Arguments -join ' ')"
    & dotnet @Arguments | Out-Host
    [bool]($LASTEXITCODE -eq 0)
}

function Invoke-Build {
    Invoke-Dotnet @('build', $solution, '-c', $Configuration)
}

function Invoke-Xunit {
    Invoke-Dotnet @('test', $solution, '-c', $Configuration)
}

function Get-PesterVersion {
    <# The exact version tests/Pester/Pester.Dependencies.proj downloads: its one source. #>
    $download = ([xml](Get-Content $pesterProject -Raw)).Project.ItemGroup.PackageDownload | Where-Object Include -eq 'Pester'
    [version]($download.Version.Trim('[', ']'))
}

function Find-PesterManifest {
    <# Pester.psd1 of exactly $Version: an installed module, else the NuGet package restored for it. #>
    param([Parameter(Mandatory)] [version] $Version)
    $installed = Get-Module -ListAvailable -Name Pester | Where-Object Version -eq $Version | Select-Object -First 1
    if ($installed) {
        return $installed.Path
    }

    $packagesFolder = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $cached = Join-Path $packagesFolder "pester/$Version/tools/Pester.psd1"
    if (Test-Path $cached) {
        return $cached
    }

    if (-not (Invoke-Dotnet @('restore', $pesterProject))) {
        throw "Pester $Version could not be restored from NuGet (dotnet restore $pesterProject failed)."
    }

    # The restore records the packages folders it used (NUGET_PACKAGES, a NuGet.Config's, or ~/.nuget/packages).
    $assets = Get-Content (Join-Path (Split-Path $pesterProject) 'obj/project.assets.json') -Raw | ConvertFrom-Json
    foreach ($folder in $assets.packageFolders.PSObject.Properties.Name) {
        $manifest = Join-Path $folder "pester/$Version/tools/Pester.psd1"
        if (Test-Path $manifest) {
            return $manifest
        }
    }

    throw "Pester $Version was restored, but tools/Pester.psd1 is in none of the packages folders: $($assets.packageFolders.PSObject.Properties.Name -join ', ')."
}

function Import-Pester {
    $version = Get-PesterVersion
    Get-Module Pester | Where-Object Version -ne $version | Remove-Module -Force
    $manifest = Find-PesterManifest -Version $version
    Import-Module $manifest -Force
    $loaded = @(Get-Module Pester)
    if ($loaded.Count -ne 1 -or $loaded[0].Version -ne $version) {
        throw "Pester $version was asked for, but $($loaded.Version -join ', ') is loaded."
    }

    Write-Host "== Pester $version from $(Split-Path $manifest)"
}

function Invoke-PesterTests {
    param([switch] $Built)
    if (-not $Built -and -not $NoBuild -and -not (Invoke-Build)) {
        return $false
    }

    Import-Pester
    $config = New-PesterConfiguration
    $config.Run.Path = $PesterPath
    $config.Run.PassThru = $true
    $config.Run.Exit = $false
    $config.Output.Verbosity = 'Detailed'
    $config.Output.RenderMode = 'Plaintext'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = Join-Path $PSScriptRoot 'out/TestResults/pester.xml'
    Write-Host "== Invoke-Pester $PesterPath"
    $result = Invoke-Pester -Configuration $config
    $passed = $result.Result -eq 'Passed' -and $result.TotalCount -gt 0 -and $result.FailedCount -eq 0 -and $result.FailedContainersCount -eq 0
    if (-not $passed) {
        Write-Host "Pester: $($result.Result) ($($result.FailedCount) failed tests, $($result.FailedContainersCount) failed containers, $($result.TotalCount) tests)"
    }

    [bool]$passed
}

[bool[]] $results = switch ($Task) {
    'Build' { Invoke-Build }
    'Xunit' { Invoke-Xunit }
    'Pester' { Invoke-PesterTests }
    'Test' {
        # dotnet test has built the solution, module layout included; Pester runs even when xunit failed.
        Invoke-Xunit
        Invoke-PesterTests -Built
    }
}

if ($results.Count -eq 0 -or $results -contains $false) {
    Write-Host "build.ps1 -Task ${Task}: FAILED"
    exit 1
}

exit 0
