# Issue 6, parts 1 and 2 as a user meets them: several real pwsh processes on one vault (one holding
# a session, others coming and going, one killed with SIGKILL), Test-MSecureVault, a rolled-back
# file refused until accepted, and a damaged revision witness.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:testFolder = Enter-MSecureTestFolder integrity
    $script:workDir = $testFolder.WorkDir
    $script:passwordText = 'integrity tests vault password'
    $script:password = ConvertTo-SecureString $passwordText -AsPlainText -Force
    function script:Id([string] $errorId, [string] $command) { "$errorId,MSecure.PowerShell.Commands.$command" }
    function script:NewVault([string] $name) {
        $path = Join-Path $workDir "$name.msecure"
        $null = New-MSecureVault -Vault $path -Email "$name@example.com" -Password $password -WarningAction SilentlyContinue
        $path
    }
}

AfterAll {
    Exit-MSecureTestFolder $testFolder
}

Describe 'Several pwsh processes on one vault' {
    It 'loses no acknowledged record: a session held while others come and go, then killed with SIGKILL' {
        $vault = NewVault 'shared'
        Lock-MSecureVault -Vault $vault
        $environment = @{ MSECURE_PASSWORD = $passwordText; MSECURE_VAULT_DIR = $env:MSECURE_VAULT_DIR }
        $holderAcks = Join-Path $workDir 'holder.acks'

        # A PowerShell window: one session, writing and re-opening the vault until it is killed.
        $holder = Start-ChildPwsh -Environment $environment -Script @"
Unlock-MSecureVault -Vault '$vault'
for (`$i = 0; ; `$i++) {
    `$record = New-MSecureRecord -Vault '$vault' -Name "holder `$i" -Template Login -UserName holder -Field @{ Password = "h`$i" }
    [IO.File]::AppendAllText('$holderAcks', "holder `$i`n")
    if (`$i % 5 -eq 0) { `$null = Get-MSecureVault -Vault '$vault'; `$null = Export-MSecureEmergencyKit -Vault '$vault' }
}
"@
        try {
            $deadline = [DateTime]::UtcNow.AddMinutes(2)
            while (-not (Test-Path $holderAcks) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            if ($holder.HasExited) { throw "The holder stopped: $($holder.ErrorOutput.Result)" }

            # Pipeline steps: unlock, add, lock, exit, one after another beside the holder.
            $visitorAcks = @()
            foreach ($visitor in 1..3) {
                $result = Invoke-ChildPwsh -Environment $environment -Script @"
Unlock-MSecureVault -Vault '$vault'
foreach (`$i in 1..15) {
    `$null = New-MSecureRecord -Vault '$vault' -Name "visitor $visitor `$i" -Template Login -UserName visitor
    "visitor $visitor `$i"
}
Lock-MSecureVault -Vault '$vault'
"@
                $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
                $visitorAcks += $result.Output | Where-Object { $_ -like 'visitor *' }
            }
        }
        finally {
            $holder.Kill()
            $holder.WaitForExit()
        }

        $acknowledged = @($visitorAcks) + @(Get-Content $holderAcks)
        $acknowledged.Count | Should -BeGreaterThan 50
        Unlock-MSecureVault -Vault $vault -Password $password
        $names = @(Get-MSecureRecord -Vault $vault | ForEach-Object Name)
        $missing = @($acknowledged | Where-Object { $_ -notin $names })
        $missing | Should -BeNullOrEmpty -Because 'every record a process acknowledged must be in the vault'
        (Test-MSecureVault -Vault $vault).IsSound | Should -BeTrue
    }
}

Describe 'Test-MSecureVault' {
    It 'reports a sound vault with what it checked' {
        $vault = NewVault 'sound'
        $null = New-MSecureRecord -Vault $vault -Name one -Template Login -UserName a
        $null = New-MSecureRecord -Vault $vault -Name two -Template Login -UserName b
        Set-MSecureRecord -Vault $vault -Name one -UserName changed -Confirm:$false
        Remove-MSecureRecord -Vault $vault -Name two -Confirm:$false

        $report = Test-MSecureVault -Vault $vault

        $report.IsSound | Should -BeTrue
        $report.LiveRecords | Should -Be 1
        $report.RemovedRecords | Should -Be 1
        $report.HistoryEntries | Should -Be 2
        $report.Problems | Should -BeNullOrEmpty
        ($report | Out-String) | Should -Match 'sound\s+True|True'
        Test-MSecureVault -Vault $vault -Quiet | Should -BeTrue
    }

    It 'unlocks a locked vault just for the check, with the password given' {
        $vault = NewVault 'locked'
        Lock-MSecureVault -Vault $vault

        (Test-MSecureVault -Vault $vault -Password $password).IsSound | Should -BeTrue
        (Get-MSecureVault -Vault $vault).IsUnlocked | Should -BeFalse
    }

    It 'never prompts in a non-interactive session: PasswordRequired for a locked vault' {
        $vault = NewVault 'noprompt'
        Lock-MSecureVault -Vault $vault
        $result = Invoke-ChildPwsh -Script "try { Test-MSecureVault -Vault '$vault' } catch { `$_.FullyQualifiedErrorId }"

        $result.Output | Should -Be (Id 'PasswordRequired' 'TestMSecureVaultCommand')
    }
}

