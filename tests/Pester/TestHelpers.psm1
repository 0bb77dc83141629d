# Shared by the Pester tests: where the built module is, and how to run pwsh in a child process.

$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-MSecureModulePath {
    <# The built module's manifest: out/MSecure/MSecure.psd1 (build.ps1 -Task Pester builds it first). #>
    $path = Join-Path $script:RepositoryRoot 'out/MSecure/MSecure.psd1'
    if (-not (Test-Path $path)) {
        throw "The module is not built: $path is missing. Run: dotnet build (or ./build.ps1 -Task Pester)."
    }
    $path
}

function Get-RepositoryRoot { $script:RepositoryRoot }

function Get-PwshCommandLine {
    <#
    The program and leading arguments that start this same PowerShell in a child process: the
    pwsh executable itself, or `dotnet <PSHOME>/pwsh.dll` when PowerShell runs as a dotnet tool
    (`dotnet pwsh`), whose process is dotnet, not pwsh.
    #>
    $process = [Environment]::ProcessPath
    [string[]] $arguments = @()
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        $arguments = @(Join-Path $PSHOME 'pwsh.dll')
    }
    [pscustomobject]@{ Path = $process; Arguments = $arguments }
}

function Invoke-ChildPwsh {
    <#
    Runs a script in a fresh `pwsh -NoProfile -NonInteractive` with the module imported, and
    returns its output lines: for behaviour that depends on the process (non-interactive
    prompting, which load context an assembly lands in before anything else is loaded).
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{}
    )
    $pwsh = Get-PwshCommandLine
    $pwshArguments = $pwsh.Arguments
    $prelude = "`$ErrorActionPreference = 'Stop'; `$PSStyle.OutputRendering = 'PlainText'; Import-Module '$(Get-MSecureModulePath)';"
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        $output = & $pwsh.Path @pwshArguments -NoProfile -NonInteractive -Command ($prelude + $Script) 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ Output = @($output); ExitCode = $LASTEXITCODE }
    }
    finally {
        foreach ($name in $saved.Keys) {
            [Environment]::SetEnvironmentVariable($name, $saved[$name])
        }
    }
}

function Start-ChildPwsh {
    <#
    Starts a script in a fresh `pwsh -NoProfile -NonInteractive` with the module imported, in the
    background, and returns the process. Its output is drained in the background (so a chatty child
    never blocks on a full pipe); a script that must report to the test writes to a file instead,
    which survives the child being killed.
    #>
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{}
    )
    $pwsh = Get-PwshCommandLine
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh.Path)
    foreach ($argument in @($pwsh.Arguments) + @('-NoProfile', '-NonInteractive', '-Command',
            "`$ErrorActionPreference = 'Stop'; `$PSStyle.OutputRendering = 'PlainText'; Import-Module '$(Get-MSecureModulePath)'; $Script")) {
        $start.ArgumentList.Add($argument)
    }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    foreach ($name in $Environment.Keys) {
        $start.Environment[$name] = $Environment[$name]
    }
    $process = [System.Diagnostics.Process]::Start($start)
    $process | Add-Member -NotePropertyName Output -NotePropertyValue $process.StandardOutput.ReadToEndAsync()
    $process | Add-Member -NotePropertyName ErrorOutput -NotePropertyValue $process.StandardError.ReadToEndAsync()
    $process
}

function Enter-MSecureTestFolder {
    <#
    Points the module at a fresh work folder for one test file: MSECURE_VAULT_DIR is <folder>/vaults,
    MSECURE_PASSWORD and MSECURE_DEFAULT_VAULT are cleared. Returns the folder, the vault folder and
    the variables as they were, for Exit-MSecureTestFolder.
    #>
    param([Parameter(Mandatory)] [string] $Name)
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ("msecure-$Name-" + [guid]::NewGuid().ToString('N'))
    $folder = [pscustomobject]@{
        WorkDir = $work
        VaultDir = Join-Path $work 'vaults'
        Saved = @{ VaultDir = $env:MSECURE_VAULT_DIR; Password = $env:MSECURE_PASSWORD; Default = $env:MSECURE_DEFAULT_VAULT }
    }
    $env:MSECURE_VAULT_DIR = $folder.VaultDir
    $env:MSECURE_PASSWORD = $null
    $env:MSECURE_DEFAULT_VAULT = $null
    $folder
}

function Exit-MSecureTestFolder {
    <# Locks every vault, puts the variables back and deletes the work folder of Enter-MSecureTestFolder. #>
    param([Parameter(Mandatory)] $Folder)
    Lock-MSecureVault -All
    $env:MSECURE_VAULT_DIR = $Folder.Saved.VaultDir
    $env:MSECURE_PASSWORD = $Folder.Saved.Password
    $env:MSECURE_DEFAULT_VAULT = $Folder.Saved.Default
    Remove-Item -LiteralPath $Folder.WorkDir -Recurse -Force -ErrorAction SilentlyContinue
}

Export-ModuleMember -Function Get-MSecureModulePath, Get-RepositoryRoot, Get-PwshCommandLine, Invoke-ChildPwsh, Start-ChildPwsh, Enter-MSecureTestFolder, Exit-MSecureTestFolder
