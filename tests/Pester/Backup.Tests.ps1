# Export-MSecureBackup and Import-MSecureBackup against real vaults; "another machine" is another MSECURE_VAULT_DIR.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:savedVaultDir = $env:MSECURE_VAULT_DIR
    $script:savedPassword = $env:MSECURE_PASSWORD
    $script:workDir = Join-Path ([System.IO.Path]::GetTempPath()) ("msecure-backup-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workDir
    $script:sourceDir = Join-Path $workDir 'source-machine'
    $env:MSECURE_VAULT_DIR = $sourceDir
    $env:MSECURE_PASSWORD = $null
    $script:password = ConvertTo-SecureString 'source vault password 2026' -AsPlainText -Force
    $script:backupPassword = ConvertTo-SecureString 'violet kettle backup 42' -AsPlainText -Force
    $script:secretText = 'Pa55-backup-secret-value'
    function script:Id([string] $errorId, [string] $command) { "$errorId,MSecure.PowerShell.Commands.$command" }
    function script:Use-Machine([string] $name) {
        $env:MSECURE_VAULT_DIR = Join-Path $workDir $name
    }

    $null = New-MSecureVault -Email backup@example.com -Password $password -WarningAction SilentlyContinue
    New-MSecureRecord -Name Mail -Template Login -UserName alice -Password (ConvertTo-SecureString 'first-value' -AsPlainText -Force) -Url https://mail.example.com
    Set-MSecureRecord -Name Mail -Password (ConvertTo-SecureString $secretText -AsPlainText -Force)
    New-MSecureRecord -Name 'Bank, "main" | account' -Template BankAccount -Notes "two`nlines"
    $script:kitPath = Join-Path $workDir 'kit.txt'
    Export-MSecureEmergencyKit -Path $kitPath -Format Text
}

