BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:savedVaultDir = $env:MSECURE_VAULT_DIR
    $script:savedPassword = $env:MSECURE_PASSWORD
    # Not TestDrive: Pester empties it at the end of each Describe, and these vaults span them.
    $script:workDir = Join-Path ([System.IO.Path]::GetTempPath()) ("msecure-pester-" + [guid]::NewGuid().ToString('N'))
    $script:vaultDir = Join-Path $workDir 'vaults'
    $env:MSECURE_VAULT_DIR = $vaultDir
    $env:MSECURE_PASSWORD = $null
    $script:passwordText = 'correct horse battery staple'
    $script:password = ConvertTo-SecureString $passwordText -AsPlainText -Force
    $script:wrong = ConvertTo-SecureString 'not the password' -AsPlainText -Force
    function script:Id([string] $errorId, [string] $command) { "$errorId,MSecure.PowerShell.Commands.$command" }
}

AfterAll {
    Lock-MSecureVault -All
    $env:MSECURE_VAULT_DIR = $savedVaultDir
    $env:MSECURE_PASSWORD = $savedPassword
    Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'New-MSecureVault' {
    It 'creates an unlocked vault in the vault folder and warns to save the kit' {
        $info = New-MSecureVault -Vault alpha -Email alice@example.com -Password $password -WarningVariable warnings -WarningAction SilentlyContinue

        $info.GetType().FullName | Should -Be 'MSecure.PowerShell.Models.MSecureVaultInfo'
        $info.Name | Should -Be 'alpha'
        $info.Path | Should -Be (Join-Path $vaultDir 'alpha.msecure')
        $info.Email | Should -Be 'alice@example.com'
        $info.RecordCount | Should -Be 0
        $info.IsUnlocked | Should -BeTrue
        $info.KdfParameters | Should -Be 'Argon2id m=65536 KiB t=3 p=4'
        $info.Path | Should -Exist
        "$warnings" | Should -Match 'Export-MSecureEmergencyKit'
    }

    It 'refuses to overwrite a vault: VaultAlreadyExists' {
        { New-MSecureVault -Vault alpha -Email alice@example.com -Password $password -ErrorAction Stop -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId (Id 'VaultAlreadyExists' 'NewMSecureVaultCommand')
    }

    It 'rejects a bad vault name: InvalidVaultName' {
        { New-MSecureVault -Vault 'bad name!' -Email alice@example.com -Password $password -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'InvalidVaultName' 'NewMSecureVaultCommand')
    }

    It 'creates nothing with -WhatIf' {
        New-MSecureVault -Vault whatif -Email alice@example.com -Password $password -WhatIf

        Join-Path $vaultDir 'whatif.msecure' | Should -Not -Exist
    }

    It 'creates a vault at a path given to -Vault' {
        $path = Join-Path $workDir 'elsewhere/team.msecure'
        $info = New-MSecureVault -Vault $path -Email team@example.com -Password $password -WarningAction SilentlyContinue

        $info.Path | Should -Be $path
        $path | Should -Exist
    }
}

Describe 'Get-MSecureVault' {
    BeforeAll {
        $null = New-MSecureVault -Vault beta -Email bob@example.com -Password $password -WarningAction SilentlyContinue
    }

    It 'lists every vault of the folder' {
        (Get-MSecureVault).Name | Should -Be @('alpha', 'beta')
    }

    It 'matches names with wildcards' {
        (Get-MSecureVault -Vault 'al*').Name | Should -Be 'alpha'
        Get-MSecureVault -Vault 'zz*' | Should -BeNullOrEmpty
    }

    It 'reports a missing vault: VaultNotFound' {
        { Get-MSecureVault -Vault nope -ErrorAction Stop } | Should -Throw -ErrorId (Id 'VaultNotFound' 'GetMSecureVaultCommand')
    }

    It 'takes paths from Get-ChildItem by property name' {
        (Get-ChildItem $vaultDir -Filter *.msecure | Get-MSecureVault).Name | Should -Be @('alpha', 'beta')
    }

    It 'shows a table without anything secret' {
        $text = Get-MSecureVault | Out-String -Width 300

        $text | Should -Match 'alpha\s+False\s+alice@example.com\s+0\s+True'
        $text | Should -Not -Match $passwordText
    }
}

Describe 'Lock-MSecureVault and Unlock-MSecureVault' {
    It 'locks a vault' {
        Lock-MSecureVault -Vault alpha

        (Get-MSecureVault alpha).IsUnlocked | Should -BeFalse
    }

    It 'rejects a wrong password: WrongPassword' {
        { Unlock-MSecureVault -Vault alpha -Password $wrong -ErrorAction Stop } | Should -Throw -ErrorId (Id 'WrongPassword' 'UnlockMSecureVaultCommand')
        (Get-MSecureVault alpha).IsUnlocked | Should -BeFalse
    }

    It 'unlocks with -Password and -Timeout, and -PassThru writes the vault' {
        $before = [datetimeoffset]::UtcNow
        $info = Unlock-MSecureVault -Vault alpha -Password $password -Timeout (New-TimeSpan -Minutes 3) -PassThru

        $info.IsUnlocked | Should -BeTrue
        $info.LockExpiresAt | Should -BeGreaterThan $before.AddMinutes(3).AddSeconds(-1)
        $info.LockExpiresAt | Should -BeLessThan ([datetimeoffset]::UtcNow.AddMinutes(3).AddSeconds(1))
    }

    It 'takes the password from the pipeline' {
        Lock-MSecureVault alpha
        $password | Unlock-MSecureVault -Vault alpha

        (Get-MSecureVault alpha).IsUnlocked | Should -BeTrue
    }

    It 'unlocks with -Credential' {
        Lock-MSecureVault alpha
        Unlock-MSecureVault -Vault alpha -Credential ([pscredential]::new('ignored', $password))

        (Get-MSecureVault alpha).IsUnlocked | Should -BeTrue
    }

    It 'unlocks with -PasswordFile (one trailing newline removed)' {
        Lock-MSecureVault alpha
        $file = Join-Path $workDir 'password.txt'
        Set-Content -Path $file -Value $passwordText -NoNewline:$false
        if (-not $IsWindows) { chmod 600 $file }
        Unlock-MSecureVault -Vault alpha -PasswordFile $file -WarningVariable warnings

        (Get-MSecureVault alpha).IsUnlocked | Should -BeTrue
        $warnings | Should -BeNullOrEmpty
    }

    It 'warns when other users can read the password file' -Skip:$IsWindows {
        $file = Join-Path $workDir 'shared-password.txt'
        Set-Content -Path $file -Value $passwordText
        chmod 644 $file
        Unlock-MSecureVault -Vault alpha -PasswordFile $file -WarningVariable warnings -WarningAction SilentlyContinue

        "$warnings" | Should -Match 'can be read by other users'
    }

    It 'reports a missing or empty password file' {
        { Unlock-MSecureVault -Vault alpha -PasswordFile (Join-Path $workDir 'missing.txt') } | Should -Throw -ErrorId (Id 'PasswordFileUnreadable' 'UnlockMSecureVaultCommand')
        $empty = Join-Path $workDir 'empty.txt'
        Set-Content -Path $empty -Value ''
        { Unlock-MSecureVault -Vault alpha -PasswordFile $empty } | Should -Throw -ErrorId (Id 'PasswordFileInvalid' 'UnlockMSecureVaultCommand')
    }

    It 'refuses two password sources: PasswordSourceConflict' {
        { Unlock-MSecureVault -Vault alpha -Password $password -Credential ([pscredential]::new('x', $password)) } |
            Should -Throw -ErrorId (Id 'PasswordSourceConflict' 'UnlockMSecureVaultCommand')
    }

    It 'reads MSECURE_PASSWORD when no password parameter is given' {
        Lock-MSecureVault alpha
        $env:MSECURE_PASSWORD = $passwordText
        try {
            Unlock-MSecureVault -Vault alpha
        }
        finally {
            $env:MSECURE_PASSWORD = $null
        }

        (Get-MSecureVault alpha).IsUnlocked | Should -BeTrue
    }

    It 'never prompts in a non-interactive session: PasswordRequired' {
        $result = Invoke-ChildPwsh -Environment @{ MSECURE_VAULT_DIR = $vaultDir; MSECURE_PASSWORD = $null } -Script @'
try { Unlock-MSecureVault -Vault alpha -ErrorAction Stop; 'unlocked' } catch { $_.FullyQualifiedErrorId }
'@
        $result.Output | Should -Be (Id 'PasswordRequired' 'UnlockMSecureVaultCommand')
    }

    It 'unlocks a vault piped from Get-MSecureVault' {
        Lock-MSecureVault -All
        Get-MSecureVault beta | Unlock-MSecureVault -Password $password

        (Get-MSecureVault beta).IsUnlocked | Should -BeTrue
        (Get-MSecureVault alpha).IsUnlocked | Should -BeFalse
    }

    It 'locks itself after the idle timeout' {
        Unlock-MSecureVault -Vault alpha -Password $password -Timeout (New-TimeSpan -Seconds 1)
        (Get-MSecureVault alpha).IsUnlocked | Should -BeTrue
        Start-Sleep -Milliseconds 1500

        (Get-MSecureVault alpha).IsUnlocked | Should -BeFalse
    }

    It 'rejects a timeout out of range: InvalidArgument' {
        { Unlock-MSecureVault -Vault alpha -Password $password -Timeout (New-TimeSpan -Days 8) -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'InvalidArgument' 'UnlockMSecureVaultCommand')
    }

    It 'does not unlock with -WhatIf' {
        Lock-MSecureVault alpha
        Unlock-MSecureVault -Vault alpha -Password $password -WhatIf

        (Get-MSecureVault alpha).IsUnlocked | Should -BeFalse
    }

    It 'locks every vault with -All' {
        Unlock-MSecureVault -Vault alpha -Password $password
        Lock-MSecureVault -All

        (Get-MSecureVault).IsUnlocked | Should -Not -Contain $true
    }

    It 'locks every vault when the module is removed' {
        $result = Invoke-ChildPwsh -Environment @{ MSECURE_VAULT_DIR = $vaultDir } -Script @"
`$pw = ConvertTo-SecureString '$passwordText' -AsPlainText -Force
Unlock-MSecureVault -Vault alpha -Password `$pw
(Get-MSecureVault alpha).IsUnlocked
Remove-Module MSecure
Import-Module '$(Get-MSecureModulePath)'
(Get-MSecureVault alpha).IsUnlocked
"@
        $result.Output | Should -Be @('True', 'False')
    }
}

Describe 'Vault name completion' {
    It 'completes -Vault of <Command>' -TestCases @(@{ Command = 'Unlock-MSecureVault' }, @{ Command = 'Lock-MSecureVault' }, @{ Command = 'Get-MSecureVault' }) {
        $line = "$Command -Vault al"
        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length

        $completions.CompletionMatches.CompletionText | Should -Be @('alpha')
    }

    It 'lists every vault for an empty word' {
        $line = 'Unlock-MSecureVault -Vault '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('alpha', 'beta')
    }
}
