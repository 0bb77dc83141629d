# Issue 6, part 3: hostile and awkward input. Paths against $PWD and never the process directory,
# names that can never be paths, control and bidirectional characters, long notes, weak passwords.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:testFolder = Enter-MSecureTestFolder hostile
    $script:workDir = $testFolder.WorkDir
    $script:vaultDir = $testFolder.VaultDir
    function script:Secure([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
    function script:Id([string] $errorId, [string] $command) { "$errorId,MSecure.PowerShell.Commands.$command" }
    # What a terminal would act on: C0/C1 controls (but the views' own line breaks), bidi formatting, line separators.
    function script:Test-Raw([string] $text) { $text -match '[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]' }
    $script:password = Secure 'hostile input vault password'
    $null = New-MSecureVault -Vault hostile -Email hostile@example.com -Password $password -WarningAction SilentlyContinue
    $script:esc = [char]0x1B
    $script:rlo = [char]0x202E
}

AfterAll {
    Exit-MSecureTestFolder $testFolder
}

Describe 'Vault paths are PowerShell paths, relative to $PWD; names are only names' {
    BeforeAll {
        $script:here = Join-Path $workDir 'here'
        $script:processDir = Join-Path $workDir 'process'
        $null = New-Item -ItemType Directory -Path (Join-Path $here 'inner'), $processDir -Force
    }

    BeforeEach {
        $script:savedProcessDir = [System.Environment]::CurrentDirectory
        [System.Environment]::CurrentDirectory = Join-Path $processDir '.'
        Push-Location (Join-Path $here 'inner')
    }

    AfterEach {
        Pop-Location
        [System.Environment]::CurrentDirectory = $savedProcessDir
    }

    It 'New-MSecureVault -Vault ./x.msecure lands in $PWD, not in the process directory' {
        $info = New-MSecureVault -Vault ./x.msecure -Email a@example.com -Password $password -WarningAction SilentlyContinue

        $info.Path | Should -Be (Join-Path $here 'inner/x.msecure')
        Join-Path $here 'inner/x.msecure' | Should -Exist
        Join-Path $processDir 'x.msecure' | Should -Not -Exist
    }

    It '-Vault ../y is a path relative to $PWD, never resolved against the process directory' {
        $info = New-MSecureVault -Vault ../y -Email a@example.com -Password $password -WarningAction SilentlyContinue

        $info.Path | Should -Be (Join-Path $here 'y')
        Join-Path $workDir 'y' | Should -Not -Exist -Because 'that is ../y from the process directory'
        (Get-MSecureVault ../y).Path | Should -Be (Join-Path $here 'y')
        Lock-MSecureVault -Vault ../y
        (Get-MSecureVault ../y).IsUnlocked | Should -BeFalse
    }

    It 'a value with a directory separator is a path, even without the extension' {
        $null = New-Item -ItemType Directory -Path (Join-Path $here 'inner/sub') -Force
        $info = New-MSecureVault -Vault sub/z -Email a@example.com -Password $password -WarningAction SilentlyContinue

        $info.Path | Should -Be (Join-Path $here 'inner/sub/z')
        Join-Path $vaultDir 'sub' | Should -Not -Exist
    }

    It 'a path to a missing vault is VaultNotFound at the resolved path: <Value>' -TestCases @(
        @{ Value = '../nope.msecure'; Expected = 'nope.msecure' }
        @{ Value = '/no/such/folder/vault'; Expected = '/no/such/folder/vault' }
    ) {
        $failure = $null
        try { Get-MSecureRecord -Vault $Value -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -Be (Id 'VaultNotFound' 'GetMSecureRecordCommand')
        $failure.Exception.Message | Should -BeLike "*$Expected*"
    }

    It 'a name stays in the vault folder: x.y is the vault folder''s x.y.msecure' {
        $info = New-MSecureVault -Vault x.y -Email a@example.com -Password $password -WarningAction SilentlyContinue

        $info.Path | Should -Be (Join-Path $vaultDir 'x.y.msecure')
    }

    # <Shown> names the case: a NUL in a test's name would break Pester's NUnit XML report.
    It 'a value that is neither a valid name nor a path is InvalidVaultName: <Shown>' -TestCases @(
        @{ Value = 'bad name'; Shown = 'bad name' }, @{ Value = '..'; Shown = '..' }, @{ Value = 'semi;colon'; Shown = 'semi;colon' }
        @{ Value = "nul`0name"; Shown = 'nul\0name' }
    ) {
        { Get-MSecureRecord -Vault $Value -ErrorAction Stop } | Should -Throw -ErrorId (Id 'InvalidVaultName' 'GetMSecureRecordCommand')
    }

    It 'a path of another provider is refused: InvalidArgument' {
        { Get-MSecureRecord -Vault 'Env:/x.msecure' -ErrorAction Stop } | Should -Throw -ErrorId (Id 'InvalidArgument' 'GetMSecureRecordCommand')
    }

    It 'Get-MSecureVault matches wildcard paths relative to $PWD' {
        (Get-MSecureVault ./*.msecure).Path | Should -Be @((Join-Path $here 'inner/x.msecure'))
        Get-MSecureVault ./nothing*.msecure | Should -BeNullOrEmpty
    }

    It 'a relative MSECURE_VAULT_DIR is refused, not resolved against the process directory' {
        $env:MSECURE_VAULT_DIR = 'relative/vaults'
        try {
            { Get-MSecureRecord -Vault somename -ErrorAction Stop } | Should -Throw -ErrorId (Id 'InvalidArgument' 'GetMSecureRecordCommand')
        }
        finally {
            $env:MSECURE_VAULT_DIR = $vaultDir
        }
    }
}

Describe 'Control and bidirectional characters' {
    It 'a record name with <What> is refused: InvalidRecord, naming the position, never echoing it' -TestCases @(
        @{ What = 'NUL'; Character = [string][char]0 }
        @{ What = 'ESC (an ANSI sequence)'; Character = "$([char]0x1B)[2J" }
        @{ What = 'BEL'; Character = [string][char]7 }
        @{ What = 'a C1 control (CSI)'; Character = [string][char]0x9B }
        @{ What = 'a right-to-left override'; Character = [string][char]0x202E }
        @{ What = 'a right-to-left isolate'; Character = [string][char]0x2067 }
        @{ What = 'a line separator'; Character = [string][char]0x2028 }
        @{ What = 'a newline'; Character = "`n" }
    ) {
        $failure = $null
        try { New-MSecureRecord -Vault hostile -Name "abc$($Character)def" -Template Login -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -Be (Id 'InvalidRecord' 'NewMSecureRecordCommand')
        $failure.Exception.Message | Should -Match 'character 4 is U\+[0-9A-F]{4}'
        Test-Raw $failure.Exception.Message | Should -BeFalse
        (Get-MSecureVault hostile).RecordCount | Should -Be 0
    }

    It 'a field label or a tag with an escape sequence is refused too' {
        { New-MSecureRecord -Vault hostile -Name ok -Template Login -Field @{ "bad$($esc)[31mlabel" = 'v' } -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'InvalidRecord' 'NewMSecureRecordCommand')
        { New-MSecureRecord -Vault hostile -Name ok -Template Login -Tag "tag$rlo" -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'InvalidRecord' 'NewMSecureRecordCommand')
        { Set-MSecureRecord -Vault hostile -Name nope -NewName "x$esc" -ErrorAction Stop } | Should -Throw
    }

    It 'values may hold them, but every view and ToString shows them escaped' {
        $null = New-MSecureRecord -Vault hostile -Name 'values' -Template Login -UserName "bob$($esc)]0;owned$([char]7)" -Url "https://example.com/$($rlo)gpj.exe" -Field @{ Note = "line1`nline2$esc[31m" } -Notes "notes$esc[2J"
        $record = Get-MSecureRecord -Vault hostile values -AsPlainText

        $record.UserName | Should -Be "bob$($esc)]0;owned$([char]7)" -Because 'the value itself is kept as given'
        foreach ($text in ($record | Out-String -Width 300), ($record | Format-List | Out-String -Width 300), ($record.Fields | Out-String -Width 300), "$record $($record.Fields)") {
            Test-Raw $text | Should -BeFalse
        }
        $record | Format-List | Out-String -Width 300 | Should -Match ([regex]::Escape('bob\x1B]0;owned\x07'))
        $record | Format-List | Out-String -Width 300 | Should -Match ([regex]::Escape('https://example.com/\u202Egpj.exe'))
    }

    It 'error messages quote names escaped: <Case>' -TestCases @(
        @{ Case = 'RecordNotFound'; Run = { Get-MSecureRecord -Vault hostile -Name "no$($esc)such" -ErrorAction Stop }; Id = 'RecordNotFound' }
        @{ Case = 'InvalidVaultName'; Run = { Get-MSecureRecord -Vault "v$($esc)x" -ErrorAction Stop }; Id = 'InvalidVaultName' }
        @{ Case = 'VaultNotFound (a path)'; Run = { Get-MSecureRecord -Vault "./v$($esc)x.msecure" -ErrorAction Stop }; Id = 'VaultNotFound' }
        @{ Case = 'FieldNotFound'; Run = { Get-MSecureRecord -Vault hostile -Name values -Field "f$($rlo)x" -ErrorAction Stop }; Id = 'FieldNotFound' }
    ) {
        $failure = $null
        try { & $Run } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -Be (Id $Id 'GetMSecureRecordCommand')
        Test-Raw $failure.Exception.Message | Should -BeFalse
        Test-Raw "$failure" | Should -BeFalse
        Test-Raw $failure.CategoryInfo.GetMessage() | Should -BeFalse
        "$failure" | Should -Match '\\x1B|\\u202E'
    }

    It 'an email with a bidirectional override is refused: InvalidArgument' {
        { New-MSecureVault -Vault bidi -Email "moc.elpmaxe@$($rlo)alice" -Password $password -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'InvalidArgument' 'NewMSecureVaultCommand')
        Join-Path $vaultDir 'bidi.msecure' | Should -Not -Exist
    }
}

Describe 'Notes and SecureString agree on 65,536 characters' {
    It 'notes of 65,536 characters are stored and read back as a SecureString' {
        $null = New-MSecureRecord -Vault hostile -Name 'long notes' -Template SecureNote -Notes ('n' * 65536)

        (Get-MSecureRecord -Vault hostile 'long notes').Notes.Length | Should -Be 65536
        (Get-MSecureRecord -Vault hostile 'long notes' -Field Notes) | Should -BeOfType [securestring]
    }

    It 'longer notes are refused when written: InvalidRecord, and nothing is stored' {
        { New-MSecureRecord -Vault hostile -Name 'too long' -Template SecureNote -Notes ('n' * 65537) -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'InvalidRecord' 'NewMSecureRecordCommand') -ExpectedMessage '*at most 65536*'
        Get-MSecureRecord -Vault hostile 'too long' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        { Set-MSecureRecord -Vault hostile 'long notes' -Notes ('n' * 70000) -ErrorAction Stop } | Should -Throw -ErrorId (Id 'InvalidRecord' 'SetMSecureRecordCommand')
    }

    It 'an over-long MSECURE_PASSWORD is a clear error, not a runtime exception: SecretTooLong' {
        Lock-MSecureVault -Vault hostile
        $env:MSECURE_PASSWORD = 'p' * 70000
        try {
            { Unlock-MSecureVault -Vault hostile -ErrorAction Stop } | Should -Throw -ErrorId (Id 'SecretTooLong' 'UnlockMSecureVaultCommand')
        }
        finally {
            $env:MSECURE_PASSWORD = $null
            Unlock-MSecureVault -Vault hostile -Password $password
        }
    }
}

Describe 'Weak vault passwords' {
    It 'New-MSecureVault refuses <Password>: WeakPassword, and creates nothing' -TestCases @(
        @{ Password = 'a' }, @{ Password = '1' }, @{ Password = ' ' }, @{ Password = 'password1234' }, @{ Password = 'qwertyuiop123' }, @{ Password = 'P@ssw0rd2024!' }, @{ Password = 'aaaaaaaaaaaaaaaa' }, @{ Password = 'abacus123456' }
    ) {
        $failure = $null
        try { New-MSecureVault -Vault weak -Email w@example.com -Password (Secure $Password) -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -Be (Id 'WeakPassword' 'NewMSecureVaultCommand')
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -Match 'at least 12 characters'
        $failure.Exception.Message | Should -Match 'AllowWeakPassword'
        if ($Password.Trim().Length -gt 1) { $failure.Exception.Message | Should -Not -Match ([regex]::Escape($Password)) }
        Join-Path $vaultDir 'weak.msecure' | Should -Not -Exist
    }

    It 'the policy also applies to MSECURE_PASSWORD and -PasswordFile' {
        $env:MSECURE_PASSWORD = 'letmein'
        try {
            { New-MSecureVault -Vault weak -Email w@example.com -ErrorAction Stop } | Should -Throw -ErrorId (Id 'WeakPassword' 'NewMSecureVaultCommand')
        }
        finally {
            $env:MSECURE_PASSWORD = $null
        }
        $file = Join-Path $workDir 'weak.txt'
        Set-Content -Path $file -Value 'iloveyou2024'
        if (-not $IsWindows) { chmod 600 $file }
        { New-MSecureVault -Vault weak -Email w@example.com -PasswordFile $file -ErrorAction Stop } | Should -Throw -ErrorId (Id 'WeakPassword' 'NewMSecureVaultCommand')
    }

    It 'accepts a passphrase: correct horse battery staple' {
        $info = New-MSecureVault -Vault strong -Email s@example.com -Password (Secure 'correct horse battery staple') -WarningAction SilentlyContinue

        $info.IsUnlocked | Should -BeTrue
    }

    It '-AllowWeakPassword creates the vault, with a warning' {
        $info = New-MSecureVault -Vault weak -Email w@example.com -Password (Secure 'a') -AllowWeakPassword -WarningVariable warnings -WarningAction SilentlyContinue

        $info.IsUnlocked | Should -BeTrue
        "$warnings" | Should -Match 'weak'
        "$warnings" | Should -Match 'AllowWeakPassword'
        Lock-MSecureVault -Vault weak
        Unlock-MSecureVault -Vault weak -Password (Secure 'a')
        (Get-MSecureVault weak).IsUnlocked | Should -BeTrue
    }

    It 'Set-MSecurePassword refuses a weak new password before changing anything: WeakPassword' {
        $kitPath = Join-Path $workDir 'weak-kit.html'

        { Set-MSecurePassword -Vault strong -Password (Secure 'correct horse battery staple') -NewPassword (Secure 'password') -KitPath $kitPath -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'WeakPassword' 'SetMSecurePasswordCommand')

        $kitPath | Should -Not -Exist
        Lock-MSecureVault -Vault strong
        { Unlock-MSecureVault -Vault strong -Password (Secure 'correct horse battery staple') -ErrorAction Stop } | Should -Not -Throw
    }

    It 'Set-MSecurePassword -AllowWeakPassword changes it, with a warning' {
        $kit = Set-MSecurePassword -Vault strong -Password (Secure 'correct horse battery staple') -NewPassword (Secure '1') -AllowWeakPassword -KitPath (Join-Path $workDir 'allowed-kit.html') -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue

        $kit | Should -BeOfType [System.IO.FileInfo]
        "$warnings" | Should -Match 'weak'
        Lock-MSecureVault -Vault strong
        { Unlock-MSecureVault -Vault strong -Password (Secure '1') -ErrorAction Stop } | Should -Not -Throw
    }
}