AfterAll {
    Lock-MSecureVault -All
    $env:MSECURE_VAULT_DIR = $savedVaultDir
    $env:MSECURE_PASSWORD = $savedPassword
    Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Export-MSecureBackup' {
    BeforeEach { Use-Machine 'source-machine' }

    It 'writes an owner-only file that holds no secret in clear, and describes it' {
        $file = Join-Path $workDir 'password.msbackup'
        $backup = Export-MSecureBackup -Path $file -BackupPassword $backupPassword

        $backup.GetType().FullName | Should -Be 'MSecure.PowerShell.Models.MSecureBackup'
        $backup.Path | Should -Be $file
        $backup.Vault | Should -Be 'default'
        $backup.SealedWith | Should -Be 'Password'
        $backup.Records | Should -Be 2
        $backup.Revisions | Should -Be 3
        $backup.Length | Should -Be (Get-Item $file).Length
        if (-not $IsWindows) { (Get-Item $file).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite') }
        $text = [System.Text.Encoding]::Latin1.GetString([System.IO.File]::ReadAllBytes($file))
        $text | Should -Not -Match $secretText
        $text | Should -Not -Match 'Mail'
        ($backup | Out-String) | Should -Not -Match $secretText
    }

    It 'writes nothing with -WhatIf' {
        $file = Join-Path $workDir 'whatif.msbackup'
        Export-MSecureBackup -Path $file -AccountKey -WhatIf | Should -BeNullOrEmpty
        Test-Path $file | Should -BeFalse
    }

    It 'never replaces a file without -Force' {
        $file = Join-Path $workDir 'existing.msbackup'
        Set-Content -Path $file -Value 'keep me'
        { Export-MSecureBackup -Path $file -AccountKey -ErrorAction Stop } | Should -Throw -ErrorId (Id 'FileExists' 'ExportMSecureBackupCommand')
        Get-Content $file | Should -Be 'keep me'
        (Export-MSecureBackup -Path $file -AccountKey -Force).SealedWith | Should -Be 'AccountKey'
    }

    It 'refuses a weak backup password, and one it cannot ask for' {
        $file = Join-Path $workDir 'weak.msbackup'
        { Export-MSecureBackup -Path $file -BackupPassword (ConvertTo-SecureString 'short' -AsPlainText -Force) -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'WeakPassword' 'ExportMSecureBackupCommand')
        { Export-MSecureBackup -Path $file -ErrorAction Stop } | Should -Throw -ErrorId (Id 'PasswordRequired' 'ExportMSecureBackupCommand')
        Test-Path $file | Should -BeFalse
    }
}

Describe 'Import-MSecureBackup' {
    BeforeAll {
        Use-Machine 'source-machine'
        $script:passwordBackup = Join-Path $workDir 'restore-password.msbackup'
        $script:keyBackup = Join-Path $workDir 'restore-key.msbackup'
        $null = Export-MSecureBackup -Path $passwordBackup -BackupPassword $backupPassword
        $null = Export-MSecureBackup -Path $keyBackup -AccountKey
    }

    It 'restores a password backup on another machine, every record with its history' {
        Use-Machine 'machine-b'
        $null = New-MSecureVault -Email someone-else@example.com -Password $password -WarningAction SilentlyContinue

        $result = Import-MSecureBackup -Path $passwordBackup -BackupPassword $backupPassword

        $result.GetType().FullName | Should -Be 'MSecure.PowerShell.Models.MSecureBackupRestore'
        $result.WhatIf | Should -BeFalse
        $result.Added | Should -Be 2
        $result.SealedWith | Should -Be 'Password'
        (Get-MSecureRecord -Name Mail -AsPlainText).GetField('Password').Value | Should -Be $secretText
        $history = @(Get-MSecureRecordHistory -Name Mail -AsPlainText)
        $history.Count | Should -Be 1
        $history[0].GetField('Password').Value | Should -Be 'first-value'
        (Get-MSecureRecord -Name 'Bank, "main" | account' -AsPlainText).Notes | Should -Be "two`nlines"
        ($result | Out-String) | Should -Not -Match $secretText
        (Test-MSecureVault -Password $password).IsSound | Should -BeTrue
    }

    It 'restores an Account-Key backup on another machine with the emergency kit and its password' {
        Use-Machine 'machine-c'
        $null = New-MSecureVault -Email third@example.com -Password (ConvertTo-SecureString 'third machine password' -AsPlainText -Force) -WarningAction SilentlyContinue
        { Import-MSecureBackup -Path $keyBackup -ErrorAction Stop } | Should -Throw -ErrorId (Id 'BackupKeyWrong' 'ImportMSecureBackupCommand')
        { Import-MSecureBackup -Path $keyBackup -EmergencyKitPath $kitPath -Password $backupPassword -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'WrongPassword' 'ImportMSecureBackupCommand')

        $result = Import-MSecureBackup -Path $keyBackup -EmergencyKitPath $kitPath -Password $password

        $result.Added | Should -Be 2
        @(Get-MSecureRecord).Count | Should -Be 2
    }

    It '-WhatIf reports what would change and writes nothing' {
        Use-Machine 'machine-d'
        $null = New-MSecureVault -Email fourth@example.com -Password $password -WarningAction SilentlyContinue
        $before = (Test-MSecureVault -Password $password).Revision

        $result = Import-MSecureBackup -Path $passwordBackup -BackupPassword $backupPassword -WhatIf

        $result.WhatIf | Should -BeTrue
        $result.Added | Should -Be 2
        @(Get-MSecureRecord).Count | Should -Be 0
        (Test-MSecureVault -Password $password).Revision | Should -Be $before -Because 'every write transaction raises the vault revision'
    }

    It 'merges into the vault it came from: nothing duplicated, a removed record back with its history' {
        Use-Machine 'source-machine'
        Remove-MSecureRecord -Name Mail -Confirm:$false

        $result = Import-MSecureBackup -Path $keyBackup

        $result.Restored | Should -Be 1
        $result.Unchanged | Should -Be 1
        $result.Added | Should -Be 0
        @(Get-MSecureRecord).Count | Should -Be 2
        (Get-MSecureRecord -Name Mail -AsPlainText).GetField('Password').Value | Should -Be $secretText
        @(Get-MSecureRecordHistory -Name Mail).Count | Should -Be 2

        $again = Import-MSecureBackup -Path $keyBackup
        $again.Unchanged | Should -Be 2
        @(Get-MSecureRecord).Count | Should -Be 2
    }

    It 'fails with BackupKeyWrong for a wrong password and changes nothing' {
        Use-Machine 'machine-b'
        $count = @(Get-MSecureRecord).Count
        { Import-MSecureBackup -Path $passwordBackup -BackupPassword $password -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'BackupKeyWrong' 'ImportMSecureBackupCommand')
        @(Get-MSecureRecord).Count | Should -Be $count
    }

    It 'fails with BackupTampered for an altered or truncated file, and BackupInvalid for another file' {
        Use-Machine 'source-machine'
        $bytes = [System.IO.File]::ReadAllBytes($keyBackup)
        $altered = Join-Path $workDir 'altered.msbackup'
        $copy = [byte[]]$bytes.Clone()
        $copy[$copy.Length - 20] = $copy[$copy.Length - 20] -bxor 1
        [System.IO.File]::WriteAllBytes($altered, $copy)
        { Import-MSecureBackup -Path $altered -ErrorAction Stop } | Should -Throw -ErrorId (Id 'BackupTampered' 'ImportMSecureBackupCommand')

        $truncated = Join-Path $workDir 'truncated.msbackup'
        [System.IO.File]::WriteAllBytes($truncated, $bytes[0..($bytes.Length - 2)])
        { Import-MSecureBackup -Path $truncated -ErrorAction Stop } | Should -Throw -ErrorId (Id 'BackupTampered' 'ImportMSecureBackupCommand')

        $other = Join-Path $workDir 'other.csv'
        Set-Content -Path $other -Value 'Title,Username,Password'
        { Import-MSecureBackup -Path $other -ErrorAction Stop } | Should -Throw -ErrorId (Id 'BackupInvalid' 'ImportMSecureBackupCommand')
    }

    It 'takes backup files from the pipeline by FullName' {
        Use-Machine 'source-machine'
        $results = @(Get-Item $keyBackup | Import-MSecureBackup)
        $results.Count | Should -Be 1
        $results[0].Path | Should -Be $keyBackup
    }
}
