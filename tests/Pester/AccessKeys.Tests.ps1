# Read-only access keys in real pwsh: a key of a vault registered with a real msecure-server process,
# read by a separate pwsh process that holds only MSECURE_ACCESS_KEY (no vault, no password); the
# tag boundary, re-sealing after a change and a sync, writes refused, revocation refused at once;
# and a key of a vault without a server, read from the vault file.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:folder = Enter-MSecureTestFolder -Name 'access'
    $script:server = Start-MSecureTestServer -DataDir (Join-Path $folder.WorkDir 'server') `
        -Arguments @('--rate-limit-per-address', '100000', '--rate-limit-per-account', '100000', '--rate-limit-sync-per-account', '100000')
    $script:password = ConvertTo-SecureString 'access story password, long enough' -AsPlainText -Force
    function script:Secret([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }

    # A separate pwsh with only the token and an empty vault folder: prints what it read, or the ErrorId.
    $script:pipelineVaults = Join-Path $folder.WorkDir 'pipeline-vaults'
    function script:AsPipeline([string] $token, [string] $script, [string] $vaultDir = $pipelineVaults) {
        $run = Invoke-ChildPwsh -Environment @{ MSECURE_ACCESS_KEY = $token; MSECURE_VAULT_DIR = $vaultDir; MSECURE_PASSWORD = $null } -Script @"
try { $script } catch { 'ERROR:' + `$_.FullyQualifiedErrorId }
"@
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Output
    }
}

AfterAll {
    Stop-MSecureTestServer $server
    Exit-MSecureTestFolder $folder
}

Describe 'An access key of a vault registered with the account server' {
    BeforeAll {
        New-MSecureVault -Vault team -Email 'team@example.com' -Password $password -WarningAction SilentlyContinue | Out-Null
        Register-MSecureAccount -Vault team -Server $server.Url -CertificateThumbprint $server.Fingerprint -DeviceName 'owner' | Out-Null
        New-MSecureRecord -Vault team -Name deploy -Template Login -UserName deployer -Password (Secret 'pw-1') -Tag ci
        New-MSecureRecord -Vault team -Name private -Template Login -UserName me -Password (Secret 'pw-private') -Tag home
        $script:key = New-MSecureAccessKey -Vault team -Name pipeline -Tag CI -AsPlainText
        $script:token = $key.Token
    }

    It 'is written once with its token, which no view shows' {
        $token | Should -BeLike 'msa1.*.*'
        $key.OnServer | Should -BeTrue
        $key.Tag | Should -Be 'CI'
        $secretPart = $token.Split('.')[2]
        ($key | Out-String) | Should -Not -Match ([regex]::Escape($secretPart))
        ($key | Format-List | Out-String) | Should -Not -Match ([regex]::Escape($secretPart))
        $listed = Get-MSecureAccessKey -Vault team
        $listed.Name | Should -Be 'pipeline'
        $listed.Token | Should -BeNullOrEmpty
        (New-MSecureAccessKey -Vault team -Name other -Tag ci).Token | Should -BeOfType [securestring]
        Revoke-MSecureAccessKey -Vault team -Name other -Confirm:$false
    }

    It 'lets a separate pwsh with only MSECURE_ACCESS_KEY read a tagged record' {
        AsPipeline $token "Get-MSecureRecord -Name deploy -Field Password -AsPlainText" | Should -Be 'pw-1'
        AsPipeline $token "(Get-MSecureRecord -Name deploy -AsCredential).GetNetworkCredential().Password" | Should -Be 'pw-1'
        AsPipeline $token "(Get-MSecureRecord).Name -join ','" | Should -Be 'deploy'
    }

    It 'reads nothing untagged' {
        AsPipeline $token "Get-MSecureRecord -Name private" | Should -Be 'ERROR:RecordNotFound,MSecure.PowerShell.Commands.GetMSecureRecordCommand'
        AsPipeline $token "@(Get-MSecureRecord -Name 'priv*').Count" | Should -Be '0'
    }

    It 'refuses writes with AccessKeyReadOnly' {
        AsPipeline $token "New-MSecureRecord -Name x -Template SecureNote -Notes 'n'" |
            Should -Be 'ERROR:AccessKeyReadOnly,MSecure.PowerShell.Commands.NewMSecureRecordCommand'
    }

    It 'sees a change once it is synced (re-sealed for the key)' {
        Set-MSecureRecord -Vault team -Name deploy -Password (Secret 'pw-2')
        Sync-MSecureVault -Vault team | Out-Null
        AsPipeline $token "Get-MSecureRecord -Name deploy -Field Password -AsPlainText" | Should -Be 'pw-2'
    }

    It 'reads with -AccessKey in this process too' {
        (Get-MSecureRecord -AccessKey (Secret $token) -Name deploy -Field Password -AsPlainText) | Should -Be 'pw-2'
        Get-MSecureRecord -AccessKey (Secret $token) -Name deploy -Field Password | Should -BeOfType [securestring]
        (Get-MSecureRecord -AccessKey (Secret $token) -Name deploy).Tags | Should -Be @('ci')
    }

    It 'completes key names and keeps the key on -WhatIf' {
        $line = 'Revoke-MSecureAccessKey -Vault team -Name pi'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'pipeline'
        Revoke-MSecureAccessKey -Vault team -Name pipeline -WhatIf
        AsPipeline $token "Get-MSecureRecord -Name deploy -Field UserName" | Should -Be 'deployer'
    }

    It 'is refused at once after Revoke-MSecureAccessKey, with AccessKeyRevoked' {
        Get-MSecureAccessKey -Vault team -Name pipeline | Revoke-MSecureAccessKey -Confirm:$false
        Get-MSecureAccessKey -Vault team | Should -BeNullOrEmpty
        AsPipeline $token "Get-MSecureRecord -Name deploy" | Should -Be 'ERROR:AccessKeyRevoked,MSecure.PowerShell.Commands.GetMSecureRecordCommand'
    }

    It 'rejects a malformed token with AccessKeyInvalid, without showing it' {
        $output = AsPipeline 'msa1.not-a-token' "Get-MSecureRecord -Name deploy"
        $output | Should -Be 'ERROR:AccessKeyInvalid,MSecure.PowerShell.Commands.GetMSecureRecordCommand'
        $error.Clear()
        Get-MSecureRecord -AccessKey (Secret 'msa1.secret-looking-value.x') -Name deploy -ErrorAction SilentlyContinue
        $error[0].FullyQualifiedErrorId | Should -Be 'AccessKeyInvalid,MSecure.PowerShell.Commands.GetMSecureRecordCommand'
        "$($error[0])" | Should -Not -Match 'secret-looking-value'
    }
}