Describe 'A vault file older than this device saw' {
    It 'is VaultRolledBack until accepted on purpose with -AcceptRollback' {
        $vault = NewVault 'restored'
        $null = New-MSecureRecord -Vault $vault -Name 'kept' -Template Login -UserName a
        Lock-MSecureVault -Vault $vault
        $backup = Join-Path $workDir 'restored-backup.msecure'
        Copy-Item -LiteralPath $vault -Destination $backup

        Unlock-MSecureVault -Vault $vault -Password $password
        $null = New-MSecureRecord -Vault $vault -Name 'newer' -Template Login -UserName b
        Lock-MSecureVault -Vault $vault

        # Restore the older copy (no process holds the vault open now).
        Copy-Item -LiteralPath $backup -Destination $vault -Force
        $failure = $null
        try { Unlock-MSecureVault -Vault $vault -Password $password -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be (Id 'VaultRolledBack' 'UnlockMSecureVaultCommand')
        $failure.Exception.Message | Should -Match 'older state'

        Unlock-MSecureVault -Vault $vault -Password $password -AcceptRollback -WarningVariable warnings -WarningAction SilentlyContinue
        ($warnings -join ' ') | Should -Match 'Accepted with -AcceptRollback'
        @(Get-MSecureRecord -Vault $vault | ForEach-Object Name) | Should -Be @('kept')
        Lock-MSecureVault -Vault $vault
        Unlock-MSecureVault -Vault $vault -Password $password
        (Test-MSecureVault -Vault $vault).IsSound | Should -BeTrue
    }

    It 'a damaged revision witness is VaultRolledBack, and Test-MSecureVault reports it' {
        $vault = NewVault 'witness'
        $witness = "$vault.witness"
        $bytes = [IO.File]::ReadAllBytes($witness)
        $bytes[$bytes.Length - 1] = $bytes[$bytes.Length - 1] -bxor 0x40
        [IO.File]::WriteAllBytes($witness, $bytes)

        $report = Test-MSecureVault -Vault $vault -ErrorVariable checkErrors -ErrorAction SilentlyContinue
        $report.IsSound | Should -BeFalse
        ($report.Problems -join ' ') | Should -Match 'witness'
        $checkErrors[0].FullyQualifiedErrorId | Should -Be (Id 'VaultCheckFailed' 'TestMSecureVaultCommand')
        Test-MSecureVault -Vault $vault -Quiet | Should -BeFalse

        Lock-MSecureVault -Vault $vault
        { Unlock-MSecureVault -Vault $vault -Password $password -ErrorAction Stop } | Should -Throw -ErrorId 'VaultRolledBack,*'
        Unlock-MSecureVault -Vault $vault -Password $password -AcceptRollback -WarningAction SilentlyContinue
        Test-MSecureVault -Vault $vault -Quiet | Should -BeTrue
    }

    It 'makes a script fail with -ErrorAction Stop when the check finds a problem' {
        $vault = NewVault 'stop'
        $bytes = [IO.File]::ReadAllBytes("$vault.witness")
        $bytes[20] = $bytes[20] -bxor 0x01
        [IO.File]::WriteAllBytes("$vault.witness", $bytes)

        { Test-MSecureVault -Vault $vault -ErrorAction Stop } | Should -Throw -ErrorId 'VaultCheckFailed,*'

        # Locked, the vault does not even open: the same script stops on VaultRolledBack.
        $result = Invoke-ChildPwsh -Environment @{ MSECURE_PASSWORD = $passwordText } -Script "Test-MSecureVault -Vault '$vault' -ErrorAction Stop"
        $result.ExitCode | Should -Not -Be 0
        ($result.Output -join ' ') | Should -Match 'older state than this device last saw'
    }
}
