# Set-MSecurePassword, Reset-MSecureAccountKey and Export-MSecureEmergencyKit, and the full story.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:savedVaultDir = $env:MSECURE_VAULT_DIR
    $script:savedPassword = $env:MSECURE_PASSWORD
    $script:workDir = Join-Path ([System.IO.Path]::GetTempPath()) ("msecure-kits-" + [guid]::NewGuid().ToString('N'))
    $script:vaultDir = Join-Path $workDir 'vaults'
    $env:MSECURE_VAULT_DIR = $vaultDir
    $env:MSECURE_PASSWORD = $null
    function script:Secure([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
    function script:Id([string] $errorId, [string] $command) { "$errorId,MSecure.PowerShell.Commands.$command" }
    function script:Decode([string] $png) {
        # zbarimg prints the decoded text; --raw leaves out the symbology prefix.
        $text = & zbarimg --raw -q $png 2>$null
        ($text -join "`n").TrimEnd("`r", "`n")
    }
}

BeforeDiscovery {
    # Without zbarimg (apt-get install zbar-tools) the decoding tests are skipped locally,
    # but never under CI, where a missing decoder must fail the run instead of hiding the check.
    $script:skipDecoding = -not (Get-Command zbarimg -ErrorAction SilentlyContinue) -and $env:CI -ne 'true'
}

AfterAll {
    Lock-MSecureVault -All
    $env:MSECURE_VAULT_DIR = $savedVaultDir
    $env:MSECURE_PASSWORD = $savedPassword
    Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The full story: vault, login, credential, offline password change, kit' {
    BeforeAll {
        $script:first = Secure 'first password, long enough'
        $script:second = Secure 'second password, also long'
        $script:loginSecret = 'S3cret-for-the-build-server'
    }

    It 'creates a vault' {
        $vault = New-MSecureVault -Vault story -Email story@example.com -Password $first -WarningAction SilentlyContinue

        $vault.IsUnlocked | Should -BeTrue
    }

    It 'adds a login' {
        New-MSecureRecord -Vault story -Name 'build server' -Template Login -UserName deploy -Password (Secure $loginSecret) -Url https://build.example

        (Get-MSecureRecord -Vault story).Name | Should -Be 'build server'
    }

    It 'gets it as a credential' {
        $credential = Get-MSecureRecord -Vault story -Name 'build server' -AsCredential

        $credential.UserName | Should -Be 'deploy'
        $credential.GetNetworkCredential().Password | Should -Be $loginSecret
    }

    It 'locks and unlocks the vault' {
        Lock-MSecureVault -Vault story
        { Get-MSecureRecord -Vault story -ErrorAction Stop } | Should -Throw -ErrorId (Id 'VaultLocked' 'GetMSecureRecordCommand')
        Unlock-MSecureVault -Vault story -Password $first

        (Get-MSecureRecord -Vault story 'build server' -AsCredential).GetNetworkCredential().Password | Should -Be $loginSecret
    }

    It 'changes the password offline, warns about the old kit and saves the new one' {
        $kit = Set-MSecurePassword -Vault story -Password $first -NewPassword $second -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue

        $kit | Should -BeOfType [System.IO.FileInfo]
        $kit.Directory.FullName | Should -Be $vaultDir
        $kit.Name | Should -Match '^story-emergency-kit-\d{8}-\d{6}(-\d+)?\.html$'
        "$warnings" | Should -Match 'OLD password'
        "$warnings" | Should -Match ([regex]::Escape($kit.FullName))
        Get-Content -Raw $kit.FullName | Should -Match 'MSecure Emergency Kit'
        (Get-MSecureRecord -Vault story 'build server' -AsCredential).GetNetworkCredential().Password | Should -Be $loginSecret -Because 'the session keeps working: no record was re-encrypted'
    }

    It 'refuses the old password and accepts the new one after locking' {
        Lock-MSecureVault -Vault story

        { Unlock-MSecureVault -Vault story -Password $first -ErrorAction Stop } | Should -Throw -ErrorId (Id 'WrongPassword' 'UnlockMSecureVaultCommand')
        Unlock-MSecureVault -Vault story -Password $second
        (Get-MSecureRecord -Vault story 'build server' -AsCredential).GetNetworkCredential().Password | Should -Be $loginSecret
    }

    It 'exports the kit as a PNG whose QR code decodes to the kit text' -Skip:$skipDecoding {
        $png = Join-Path $workDir 'story-kit.png'
        Export-MSecureEmergencyKit -Vault story -Format Png -Path $png
        $text = Export-MSecureEmergencyKit -Vault story -Format Text

        $text | Should -Match '^MSK-[A-Z2-7-]+$'
        Decode $png | Should -BeExactly $text
    }

    It 'saved the same kit as a printable page when the password changed' {
        $text = Export-MSecureEmergencyKit -Vault story -Format Text
        $html = Get-Content -Raw (Get-ChildItem $vaultDir -Filter 'story-emergency-kit-*.html').FullName
        $printed = $html -replace '<[^>]+>', '' -replace '[^A-Z0-9]', ''

        $printed.Contains(($text -replace '[^A-Z0-9]', '')) | Should -BeTrue
    }
}

Describe 'Set-MSecurePassword' {
    BeforeAll {
        $script:pw1 = Secure 'password one'
        $script:pw2 = Secure 'password two'
        $null = New-MSecureVault -Vault pwchange -Email pw@example.com -Password $pw1 -WarningAction SilentlyContinue
    }

    It 'refuses a wrong current password: WrongPassword, and changes nothing' {
        { Set-MSecurePassword -Vault pwchange -Password (Secure 'wrong') -NewPassword $pw2 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'WrongPassword' 'SetMSecurePasswordCommand')
        Get-ChildItem $vaultDir -Filter 'pwchange-emergency-kit-*' | Should -BeNullOrEmpty
    }

    It 'works on a locked vault with the current password, and leaves it locked' {
        Lock-MSecureVault -Vault pwchange
        $kitPath = Join-Path $workDir 'pwchange-kit.html'
        $kit = Set-MSecurePassword -Vault pwchange -Credential ([pscredential]::new('ignored', $pw1)) -NewPassword $pw2 -KitPath $kitPath -Confirm:$false -WarningAction SilentlyContinue

        $kit.FullName | Should -Be $kitPath
        (Get-MSecureVault pwchange).IsUnlocked | Should -BeFalse
        { Unlock-MSecureVault -Vault pwchange -Password $pw1 -ErrorAction Stop } | Should -Throw -ErrorId (Id 'WrongPassword' 'UnlockMSecureVaultCommand')
        Unlock-MSecureVault -Vault pwchange -Password $pw2
    }

    It 'writes the kit owner-only' -Skip:$IsWindows {
        (Get-Item (Join-Path $workDir 'pwchange-kit.html')).UnixFileMode | Should -Be ([System.IO.UnixFileMode] 'UserRead, UserWrite')
    }

    It 'refuses an existing -KitPath before changing anything: FileExists' {
        { Set-MSecurePassword -Vault pwchange -Password $pw2 -NewPassword $pw1 -KitPath (Join-Path $workDir 'pwchange-kit.html') -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'FileExists' 'SetMSecurePasswordCommand')
        Lock-MSecureVault -Vault pwchange
        Unlock-MSecureVault -Vault pwchange -Password $pw2
    }

    It 'refuses an empty new password: PasswordEmpty' {
        { Set-MSecurePassword -Vault pwchange -Password $pw2 -NewPassword ([securestring]::new()) -Confirm:$false } |
            Should -Throw -ErrorId (Id 'PasswordEmpty' 'SetMSecurePasswordCommand')
    }

    It 'changes nothing with -WhatIf' {
        Set-MSecurePassword -Vault pwchange -Password $pw2 -NewPassword $pw1 -WhatIf
        Lock-MSecureVault -Vault pwchange

        { Unlock-MSecureVault -Vault pwchange -Password $pw2 -ErrorAction Stop } | Should -Not -Throw
    }

    It 'never prompts in a non-interactive session: PasswordRequired' {
        $result = Invoke-ChildPwsh -Environment @{ MSECURE_VAULT_DIR = $vaultDir; MSECURE_PASSWORD = $null } -Script @'
$new = ConvertTo-SecureString 'whatever new' -AsPlainText -Force
try { Set-MSecurePassword -Vault pwchange -NewPassword $new -Confirm:$false -ErrorAction Stop; 'changed' } catch { $_.FullyQualifiedErrorId }
'@
        $result.Output | Should -Be (Id 'PasswordRequired' 'SetMSecurePasswordCommand')
    }

    It 'reports a missing vault before asking for a password: VaultNotFound' {
        { Set-MSecurePassword -Vault nosuchvault -NewPassword $pw1 -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId (Id 'VaultNotFound' 'SetMSecurePasswordCommand')
    }

    It 'asks first: ConfirmImpact is High' {
        (Get-Command Set-MSecurePassword).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }
}

Describe 'Reset-MSecureAccountKey' {
    BeforeAll {
        $script:pw = Secure 'rotation password'
        $null = New-MSecureVault -Vault rotate -Email rotate@example.com -Password $pw -WarningAction SilentlyContinue
        New-MSecureRecord -Vault rotate -Name db -Template ServerDatabase -UserName sa -Password (Secure 'db-secret')
        $script:kitBefore = Export-MSecureEmergencyKit -Vault rotate
    }

    It 'replaces the Account Key, keeps every record readable and saves a new kit' {
        $kit = Reset-MSecureAccountKey -Vault rotate -Password $pw -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue

        $kit | Should -BeOfType [System.IO.FileInfo]
        "$warnings" | Should -Match 'useless'
        $after = Export-MSecureEmergencyKit -Vault rotate
        $after | Should -Not -Be $kitBefore
        (Get-MSecureRecord -Vault rotate db -AsCredential).GetNetworkCredential().Password | Should -Be 'db-secret'
        Lock-MSecureVault -Vault rotate
        Unlock-MSecureVault -Vault rotate -Password $pw
        (Get-MSecureRecord -Vault rotate db -Field Password -AsPlainText) | Should -Be 'db-secret'
    }

    It 'refuses a wrong password: WrongPassword' {
        { Reset-MSecureAccountKey -Vault rotate -Password (Secure 'wrong') -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'WrongPassword' 'ResetMSecureAccountKeyCommand')
    }

    It 'changes nothing with -WhatIf' {
        $before = Export-MSecureEmergencyKit -Vault rotate
        Reset-MSecureAccountKey -Vault rotate -Password $pw -WhatIf

        Export-MSecureEmergencyKit -Vault rotate | Should -Be $before
    }

    It 'asks first: ConfirmImpact is High' {
        (Get-Command Reset-MSecureAccountKey).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }
}

Describe 'Export-MSecureEmergencyKit' {
    BeforeAll {
        $script:pw = Secure 'export password'
        $null = New-MSecureVault -Vault export -Email export@example.com -Password $pw -WarningAction SilentlyContinue
        $script:text = Export-MSecureEmergencyKit -Vault export
        $script:out = Join-Path $workDir 'export'
        $null = New-Item -ItemType Directory $out
    }

    It 'writes the kit text by default' {
        $text | Should -BeOfType [string]
        $text | Should -Match '^MSK-[A-Z2-7-]+$'
        Export-MSecureEmergencyKit -Vault export -Format Text | Should -BeExactly $text
    }

    It 'draws the QR code with -Format Terminal' {
        $terminal = Export-MSecureEmergencyKit -Vault export -Format Terminal

        $terminal | Should -Match '[\u2580\u2584\u2588]'
        ($terminal -split "`n").Count | Should -BeGreaterThan 10
    }

    It 'needs -Path for <Format>: PathRequired' -TestCases @(@{ Format = 'Png' }, @{ Format = 'Svg' }, @{ Format = 'Html' }) {
        { Export-MSecureEmergencyKit -Vault export -Format $Format } | Should -Throw -ErrorId (Id 'PathRequired' 'ExportMSecureEmergencyKitCommand')
    }

    It 'writes <Format> to a file, owner-only, and -PassThru writes the file' -TestCases @(
        @{ Format = 'Png'; Name = 'kit.png'; Check = { param($f) [System.IO.File]::ReadAllBytes($f)[1..3] | Should -Be @(0x50, 0x4E, 0x47) } }
        @{ Format = 'Svg'; Name = 'kit.svg'; Check = { param($f) Get-Content -Raw $f | Should -Match '<svg' } }
        @{ Format = 'Html'; Name = 'kit.html'; Check = { param($f) Get-Content -Raw $f | Should -Match '(?s)<html.*MSecure Emergency Kit' } }
        @{ Format = 'Text'; Name = 'kit.txt'; Check = { param($f) (Get-Content -Raw $f).TrimEnd() | Should -BeExactly $text } }
        @{ Format = 'Terminal'; Name = 'kit-terminal.txt'; Check = { param($f) Get-Content -Raw $f | Should -Match '\u2588' } }
    ) {
        $file = Join-Path $out $Name
        $written = Export-MSecureEmergencyKit -Vault export -Format $Format -Path $file -PassThru

        $written.FullName | Should -Be $file
        & $Check $file
        if (-not $IsWindows) {
            (Get-Item $file).UnixFileMode | Should -Be ([System.IO.UnixFileMode] 'UserRead, UserWrite')
        }
    }

    It 'takes the format from the -Path extension' {
        Export-MSecureEmergencyKit -Vault export -Path (Join-Path $out 'by-extension.svg')

        Get-Content -Raw (Join-Path $out 'by-extension.svg') | Should -Match '<svg'
    }

    It 'decodes from the PNG to the kit text' -Skip:$skipDecoding {
        Decode (Join-Path $out 'kit.png') | Should -BeExactly $text
    }

    It 'refuses to overwrite a file without -Force: FileExists' {
        $file = Join-Path $out 'kit.png'
        $before = (Get-Item $file).Length

        { Export-MSecureEmergencyKit -Vault export -Format Svg -Path $file -ErrorAction Stop } | Should -Throw -ErrorId (Id 'FileExists' 'ExportMSecureEmergencyKitCommand')
        (Get-Item $file).Length | Should -Be $before
        Export-MSecureEmergencyKit -Vault export -Format Svg -Path $file -Force
        Get-Content -Raw $file | Should -Match '<svg'
    }

    It 'writes no file with -WhatIf' {
        Export-MSecureEmergencyKit -Vault export -Format Png -Path (Join-Path $out 'whatif.png') -WhatIf

        Join-Path $out 'whatif.png' | Should -Not -Exist
    }

    It 'leaves no temporary file behind' {
        Get-ChildItem -Force $out -Filter '*.tmp' | Should -BeNullOrEmpty
    }

    It 'takes the vault from Get-MSecureVault by property name' {
        Get-MSecureVault export | Export-MSecureEmergencyKit | Should -BeExactly $text
    }

    It 'reports a missing vault: VaultNotFound' {
        { Export-MSecureEmergencyKit -Vault nosuchvault -ErrorAction Stop } | Should -Throw -ErrorId (Id 'VaultNotFound' 'ExportMSecureEmergencyKitCommand')
    }
}
