# The fixes of the security review: kits saved before key changes, prompting only in interactive
# hosts, new passwords, leases against the idle timeout, notes as SecureStrings, error safety
# nets and the password file cap.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:savedVaultDir = $env:MSECURE_VAULT_DIR
    $script:savedPassword = $env:MSECURE_PASSWORD
    $script:workDir = Join-Path ([System.IO.Path]::GetTempPath()) ("msecure-review-" + [guid]::NewGuid().ToString('N'))
    $script:vaultDir = Join-Path $workDir 'vaults'
    $env:MSECURE_VAULT_DIR = $vaultDir
    $env:MSECURE_PASSWORD = $null
    function script:Secure([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
    function script:Id([string] $errorId, [string] $command) { "$errorId,MSecure.PowerShell.Commands.$command" }
    $script:password = Secure 'review password, long enough'
    $null = New-MSecureVault -Vault review -Email review@example.com -Password $password -WarningAction SilentlyContinue
}

AfterAll {
    Lock-MSecureVault -All
    $env:MSECURE_VAULT_DIR = $savedVaultDir
    $env:MSECURE_PASSWORD = $savedPassword
    Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Key changes create the kit file before changing anything' {
    It 'Set-MSecurePassword with -KitPath in a missing folder fails with KitFileWriteFailed and changes nothing' {
        $kitPath = Join-Path $workDir 'no-such-folder/kit.html'
        $new = Secure 'a new password that is never set'

        { Set-MSecurePassword -Vault review -Password $password -NewPassword $new -KitPath $kitPath -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'KitFileWriteFailed' 'SetMSecurePasswordCommand') -ExpectedMessage '*Nothing was changed*'

        Lock-MSecureVault -Vault review
        { Unlock-MSecureVault -Vault review -Password $password -ErrorAction Stop } | Should -Not -Throw -Because 'the old password still opens the vault'
    }

    It 'Reset-MSecureAccountKey with -KitPath in a missing folder changes nothing either' {
        $kitPath = Join-Path $workDir 'no-such-folder/kit.html'
        $before = Export-MSecureEmergencyKit -Vault review

        { Reset-MSecureAccountKey -Vault review -Password $password -KitPath $kitPath -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'KitFileWriteFailed' 'ResetMSecureAccountKeyCommand')

        Export-MSecureEmergencyKit -Vault review | Should -Be $before
    }

    It 'leaves no kit file behind when the change fails (WrongPassword)' {
        $kitPath = Join-Path $workDir 'wrong-password-kit.html'

        { Set-MSecurePassword -Vault review -Password (Secure 'wrong') -NewPassword (Secure 'a long enough new password') -KitPath $kitPath -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'WrongPassword' 'SetMSecurePasswordCommand')

        Test-Path $kitPath | Should -BeFalse
    }

    It 'writes the kit owner-only after the change' {
        $kitPath = Join-Path $workDir 'changed-kit.html'
        $new = Secure 'the changed password'

        $kit = Set-MSecurePassword -Vault review -Password $password -NewPassword $new -KitPath $kitPath -Confirm:$false -WarningAction SilentlyContinue
        $null = Set-MSecurePassword -Vault review -Password $new -NewPassword $password -KitPath (Join-Path $workDir 'back-kit.html') -Confirm:$false -WarningAction SilentlyContinue

        $kit.FullName | Should -Be $kitPath
        Get-Content -Raw $kitPath | Should -Match 'MSecure Emergency Kit'
        if (-not $IsWindows) { (Get-Item $kitPath).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite') }
    }
}

Describe 'New passwords' {
    It 'New-MSecureVault refuses an empty password: PasswordEmpty' {
        { New-MSecureVault -Vault empty -Email e@example.com -Password (New-Object System.Security.SecureString) -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'PasswordEmpty' 'NewMSecureVaultCommand')

        Test-Path (Join-Path $vaultDir 'empty.msecure') | Should -BeFalse
    }

    It 'New-MSecureVault refuses a credential with an empty password: PasswordEmpty' {
        $credential = [pscredential]::new('user', (New-Object System.Security.SecureString))

        { New-MSecureVault -Vault empty -Email e@example.com -Credential $credential -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'PasswordEmpty' 'NewMSecureVaultCommand')
    }

    It 'Set-MSecurePassword refuses an empty -NewPassword: PasswordEmpty' {
        { Set-MSecurePassword -Vault review -Password $password -NewPassword (New-Object System.Security.SecureString) -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'PasswordEmpty' 'SetMSecurePasswordCommand')
    }

    It 'Set-MSecurePassword without -NewPassword fails in a non-interactive session: PasswordRequired' {
        (Get-Command Set-MSecurePassword).Parameters['NewPassword'].Attributes.Where({ $_ -is [Parameter] }).Mandatory | Should -BeFalse
        $kitPath = Join-Path $workDir 'never-written.html'

        { Set-MSecurePassword -Vault review -Password $password -KitPath $kitPath -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'PasswordRequired' 'SetMSecurePasswordCommand')

        Test-Path $kitPath | Should -BeFalse
    }

    It 'New-MSecureVault without a password fails in a non-interactive session: PasswordRequired' {
        { New-MSecureVault -Vault nopassword -Email e@example.com -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'PasswordRequired' 'NewMSecureVaultCommand')
    }
}

Describe 'Background jobs never prompt' {
    It 'Start-Job { Unlock-MSecureVault } fails fast with PasswordRequired' {
        $module = Get-MSecureModulePath
        $job = Start-Job -ScriptBlock {
            param($module, $vaultDir)
            $env:MSECURE_VAULT_DIR = $vaultDir
            $env:MSECURE_PASSWORD = $null
            Import-Module $module
            try {
                Unlock-MSecureVault -Vault review -ErrorAction Stop
                'unlocked'
            }
            catch {
                $_.FullyQualifiedErrorId
            }
        } -ArgumentList $module, $vaultDir
        try {
            $finished = Wait-Job $job -Timeout 60
            $finished | Should -Not -BeNullOrEmpty -Because 'a job must not hang on a prompt'
            Receive-Job $job | Should -Be (Id 'PasswordRequired' 'UnlockMSecureVaultCommand')
        }
        finally {
            Remove-Job $job -Force
        }
    }
}

Describe 'The idle timeout never locks a vault in use' {
    It 'a pipeline slower than -Timeout completes, and the vault locks once idle' {
        Unlock-MSecureVault -Vault review -Password $password -Timeout 00:00:02
        1..2 | ForEach-Object { New-MSecureRecord -Vault review -Name "slow $_" -Template Login }

        Get-MSecureRecord -Vault review -Name 'slow*' |
            ForEach-Object { Start-Sleep -Milliseconds 2500; $_ } |
            Set-MSecureRecord -Notes 'touched' -ErrorAction Stop

        (Get-MSecureRecord -Vault review -Name 'slow*' -AsPlainText).Notes | Should -Be @('touched', 'touched')
        Start-Sleep -Seconds 3
        { Get-MSecureRecord -Vault review -ErrorAction Stop } | Should -Throw -ErrorId (Id 'VaultLocked' 'GetMSecureRecordCommand')
        Unlock-MSecureVault -Vault review -Password $password
    }
}

Describe 'Notes are SecureStrings unless -AsPlainText' {
    BeforeAll {
        $script:noteText = 'the vault PIN is 8642-secret-note'
        $script:secretText = 'S3cret-field-value'
        $null = New-MSecureRecord -Vault review -Name 'note' -Template SecureNote -Notes (Secure $noteText)
        $null = New-MSecureRecord -Vault review -Name 'login' -Template Login -UserName u -Password (Secure $secretText) -Notes $noteText -Field @{ Key = (Secure $secretText) }
    }

    It 'writes Notes as a SecureString for <Name>' -TestCases @(@{ Name = 'note' }, @{ Name = 'login' }) {
        $record = Get-MSecureRecord -Vault review -Name $Name

        $record.Notes | Should -BeOfType [System.Security.SecureString]
        (Get-MSecureRecord -Vault review -Name $Name -AsPlainText).Notes | Should -Be $noteText
    }

    It '<How> of <Name> never shows the note or a secret' -TestCases @(
        @{ Name = 'note'; How = 'ConvertTo-Json'; Render = { param($r) $r | ConvertTo-Json -Depth 5 } }
        @{ Name = 'login'; How = 'ConvertTo-Json'; Render = { param($r) $r | ConvertTo-Json -Depth 5 } }
        @{ Name = 'note'; How = 'Select Notes | ConvertTo-Json'; Render = { param($r) $r | Select-Object Notes | ConvertTo-Json } }
        @{ Name = 'login'; How = 'Select * | Out-String'; Render = { param($r) $r | Select-Object * | Out-String } }
        @{ Name = 'login'; How = 'Format-List'; Render = { param($r) $r | Format-List | Out-String } }
    ) {
        $text = & $Render (Get-MSecureRecord -Vault review -Name $Name)

        $text | Should -Not -Match ([regex]::Escape($noteText))
        $text | Should -Not -Match ([regex]::Escape($secretText))
    }

    It 'copies a record through the pipeline with its notes intact' {
        Get-MSecureRecord -Vault review -Name note | New-MSecureRecord -Vault review -Name 'note copy' -Template SecureNote

        (Get-MSecureRecord -Vault review -Name 'note copy' -AsPlainText).Notes | Should -Be $noteText
    }

    It 'Set-MSecureRecord takes -Notes as a SecureString or a String' {
        Set-MSecureRecord -Vault review -Name note -Notes (Secure 'secure notes')
        (Get-MSecureRecord -Vault review -Name note -AsPlainText).Notes | Should -Be 'secure notes'

        Set-MSecureRecord -Vault review -Name note -Notes 'plain notes'
        (Get-MSecureRecord -Vault review -Name note -AsPlainText).Notes | Should -Be 'plain notes'
    }

    It 'warns when a secret field of the template is given as plain text' {
        Set-MSecureRecord -Vault review -Name login -Field @{ Password = 'plain-secret' } -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'plain text'

        Set-MSecureRecord -Vault review -Name login -Field @{ Note2 = 'not secret' } -WarningVariable quiet -WarningAction SilentlyContinue
        $quiet | Should -BeNullOrEmpty
    }
}

Describe 'File and argument failures are non-terminating errors with stable ErrorIds' {
    It 'New-MSecureVault under a file: <Id>' -TestCases @(@{ Id = 'FileAccessFailed|VaultStorageFailed' }) -Skip:$IsWindows {
        $file = Join-Path $workDir 'a-file'
        Set-Content -LiteralPath $file -Value x

        $errors = @()
        New-MSecureVault -Vault (Join-Path $file 'sub/x.msecure') -Email e@example.com -Password $password -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Match "^($Id),"
    }

    It 'a -PasswordFile larger than 64 KiB (/dev/zero) fails fast: PasswordFileInvalid' -Skip:$IsWindows {
        Lock-MSecureVault -Vault review
        $watch = [System.Diagnostics.Stopwatch]::StartNew()

        { Unlock-MSecureVault -Vault review -PasswordFile /dev/zero -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'PasswordFileInvalid' 'UnlockMSecureVaultCommand')

        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        Unlock-MSecureVault -Vault review -Password $password
    }
}
