# Issue 6, part 4: one way to name a vault (-Vault everywhere), a default vault users can set,
# errors that point at the vault the user unlocked, and records that show UserName and Url.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:testFolder = Enter-MSecureTestFolder naming
    $script:workDir = $testFolder.WorkDir
    $script:vaultDir = $testFolder.VaultDir
    function script:Id([string] $errorId, [string] $command) { "$errorId,MSecure.PowerShell.Commands.$command" }
    $script:password = ConvertTo-SecureString 'naming tests vault password' -AsPlainText -Force
    $script:secret = ConvertTo-SecureString 'Pa55-naming-secret' -AsPlainText -Force
    $script:teamPath = Join-Path $workDir 'shared/team.msecure'
    $null = New-Item -ItemType Directory -Path (Split-Path $teamPath) -Force
    $null = New-MSecureVault -Vault $teamPath -Email team@example.com -Password $password -WarningAction SilentlyContinue
    $null = New-MSecureRecord -Vault $teamPath -Name 'GitHub' -Template Login -UserName alice -Password $secret -Url https://github.com
    $null = New-MSecureRecord -Vault $teamPath -Name 'Visa' -Template CreditCard -Password $secret -Notes 'card notes'
    $null = New-MSecureRecord -Vault $teamPath -Name 'Router' -Template WirelessRouter -UserName homenet -Url http://192.168.1.1
    $null = New-MSecureRecord -Vault $teamPath -Name 'Mail' -Template EmailAccount -UserName alice@example.com -Field @{ Username = 'alice' }
    $null = New-MSecureVault -Vault work -Email work@example.com -Password $password -WarningAction SilentlyContinue
    Lock-MSecureVault -All
}

AfterAll {
    Exit-MSecureTestFolder $testFolder
}

