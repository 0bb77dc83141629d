# The user's story through the real Microsoft.PowerShell.SecretManagement module: Register-SecretVault
# -ModuleName MSecure, then Set-Secret, Get-Secret, Get-SecretInfo, Set-SecretInfo, Remove-Secret,
# Test-SecretVault and Unregister-SecretVault. It runs when that module is importable: the path in
# MSECURE_TEST_SECRETMANAGEMENT (a module folder or .psd1), else one Get-Module -ListAvailable finds.
# Otherwise every test is SKIPPED, saying why. The story runs in one child pwsh with a throwaway
# HOME, because SecretManagement keeps its vault registry under $HOME/.secretmanagement and reads
# HOME once per process.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:secretManagement = if ($env:MSECURE_TEST_SECRETMANAGEMENT) { $env:MSECURE_TEST_SECRETMANAGEMENT }
    else { Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretManagement | Sort-Object Version -Descending | Select-Object -First 1 -ExpandProperty Path }
    $script:skipReason = if (-not $secretManagement) {
        'Microsoft.PowerShell.SecretManagement is not installed here (Get-Module -ListAvailable finds none) and MSECURE_TEST_SECRETMANAGEMENT is not set, so the story through the real module was NOT run.'
    }
    elseif (-not (Test-Path $secretManagement)) { "MSECURE_TEST_SECRETMANAGEMENT points to '$secretManagement', which does not exist, so the story through the real module was NOT run." }
    if ($skipReason) {
        Write-Warning $skipReason
        return
    }

    $script:folder = Enter-MSecureTestFolder -Name 'secretmanagement-real'
    $throwawayHome = Join-Path $folder.WorkDir 'home'
    New-Item -ItemType Directory -Path $throwawayHome -Force | Out-Null
    $moduleParent = Split-Path (Split-Path (Get-MSecureModulePath))
    $vaultFile = Join-Path $env:MSECURE_VAULT_DIR 'team.msecure'
    $environment = @{
        HOME                   = $throwawayHome
        MSECURE_VAULT_DIR      = $env:MSECURE_VAULT_DIR
        MSECURE_TEST_PASSWORD  = 'correct horse battery staple'
        PSModulePath           = $moduleParent + [IO.Path]::PathSeparator + $env:PSModulePath
    }
    $story = @"
