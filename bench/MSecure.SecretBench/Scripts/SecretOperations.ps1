<#
.SYNOPSIS
    Times Set-Secret and Get-Secret in this one pwsh, for MSecure.SecretBench.
.DESCRIPTION
    Writes new secrets up to each of -WriteCheckpoints and, at each of -ReadSizes, reads -Reads
    secrets chosen at random among those written. Prints one line per measurement, which the
    bench parses:
        result op=set from=<secrets before> to=<secrets after> ms=<total>
        result op=get secrets=<secrets> reads=<reads> ms=<total>
    -Via SecretManagement: the real Microsoft.PowerShell.SecretManagement cmdlets, on a vault
    registered here (the bench points HOME at a throw-away folder, where SecretManagement keeps
    its registry and SecretStore its file). -Via Direct: MSecure.Extension's functions called the
    way SecretManagement calls them (& <module> 'MSecure.Extension\<command>' @params).
    The bench password comes from $env:MSECURE_BENCH_PASSWORD (a throw-away vault's).
#>
param(
    [Parameter(Mandatory)] [ValidateSet('MSecure', 'SecretStore')] [string] $Store,
    [Parameter(Mandatory)] [ValidateSet('SecretManagement', 'Direct')] [string] $Via,
    # Comma-separated sizes (pwsh -File passes every argument as one string).
    [Parameter(Mandatory)] [string] $WriteCheckpoints,
    [Parameter(Mandatory)] [string] $ReadSizes,
    [Parameter(Mandatory)] [int] $Reads,
    [string] $MSecureModule,
    [string] $VaultPath,
    [string] $SecretManagementModule,
    [string] $SecretStoreModule
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$vaultName = 'bench'
[int[]] $writeCounts = $WriteCheckpoints -split ',' | ForEach-Object { [int]::Parse($_, [cultureinfo]::InvariantCulture) }
[int[]] $readCounts = $ReadSizes -split ',' | ForEach-Object { [int]::Parse($_, [cultureinfo]::InvariantCulture) }
$password = ConvertTo-SecureString $env:MSECURE_BENCH_PASSWORD -AsPlainText -Force

if ($Via -eq 'SecretManagement') {
    Import-Module $SecretManagementModule
    if ($Store -eq 'SecretStore') {
        Import-Module $SecretStoreModule
        Reset-SecretStore -Scope CurrentUser -Authentication Password -Password $password -PasswordTimeout 3600 -Interaction None -Force -WarningAction SilentlyContinue
        Register-SecretVault -Name $vaultName -ModuleName $SecretStoreModule
    }
    else {
        Register-SecretVault -Name $vaultName -ModuleName $MSecureModule -VaultParameters @{ Path = $VaultPath }
    }

    Unlock-SecretVault -Name $vaultName -Password $password
    $set = { param($name, $value) Set-Secret -Vault $vaultName -Name $name -Secret $value }
    $get = { param($name) Get-Secret -Vault $vaultName -Name $name -AsPlainText }
    $remove = { param($name) Remove-Secret -Vault $vaultName -Name $name }
}
else {
    if ($Store -ne 'MSecure') {
        throw 'Only MSecure is measured without SecretManagement.'
    }

    $module = Import-Module $MSecureModule -PassThru
    $additional = @{ Path = $VaultPath }
    & $module 'MSecure.Extension\Unlock-SecretVault' -Password $password -VaultName $vaultName -AdditionalParameters $additional
    $set = { param($name, $value) & $module 'MSecure.Extension\Set-Secret' -Name $name -Secret $value -VaultName $vaultName -AdditionalParameters $additional }
    $get = {
        param($name)
        $secret = & $module 'MSecure.Extension\Get-Secret' -Name $name -VaultName $vaultName -AdditionalParameters $additional
        if ($secret -is [securestring]) { ConvertFrom-SecureString $secret -AsPlainText } else { $secret }
    }
    $remove = { param($name) $null = & $module 'MSecure.Extension\Remove-Secret' -Name $name -VaultName $vaultName -AdditionalParameters $additional }
}

function Get-BenchName([int] $Index) { 'bench-{0:D6}' -f $Index }
function Get-BenchValue([int] $Index) { 'value-{0:X8}-Q7!zK-{1}' -f $Index, ($Index * 7919) }

function Assert-Read([int] $Index) {
    $read = & $get (Get-BenchName $Index)
    if ($read -ne (Get-BenchValue $Index)) {
        throw "Get-Secret returned a wrong value for $(Get-BenchName $Index) (store $Store, via $Via)."
    }
}

# Warm-up, not timed: the first call of each command loads and compiles what it needs.
& $set 'warm-up' 'warm-up value'
$null = & $get 'warm-up'
& $remove 'warm-up'

$count = 0
$clock = [System.Diagnostics.Stopwatch]::new()
$random = [System.Random]::new(9)
foreach ($checkpoint in ($writeCounts + $readCounts | Sort-Object -Unique)) {
    $clock.Restart()
    for ($i = $count; $i -lt $checkpoint; $i++) {
        & $set (Get-BenchName $i) (Get-BenchValue $i)
    }

    $clock.Stop()
    "result op=set from=$count to=$checkpoint ms=$($clock.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture))"
    $count = $checkpoint
    Assert-Read ($count - 1)

    if ($readCounts -contains $count) {
        $names = foreach ($r in 1..$Reads) { Get-BenchName ($random.Next($count)) }
        $clock.Restart()
        foreach ($name in $names) {
            $null = & $get $name
        }

        $clock.Stop()
        "result op=get secrets=$count reads=$Reads ms=$($clock.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture))"
        Assert-Read ($random.Next($count))
    }
}
