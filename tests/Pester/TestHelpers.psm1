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

function Start-MSecureTestServer {
    <#
    Starts the built account server (src/MSecure.Server/bin/Release/net10.0/msecure-server.dll) as a
    real process on a free port with its own data folder, and waits for the two lines it prints:
    its address and its certificate fingerprint. Returns Url, Fingerprint, Process and DataDir.
    #>
    param([Parameter(Mandatory)] [string] $DataDir, [int] $Port = 0, [string[]] $Arguments = @())
    $dll = Join-Path $script:RepositoryRoot 'src/MSecure.Server/bin/Release/net10.0/msecure-server.dll'
    if (-not (Test-Path $dll)) {
        throw "The server is not built: $dll is missing. Run: dotnet build MSecure.PowerShell.sln -c Release."
    }
    New-Item -ItemType Directory -Path $DataDir -Force | Out-Null
    $stdout = Join-Path $DataDir "server-$([guid]::NewGuid().ToString('N')).stdout"
    $stderr = [IO.Path]::ChangeExtension($stdout, '.stderr')
    $process = Start-Process -FilePath 'dotnet' -ArgumentList (@($dll, '--data-dir', (Join-Path $DataDir 'data'), '--port', "$Port") + $Arguments) `
        -RedirectStandardOutput $stdout -RedirectStandardError $stderr -NoNewWindow -PassThru
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ([DateTime]::UtcNow -lt $deadline) {
        $text = if (Test-Path $stdout) { Get-Content -LiteralPath $stdout -Raw } else { '' }
        $url = [regex]::Match("$text", 'MSecure server listening on (https://127\.0\.0\.1:\d+)')
        $fingerprint = [regex]::Match("$text", 'Certificate SHA-256 fingerprint: ([0-9A-F]{64})')
        if ($url.Success -and $fingerprint.Success) {
            return [pscustomobject]@{ Url = $url.Groups[1].Value + '/'; Fingerprint = $fingerprint.Groups[1].Value; Process = $process; DataDir = $DataDir }
        }
        if ($process.HasExited) { break }
        Start-Sleep -Milliseconds 100
    }
    if (-not $process.HasExited) { $process.Kill($true) }
    throw "The account server did not start: $(Get-Content -LiteralPath $stdout -Raw -ErrorAction SilentlyContinue) $(Get-Content -LiteralPath $stderr -Raw -ErrorAction SilentlyContinue)"
}

function Stop-MSecureTestServer {
    <# Stops a server of Start-MSecureTestServer (its process only). #>
    param($Server)
    if ($Server -and -not $Server.Process.HasExited) {
        $Server.Process.Kill($true)
        $Server.Process.WaitForExit(10000) | Out-Null
    }
}

Export-ModuleMember -Function Get-MSecureModulePath, Get-RepositoryRoot, Get-PwshCommandLine, Invoke-ChildPwsh, Start-ChildPwsh, Enter-MSecureTestFolder, Exit-MSecureTestFolder, Start-MSecureTestServer, Stop-MSecureTestServer