function out([string] `$key, `$value) { "`$key=`$value" }
Import-Module '$secretManagement'
`$pw = ConvertTo-SecureString `$env:MSECURE_TEST_PASSWORD -AsPlainText -Force
`$null = New-MSecureVault -Vault team -Email team@example.com -Password `$pw -WarningAction SilentlyContinue
Lock-MSecureVault -All
Register-SecretVault -Name team -ModuleName MSecure -VaultParameters @{ Path = '$vaultFile' }
out registered (Get-SecretVault -Name team).ModuleName
out registry ([bool](Select-String -Path (Join-Path `$HOME '.secretmanagement/secretvaultregistry/vaultinfo') -Pattern 'correct horse' -Quiet))
try { Set-Secret -Name str -Secret 'x' -Vault team; out lockedSet none } catch { out lockedSet `$_.Exception.GetType().FullName }
`$null = Get-Secret -Name str -Vault team -ErrorVariable lockedGet -ErrorAction SilentlyContinue
out lockedGet `$lockedGet[0].Exception.GetType().FullName
Unlock-SecretVault -Name team -Password `$pw
Set-Secret -Name str -Secret "ünï ☃`r`nline two" -Vault team
Set-Secret -Name bytes -Secret ([byte[]](0..255)) -Vault team -Metadata @{ Tags = 'ci'; Url = 'https://ci.example' }
Set-Secret -Name cred -Secret ([pscredential]::new('alice', `$pw)) -Vault team
Set-Secret -Name table -Secret @{ user = 'bob'; token = (ConvertTo-SecureString 't0ken' -AsPlainText -Force) } -Vault team
Set-Secret -Name secure -Secret (ConvertTo-SecureString 's3cure' -AsPlainText -Force) -Vault team
out str ((Get-Secret -Name str -AsPlainText) -ceq "ünï ☃`r`nline two")
out strDefault (Get-Secret -Name str).GetType().Name
`$bytes = Get-Secret -Name bytes -Vault team
out bytes ("{0}:{1}" -f `$bytes.GetType().Name, [Linq.Enumerable]::SequenceEqual([byte[]]`$bytes, [byte[]](0..255)))
`$cred = Get-Secret -Name cred
out cred ("{0}:{1}:{2}" -f `$cred.GetType().Name, `$cred.UserName, (`$cred.GetNetworkCredential().Password -eq `$env:MSECURE_TEST_PASSWORD))
`$table = Get-Secret -Name table -AsPlainText
out table ("{0}:{1}:{2}" -f `$table.GetType().Name, `$table.user, `$table.token)
out secure (Get-Secret -Name secure -Vault team -AsPlainText)
`$infos = @(Get-SecretInfo -Vault team)
out infoClass `$infos[0].GetType().FullName
out infoTypes ((`$infos | Sort-Object Name | ForEach-Object { "`$(`$_.Name):`$(`$_.Type)" }) -join ',')
out infoWildcard ((Get-SecretInfo -Name 's*' -Vault team | ForEach-Object Name | Sort-Object) -join ',')
`$meta = (Get-SecretInfo -Name bytes -Vault team).Metadata
out meta ("{0}:{1}:{2}" -f (`$meta['Tags'] -join '+'), `$meta['Url'], `$meta['Template'])
Set-SecretInfo -Name bytes -Metadata @{ Tags = 'prod' } -Vault team
out metaReplaced ((Get-SecretInfo -Name bytes -Vault team).Metadata['Tags'] -join '+')
Set-SecretInfo -Name bytes -Metadata @{ Owner = 'me' } -Vault team -ErrorVariable metaErrors -ErrorAction SilentlyContinue
out metaRefused ("{0}:{1}" -f (`$metaErrors.Count -gt 0), ((Get-SecretInfo -Name bytes -Vault team).Metadata['Tags'] -join '+'))
try { Set-Secret -Name str -Secret 'again' -Vault team -NoClobber; out noClobber none } catch { out noClobber refused }
Set-Secret -Name str -Secret 'overwritten' -Vault team
out overwrite (Get-Secret -Name str -AsPlainText)
Set-Secret -Name bad -Secret 42 -Vault team -ErrorVariable badErrors -ErrorAction SilentlyContinue
out badType ("{0}:{1}" -f (("`$badErrors") -match 'byte\[\], string, SecureString, PSCredential'), [bool](Get-SecretInfo -Name bad -Vault team))
Remove-Secret -Name str -Vault team
`$null = Get-Secret -Name str -ErrorVariable removed -ErrorAction SilentlyContinue
out removed `$removed[0].Exception.GetType().Name
out test (Test-SecretVault -Name team)
Unregister-SecretVault -Name team
out unregistered @(Get-SecretVault).Count
out vaultKept (Test-Path '$vaultFile')
out userGetSecret (Get-Command Get-Secret).ModuleName
"@
    $script:result = Invoke-ChildPwsh -Environment $environment -Script $story
    $script:answers = @{}
    foreach ($line in $result.Output) {
        if ($line -match '^(\w+)=(.*)$') { $answers[$Matches[1]] = $Matches[2] }
    }
    $script:transcript = $result.Output -join "`n"
}

AfterAll {
    # Unset when the story was skipped (BeforeAll returned before making the folder).
    if (Get-Variable -Name folder -Scope Script -ErrorAction Ignore) { Exit-MSecureTestFolder $script:folder }
}

Describe 'MSecure through the real Microsoft.PowerShell.SecretManagement' {
    BeforeEach {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason }
    }

    It 'the story ran to its end' {
        $result.ExitCode | Should -Be 0 -Because $transcript
        $answers['userGetSecret'] | Should -Be 'Microsoft.PowerShell.SecretManagement' -Because $transcript
    }

    It 'Register-SecretVault -ModuleName MSecure -VaultParameters @{ Path } works, and the registry holds no secret' {
        $answers['registered'] | Should -Be 'MSecure'
        $answers['registry'] | Should -Be 'False'
    }

    It 'a locked vault throws PasswordRequiredException in a non-interactive process' {
        $answers['lockedSet'] | Should -Be 'Microsoft.PowerShell.SecretManagement.PasswordRequiredException'
        $answers['lockedGet'] | Should -Be 'Microsoft.PowerShell.SecretManagement.PasswordRequiredException'
    }

    It 'Get-Secret gives back every type Set-Secret stored' {
        $answers['str'] | Should -Be 'True'
        $answers['strDefault'] | Should -Be 'SecureString'
        $answers['bytes'] | Should -Be 'Byte[]:True'
        $answers['cred'] | Should -Be 'PSCredential:alice:True'
        $answers['table'] | Should -Be 'Hashtable:bob:t0ken'
        $answers['secure'] | Should -Be 's3cure'
    }

    It 'Get-SecretInfo writes SecretInformation objects with the right types, wildcards and metadata' {
        $answers['infoClass'] | Should -Be 'Microsoft.PowerShell.SecretManagement.SecretInformation'
        $answers['infoTypes'] | Should -Be 'bytes:ByteArray,cred:PSCredential,secure:SecureString,str:String,table:Hashtable'
        $answers['infoWildcard'] | Should -Be 'secure,str'
        $answers['meta'] | Should -Be 'ci:https://ci.example:SecureNote'
    }

    It 'Set-SecretInfo replaces the metadata and refuses what MSecure cannot store' {
        $answers['metaReplaced'] | Should -Be 'prod'
        $answers['metaRefused'] | Should -Be 'True:prod'
    }

    It 'Set-Secret overwrites, -NoClobber refuses, an unsupported type is an error that writes nothing' {
        $answers['noClobber'] | Should -Be 'refused'
        $answers['overwrite'] | Should -Be 'overwritten'
        $answers['badType'] | Should -Be 'True:False'
    }

    It 'Remove-Secret removes, Test-SecretVault is true, Unregister-SecretVault keeps the vault file' {
        $answers['removed'] | Should -Be 'ItemNotFoundException'
        $answers['test'] | Should -Be 'True'
        $answers['unregistered'] | Should -Be '0'
        $answers['vaultKept'] | Should -Be 'True'
    }
}