Describe 'Every cmdlet names its vault with -Vault' {
    It '<Command> has -Vault (aliases VaultPath and FullName, completed) and no vault -Name or -Path' -TestCases @(
        'New-MSecureVault', 'Unlock-MSecureVault', 'Lock-MSecureVault', 'Get-MSecureVault', 'Set-MSecureDefaultVault',
        'Get-MSecureRecord', 'New-MSecureRecord', 'Set-MSecureRecord', 'Remove-MSecureRecord', 'Get-MSecureRecordHistory',
        'Set-MSecurePassword', 'Reset-MSecureAccountKey', 'Export-MSecureEmergencyKit' | ForEach-Object { @{ Command = $_ } }
    ) {
        $parameters = (Get-Command $Command).Parameters
        $vault = $parameters['Vault']

        $vault | Should -Not -BeNullOrEmpty
        $vault.Aliases | Should -Be @('VaultPath', 'FullName')
        ($vault.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -Contain $true
        ($vault.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Type.Name | Should -Be 'VaultNameCompleter'
        if ($Command -notlike '*Record*') { $parameters.Keys | Should -Not -Contain 'Name' }
        if ($Command -notlike 'Export-*') { $parameters.Keys | Should -Not -Contain 'Path' }
    }
}

Describe 'Naming no vault while another is unlocked' {
    BeforeEach {
        Lock-MSecureVault -All
    }

    It 'after Unlock-MSecureVault -Vault with a path, a plain Get-MSecureRecord says to name it or make it the default (no default vault exists)' {
        Unlock-MSecureVault -Vault $teamPath -Password $password
        $failure = $null
        try { Get-MSecureRecord -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -Be (Id 'VaultNotFound' 'GetMSecureRecordCommand')
        $failure.Exception.Message | Should -BeLike "*default vault*"
        $failure.Exception.Message | Should -BeLike "*-Vault '$teamPath'*"
        $failure.Exception.Message | Should -BeLike "*Set-MSecureDefaultVault '$teamPath'*"
    }

    It 'the same when the default vault exists but is locked: VaultLocked, naming the unlocked vault' {
        $null = New-MSecureVault -Email default@example.com -Password $password -WarningAction SilentlyContinue
        Lock-MSecureVault
        Unlock-MSecureVault -Vault work -Password $password
        $failure = $null
        try { New-MSecureRecord -Name x -Template Login -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -Be (Id 'VaultLocked' 'NewMSecureRecordCommand')
        $failure.Exception.Message | Should -BeLike "The default vault 'default' is locked*"
        $failure.Exception.Message | Should -BeLike '*name it with -Vault work, or make it the default with Set-MSecureDefaultVault work*'
        (Get-MSecureRecord -Vault work) | Should -BeNullOrEmpty -Because 'nothing was written to the other vault'
    }

    It 'with several other vaults unlocked, it lists them' {
        Unlock-MSecureVault -Vault work -Password $password
        Unlock-MSecureVault -Vault $teamPath -Password $password
        $failure = $null
        try { Get-MSecureRecord -ErrorAction Stop } catch { $failure = $_ }

        $failure.Exception.Message | Should -BeLike "*These vaults are unlocked in this session: '$teamPath', work*"
    }

    It 'with no other vault unlocked, a missing default vault says how to create or choose one' {
        Remove-Item -LiteralPath (Join-Path $vaultDir 'default.msecure') -ErrorAction SilentlyContinue
        $failure = $null
        try { Get-MSecureRecord -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -Be (Id 'VaultNotFound' 'GetMSecureRecordCommand')
        $failure.Exception.Message | Should -BeLike '*(the default vault). Create it with New-MSecureVault, name another vault with -Vault, or choose the default vault with Set-MSecureDefaultVault.'
    }

    It 'a named vault that is locked gets no hint about other vaults' {
        Unlock-MSecureVault -Vault work -Password $password
        $failure = $null
        try { Get-MSecureRecord -Vault $teamPath -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -Be (Id 'VaultLocked' 'GetMSecureRecordCommand')
        $failure.Exception.Message | Should -Not -BeLike '*work*'
        $failure.Exception.Message | Should -BeLike "*Unlock-MSecureVault -Vault '$teamPath'*"
    }
}

Describe 'Set-MSecureDefaultVault' {
    AfterEach {
        $env:MSECURE_DEFAULT_VAULT = $null
    }

    It 'makes a plain Get-MSecureRecord use the vault: by path, stored as a full path, owner-only' {
        Unlock-MSecureVault -Vault $teamPath -Password $password
        Push-Location (Split-Path $teamPath)
        try {
            Set-MSecureDefaultVault ./team.msecure
        }
        finally {
            Pop-Location
        }

        (Get-MSecureRecord).Name | Should -Be @('GitHub', 'Mail', 'Router', 'Visa')
        $settings = Join-Path $vaultDir 'settings.json'
        (Get-Content -Raw $settings | ConvertFrom-Json).defaultVault | Should -Be $teamPath
        if (-not $IsWindows) { (Get-Item $settings).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite') }
    }

    It 'Get-MSecureVault marks the default, also when it lives outside the vault folder' {
        $vaults = Get-MSecureVault

        ($vaults | Where-Object IsDefault).Path | Should -Be $teamPath
        ($vaults | Where-Object Name -EQ 'work').IsDefault | Should -BeFalse
        Get-MSecureVault | Out-String -Width 300 | Should -Match 'team\s+True\s+team@example.com'
    }

    It 'stores a vault of the folder by its name, from the pipeline by property name' {
        Get-MSecureVault work | Set-MSecureDefaultVault

        (Get-Content -Raw (Join-Path $vaultDir 'settings.json') | ConvertFrom-Json).defaultVault | Should -Be 'work'
        (Get-MSecureVault | Where-Object IsDefault).Name | Should -Be 'work'
        Unlock-MSecureVault -Password $password
        (Get-MSecureVault work).IsUnlocked | Should -BeTrue
    }

    It 'MSECURE_DEFAULT_VAULT takes precedence over the setting, and the cmdlet warns about it' {
        $env:MSECURE_DEFAULT_VAULT = $teamPath
        Unlock-MSecureVault -Password $password

        (Get-MSecureRecord GitHub).VaultPath | Should -Be $teamPath
        (Get-MSecureVault | Where-Object IsDefault).Path | Should -Be $teamPath
        Set-MSecureDefaultVault work -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'MSECURE_DEFAULT_VAULT'
    }

    It 'warns when the vault does not exist yet, and changes nothing with -WhatIf' {
        Set-MSecureDefaultVault later -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'VaultNotFound'

        Set-MSecureDefaultVault work -WhatIf
        (Get-Content -Raw (Join-Path $vaultDir 'settings.json') | ConvertFrom-Json).defaultVault | Should -Be 'later'
        Set-MSecureDefaultVault work
    }

    It 'refuses a name that is not a name: InvalidVaultName' {
        { Set-MSecureDefaultVault 'bad name' -ErrorAction Stop } | Should -Throw -ErrorId (Id 'InvalidVaultName' 'SetMSecureDefaultVaultCommand')
    }

    It 'a damaged settings file is SettingsInvalid for commands that name no vault, and does not break Get-MSecureVault' {
        $settings = Join-Path $vaultDir 'settings.json'
        $before = Get-Content -Raw $settings
        Set-Content -Path $settings -Value '{ damaged'
        try {
            { Get-MSecureRecord -ErrorAction Stop } | Should -Throw -ErrorId (Id 'SettingsInvalid' 'GetMSecureRecordCommand')
            (Get-MSecureVault -WarningVariable warnings -WarningAction SilentlyContinue).Name | Should -Contain 'work'
            "$warnings" | Should -Match 'settings'
        }
        finally {
            Set-Content -Path $settings -Value $before -NoNewline
        }
    }
}

Describe 'Pipeline input by property name' {
    BeforeEach {
        Lock-MSecureVault -All
    }

    It 'Get-ChildItem *.msecure | Unlock-MSecureVault binds each file by FullName' {
        Get-ChildItem (Split-Path $teamPath) -Filter *.msecure | Unlock-MSecureVault -Password $password

        (Get-MSecureVault $teamPath).IsUnlocked | Should -BeTrue
    }

    It 'Get-MSecureVault | Unlock-MSecureVault and | Lock-MSecureVault bind VaultPath' {
        Get-MSecureVault work | Unlock-MSecureVault -Password $password
        (Get-MSecureVault work).IsUnlocked | Should -BeTrue

        Get-MSecureVault work | Lock-MSecureVault
        (Get-MSecureVault work).IsUnlocked | Should -BeFalse
    }

    It 'a record binds its vault: Get-MSecureRecord | Get-MSecureRecordHistory, and a file | Get-MSecureRecord' {
        Unlock-MSecureVault -Vault $teamPath -Password $password

        (Get-Item $teamPath | Get-MSecureRecord -Name GitHub).Name | Should -Be 'GitHub'
        Get-MSecureRecord -Vault $teamPath GitHub | Get-MSecureRecordHistory | Should -BeNullOrEmpty
        Get-MSecureRecord -Vault $teamPath GitHub | Lock-MSecureVault
        (Get-MSecureVault $teamPath).IsUnlocked | Should -BeFalse
    }

    It 'Get-MSecureVault, Lock-MSecureVault and Set-MSecureDefaultVault also take names by value' {
        Unlock-MSecureVault -Vault work -Password $password
        ('work' | Get-MSecureVault).Name | Should -Be 'work'
        'work' | Lock-MSecureVault
        (Get-MSecureVault work).IsUnlocked | Should -BeFalse
    }
}

Describe 'Records show UserName and Url; -Field takes the names the views show' {
    BeforeAll {
        Unlock-MSecureVault -Vault $teamPath -Password $password
    }

    It 'a <Template> shows UserName <UserName> and Url <Url>' -TestCases @(
        @{ Name = 'GitHub'; Template = 'Login'; UserName = 'alice'; Url = 'https://github.com' }
        @{ Name = 'Router'; Template = 'WirelessRouter'; UserName = 'homenet'; Url = 'http://192.168.1.1' }
        @{ Name = 'Mail'; Template = 'EmailAccount'; UserName = 'alice@example.com'; Url = '' }
        @{ Name = 'Visa'; Template = 'CreditCard'; UserName = $null; Url = $null }
    ) {
        $record = Get-MSecureRecord -Vault $teamPath $Name

        $record.UserName | Should -Be $UserName
        $record.Url | Should -Be $Url
    }

    It 'the table and list views show them, and never a secret' {
        $table = Get-MSecureRecord -Vault $teamPath | Out-String -Width 300
        $list = Get-MSecureRecord -Vault $teamPath GitHub -AsPlainText | Format-List | Out-String -Width 300

        $table | Should -Match 'GitHub\s+Login\s+alice\s+https://github.com'
        $table | Should -Match 'UserName\s+Url'
        $list | Should -Match 'UserName\s+: alice'
        $list | Should -Match 'Url\s+: https://github.com'
        foreach ($text in $table, $list) { $text | Should -Not -Match 'Pa55-naming-secret' }
    }

    It '-Field <Field> of <Name> gives <Expected>' -TestCases @(
        @{ Name = 'GitHub'; Field = 'UserName'; Expected = 'alice' }
        @{ Name = 'GitHub'; Field = 'url'; Expected = 'https://github.com' }
        @{ Name = 'GitHub'; Field = 'PASSWORD'; Expected = 'Pa55-naming-secret' }
        @{ Name = 'Router'; Field = 'UserName'; Expected = 'homenet' }
        @{ Name = 'Router'; Field = 'Url'; Expected = 'http://192.168.1.1' }
        @{ Name = 'Visa'; Field = 'Password'; Expected = 'Pa55-naming-secret' }
        @{ Name = 'Visa'; Field = 'Notes'; Expected = 'card notes' }
        @{ Name = 'Mail'; Field = 'Username'; Expected = 'alice' }
    ) {
        Get-MSecureRecord -Vault $teamPath $Name -Field $Field -AsPlainText | Should -Be $Expected
    }

    It 'secret view names stay SecureStrings without -AsPlainText' {
        Get-MSecureRecord -Vault $teamPath Visa -Field Password | Should -BeOfType [securestring]
        Get-MSecureRecord -Vault $teamPath Visa -Field notes | Should -BeOfType [securestring]
    }

    It 'an unknown -Field is FieldNotFound, listing the fields' {
        { Get-MSecureRecord -Vault $teamPath GitHub -Field Nope -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'FieldNotFound' 'GetMSecureRecordCommand') -ExpectedMessage '*Username, Password, Website, OneTimePassword*'
    }

    It 'Set-MSecureRecord -Field @{ Url = ...; UserName = ... } sets the template''s fields' {
        $record = Set-MSecureRecord -Vault $teamPath GitHub -Field @{ Url = 'https://github.example'; UserName = 'alice2' } -PassThru

        $record.GetField('Website').Value | Should -Be 'https://github.example'
        $record.GetField('Username').Value | Should -Be 'alice2'
        $record.GetField('Url') | Should -BeNullOrEmpty
        $record.Url | Should -Be 'https://github.example'
    }
}

Describe 'Completion' {
    It 'completes vault names, and leaves paths to the file system' {
        $line = 'Unlock-MSecureVault -Vault wo'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('work')

        Push-Location (Split-Path $teamPath)
        try {
            $line = 'Unlock-MSecureVault -Vault ./te'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain (Join-Path '.' 'team.msecure')
        }
        finally {
            Pop-Location
        }
    }

    It 'completes record names from the vault of a -Vault path, relative to $PWD' {
        Unlock-MSecureVault -Vault $teamPath -Password $password
        Push-Location (Split-Path $teamPath)
        try {
            $line = 'Get-MSecureRecord -Vault ./team.msecure -Name Gi'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('GitHub')
        }
        finally {
            Pop-Location
        }
    }
}