Describe 'An access key of a vault without a server' {
    It 'reads the vault file, and stops when revoked' {
        New-MSecureVault -Vault solo -Email 'solo@example.com' -Password $password -WarningAction SilentlyContinue | Out-Null
        New-MSecureRecord -Vault solo -Name build -Template Login -UserName bot -Password (Secret 'pw-solo') -Tag ci
        $soloKey = New-MSecureAccessKey -Vault solo -Name local -Tag ci -Expires (New-TimeSpan -Days 1) -AsPlainText
        $soloKey.OnServer | Should -BeFalse
        $soloKey.Expires | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)

        AsPipeline $soloKey.Token "Get-MSecureRecord -Vault solo -Name build -Field Password -AsPlainText" $env:MSECURE_VAULT_DIR | Should -Be 'pw-solo'
        Revoke-MSecureAccessKey -Vault solo -Id $soloKey.Id -Confirm:$false
        AsPipeline $soloKey.Token "Get-MSecureRecord -Vault solo -Name build" $env:MSECURE_VAULT_DIR |
            Should -Be 'ERROR:AccessKeyRevoked,MSecure.PowerShell.Commands.GetMSecureRecordCommand'
    }

    It 'refuses a bad name, lifetime or unknown key with stable ErrorIds' {
        New-MSecureAccessKey -Vault solo -Name "bad`tname" -Tag ci -ErrorAction SilentlyContinue -ErrorVariable failed | Out-Null
        $failed[0].FullyQualifiedErrorId | Should -Be 'InvalidArgument,MSecure.PowerShell.Commands.NewMSecureAccessKeyCommand'
        New-MSecureAccessKey -Vault solo -Name n -Tag ci -Expires ([TimeSpan]::Zero) -ErrorAction SilentlyContinue -ErrorVariable failed | Out-Null
        $failed[0].FullyQualifiedErrorId | Should -Be 'InvalidArgument,MSecure.PowerShell.Commands.NewMSecureAccessKeyCommand'
        Revoke-MSecureAccessKey -Vault solo -Name nothing -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -Be 'AccessKeyNotFound,MSecure.PowerShell.Commands.RevokeMSecureAccessKeyCommand'
    }
}
