# The record cmdlets against a real vault in a temporary MSECURE_VAULT_DIR.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:savedVaultDir = $env:MSECURE_VAULT_DIR
    $script:savedPassword = $env:MSECURE_PASSWORD
    $script:workDir = Join-Path ([System.IO.Path]::GetTempPath()) ("msecure-records-" + [guid]::NewGuid().ToString('N'))
    $env:MSECURE_VAULT_DIR = Join-Path $workDir 'vaults'
    $env:MSECURE_PASSWORD = $null
    $script:password = ConvertTo-SecureString 'records vault password' -AsPlainText -Force
    $script:secretText = 'Pa55-very-secret-value'
    $script:secret = ConvertTo-SecureString $secretText -AsPlainText -Force
    function script:Id([string] $errorId, [string] $command) { "$errorId,MSecure.PowerShell.Commands.$command" }
    $null = New-MSecureVault -Email records@example.com -Password $password -WarningAction SilentlyContinue
    $null = New-MSecureVault -Vault other -Email records@example.com -Password $password -WarningAction SilentlyContinue
}

AfterAll {
    Lock-MSecureVault -All
    $env:MSECURE_VAULT_DIR = $savedVaultDir
    $env:MSECURE_PASSWORD = $savedPassword
    Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'New-MSecureRecord' {
    It 'adds a login and -PassThru writes it with the secret as a SecureString' {
        $record = New-MSecureRecord -Name GitHub -Template Login -UserName alice -Password $secret -Url https://github.com -Tag dev, web -Notes 'recovery codes in the safe' -Favorite -PassThru

        $record.GetType().FullName | Should -Be 'MSecure.PowerShell.Models.MSecureRecord'
        $record.Name | Should -Be 'GitHub'
        $record.Template | Should -Be 'Login'
        $record.Revision | Should -Be 1
        $record.IsFavorite | Should -BeTrue
        $record.Tags | Should -Be @('dev', 'web')
        $record.VaultName | Should -Be 'default'
        $record.VaultPath | Should -Be (Join-Path $env:MSECURE_VAULT_DIR 'default.msecure')
        $record.GetField('username').Value | Should -Be 'alice'
        $record.GetField('Website').Value | Should -Be 'https://github.com'
        $record.GetField('Password').Value | Should -BeOfType [securestring]
        $record.GetField('Password').IsSecret | Should -BeTrue
    }

    It 'writes nothing without -PassThru, and nothing is added with -WhatIf' {
        New-MSecureRecord -Name 'web-shop' -Template Login -UserName bob -Password $secret | Should -BeNullOrEmpty
        New-MSecureRecord -Name 'whatif' -Template Login -WhatIf

        Get-MSecureRecord -Name whatif -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'sets -Field values: a SecureString makes a new field secret' {
        $record = New-MSecureRecord -Name 'web-router' -Template WirelessRouter -Field ([ordered]@{ NetworkName = 'home'; AdminPin = $secret; Floor = 2 }) -PassThru

        $record.GetField('NetworkName').Value | Should -Be 'home'
        $record.GetField('AdminPin').Kind | Should -Be 'Secret'
        $record.GetField('AdminPin').Value | Should -BeOfType [securestring]
        $record.GetField('Floor').Value | Should -Be '2'
    }

    It 'adds a Username or Password field when the template has none' {
        $record = New-MSecureRecord -Name 'note' -Template SecureNote -UserName carol -Password $secret -PassThru

        $record.GetField('Username').Kind | Should -Be 'Text'
        $record.GetField('Password').Kind | Should -Be 'Secret'
    }

    It 'takes the user name and password of a PSCredential by property name' {
        $record = [pscredential]::new('dave', $secret) | New-MSecureRecord -Name 'from-credential' -Template Login -PassThru

        $record.GetField('Username').Value | Should -Be 'dave'
    }

    It 'refuses a second record of the same name: RecordNameConflict' {
        { New-MSecureRecord -Name 'GITHUB' -Template Login -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordNameConflict' 'NewMSecureRecordCommand')
    }

    It 'offers only the template names' {
        { New-MSecureRecord -Name x -Template NoSuchTemplate } | Should -Throw -ErrorId 'ParameterArgumentValidationError,MSecure.PowerShell.Commands.NewMSecureRecordCommand'
        ((Get-Command New-MSecureRecord).Parameters['Template'].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }).ValidValues | Should -Contain 'ServerDatabase'
    }
}

Describe 'Get-MSecureRecord' {
    It 'finds an exact name ignoring case' {
        $record = Get-MSecureRecord github

        $record.Name | Should -Be 'GitHub'
        $record.GetField('Password').Value | Should -BeOfType [securestring]
    }

    It 'lists every record by default, sorted by name' {
        (Get-MSecureRecord).Name | Should -Be @('from-credential', 'GitHub', 'note', 'web-router', 'web-shop')
    }

    It 'matches wildcards, and writes nothing when none matches' {
        (Get-MSecureRecord web*).Name | Should -Be @('web-router', 'web-shop')
        Get-MSecureRecord 'zz*' -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'looks up a name with escaped wildcard characters exactly' {
        New-MSecureRecord -Name 'Bank [old]' -Template BankAccount

        (Get-MSecureRecord 'bank `[old`]').Name | Should -Be 'Bank [old]'
        Remove-MSecureRecord -Name 'Bank [old]' -Confirm:$false
    }

    It 'reports a missing exact name: RecordNotFound, ObjectNotFound' {
        Get-MSecureRecord nope -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failures[0].FullyQualifiedErrorId | Should -Be (Id 'RecordNotFound' 'GetMSecureRecordCommand')
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Get-MSecureRecord nope -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordNotFound' 'GetMSecureRecordCommand')
    }

    It 'filters by -Template, -Tag and -Text' {
        (Get-MSecureRecord -Template WirelessRouter).Name | Should -Be 'web-router'
        (Get-MSecureRecord -Tag DEV).Name | Should -Be 'GitHub'
        (Get-MSecureRecord -Text 'github.com').Name | Should -Be 'GitHub'
        (Get-MSecureRecord -Text 'home').Name | Should -Be 'web-router'
        Get-MSecureRecord -Text $secretText | Should -BeNullOrEmpty -Because 'secret values are never searched'
        { Get-MSecureRecord GitHub -Template CreditCard -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordNotFound' 'GetMSecureRecordCommand')
    }

    It 'gets records by -Id, also from the pipeline' {
        $id = (Get-MSecureRecord github).Id

        (Get-MSecureRecord -Id $id).Name | Should -Be 'GitHub'
        (Get-MSecureRecord web* | Get-MSecureRecord).Name | Should -Be @('web-router', 'web-shop')
    }

    It 'writes a PSCredential with -AsCredential' {
        $credential = Get-MSecureRecord github -AsCredential

        $credential | Should -BeOfType [pscredential]
        $credential.UserName | Should -Be 'alice'
        $credential.GetNetworkCredential().Password | Should -Be $secretText
    }

    It 'refuses -AsCredential for a record without a user name: RecordHasNoCredential' {
        New-MSecureRecord -Name 'no-user' -Template Login -Password $secret

        { Get-MSecureRecord note -AsCredential -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordHasNoCredential' 'GetMSecureRecordCommand')
        { Get-MSecureRecord no-user -AsCredential -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordHasNoCredential' 'GetMSecureRecordCommand')
        (Get-MSecureRecord web-router -AsCredential).UserName | Should -Be 'home' -Because 'a wireless router has a network name and a password'
    }

    It 'writes one field with -Field: a SecureString for a secret, a String otherwise' {
        Get-MSecureRecord github -Field password | Should -BeOfType [securestring]
        Get-MSecureRecord github -Field Password -AsPlainText | Should -Be $secretText
        Get-MSecureRecord github -Field Username | Should -Be 'alice'
        { Get-MSecureRecord github -Field Nope -ErrorAction Stop } | Should -Throw -ErrorId (Id 'FieldNotFound' 'GetMSecureRecordCommand')
    }

    It 'refuses -Field with -AsCredential: ParameterConflict' {
        { Get-MSecureRecord github -Field Username -AsCredential } | Should -Throw -ErrorId (Id 'ParameterConflict' 'GetMSecureRecordCommand')
    }

    It 'writes secrets as Strings only with -AsPlainText' {
        (Get-MSecureRecord github -AsPlainText).GetField('Password').Value | Should -Be $secretText
    }

    It 'reads another vault with -Vault, by name or path, and from Get-MSecureVault' {
        $null = New-MSecureRecord -Name 'only-in-other' -Template SecureNote -Vault other -Notes 'x'

        (Get-MSecureRecord -Vault other).Name | Should -Be 'only-in-other'
        (Get-MSecureRecord -Vault (Join-Path $env:MSECURE_VAULT_DIR 'other.msecure')).Name | Should -Be 'only-in-other'
        (Get-MSecureVault other | Get-MSecureRecord).Name | Should -Be 'only-in-other'
    }

    It 'reports a missing vault: VaultNotFound' {
        { Get-MSecureRecord -Vault nosuchvault -ErrorAction Stop } | Should -Throw -ErrorId (Id 'VaultNotFound' 'GetMSecureRecordCommand')
    }
}

Describe 'Set-MSecureRecord' {
    It 'changes only the given properties and -PassThru writes the new revision' {
        $before = Get-MSecureRecord github
        $after = Set-MSecureRecord github -Notes 'codes moved' -PassThru

        $after.Revision | Should -Be ($before.Revision + 1)
        [System.Net.NetworkCredential]::new('', $after.Notes).Password | Should -Be 'codes moved'
        $after.GetField('Username').Value | Should -Be 'alice'
        $after.Tags | Should -Be @('dev', 'web')
        $after.IsFavorite | Should -BeTrue
        (Get-MSecureRecord github -Field Password -AsPlainText) | Should -Be $secretText
    }

    It 'sets the password, user name, URL, tags, favorite and fields; $null removes a field' {
        $new = ConvertTo-SecureString 'rotated-secret' -AsPlainText -Force
        $record = Set-MSecureRecord github -Password $new -UserName alice2 -Url https://github.example -Tag @() -Favorite:$false -Field @{ OneTimePassword = $null; Team = 'core' } -PassThru

        Get-MSecureRecord github -Field Password -AsPlainText | Should -Be 'rotated-secret'
        $record.GetField('Username').Value | Should -Be 'alice2'
        $record.GetField('Website').Value | Should -Be 'https://github.example'
        $record.Tags | Should -BeNullOrEmpty
        $record.IsFavorite | Should -BeFalse
        $record.GetField('OneTimePassword') | Should -BeNullOrEmpty
        $record.GetField('Team').Value | Should -Be 'core'
    }

    It 'renames with -NewName' {
        Set-MSecureRecord -Name from-credential -NewName 'renamed'

        (Get-MSecureRecord renamed).GetField('Username').Value | Should -Be 'dave'
        Get-MSecureRecord from-credential -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'takes records from the pipeline by Id, revision and vault' {
        Get-MSecureRecord web* | Set-MSecureRecord -Tag piped

        (Get-MSecureRecord -Tag piped).Name | Should -Be @('web-router', 'web-shop')
    }

    It 'refuses to overwrite a change made since the record was read: RecordRevisionConflict' {
        $stale = Get-MSecureRecord renamed
        Set-MSecureRecord renamed -Notes 'first writer'

        { $stale | Set-MSecureRecord -Notes 'second writer' -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordRevisionConflict' 'SetMSecureRecordCommand')
        (Get-MSecureRecord renamed -AsPlainText).Notes | Should -Be 'first writer'
    }

    It 'refuses a name another record has: RecordNameConflict' {
        { Set-MSecureRecord renamed -NewName github -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordNameConflict' 'SetMSecureRecordCommand')
    }

    It 'changes nothing with -WhatIf' {
        $revision = (Get-MSecureRecord renamed).Revision
        Set-MSecureRecord renamed -Notes 'what if' -WhatIf

        (Get-MSecureRecord renamed).Revision | Should -Be $revision
    }

    It 'reports a missing record: RecordNotFound' {
        { Set-MSecureRecord nope -Notes x -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordNotFound' 'SetMSecureRecordCommand')
        { Set-MSecureRecord -Id ([guid]::NewGuid()) -Notes x -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordNotFound' 'SetMSecureRecordCommand')
    }
}

Describe 'Get-MSecureRecordHistory' {
    It 'writes the earlier versions, newest first' {
        $history = Get-MSecureRecordHistory github

        $history.Count | Should -Be 2
        $history[0].Revision | Should -Be 2
        $history[1].Revision | Should -Be 1
        [System.Net.NetworkCredential]::new('', $history[1].Notes).Password | Should -Be 'recovery codes in the safe'
        $history[1].GetField('Password').Value | Should -BeOfType [securestring]
        (Get-MSecureRecordHistory github -AsPlainText)[1].GetField('Password').Value | Should -Be $secretText
    }

    It 'takes records from the pipeline' {
        (Get-MSecureRecord github | Get-MSecureRecordHistory).Revision | Should -Be @(2, 1)
    }

    It 'writes nothing for a record never changed' {
        New-MSecureRecord -Name 'fresh' -Template SecureNote
        Get-MSecureRecordHistory fresh | Should -BeNullOrEmpty
    }
}

Describe 'Remove-MSecureRecord' {
    It 'removes every record piped from Get-MSecureRecord web*' {
        Get-MSecureRecord web* | Remove-MSecureRecord -Confirm:$false

        Get-MSecureRecord web* | Should -BeNullOrEmpty
        (Get-MSecureRecord).Name | Should -Not -Contain 'web-shop'
    }

    It 'removes by name, and keeps the history readable by id' {
        $id = (Get-MSecureRecord renamed).Id
        Remove-MSecureRecord renamed -Confirm:$false

        { Get-MSecureRecord renamed -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordNotFound' 'GetMSecureRecordCommand')
        (Get-MSecureRecordHistory -Id $id)[0].Name | Should -Be 'renamed'
    }

    It 'asks first: ConfirmImpact is High' {
        (Get-Command Remove-MSecureRecord).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'removes nothing with -WhatIf' {
        Remove-MSecureRecord note -WhatIf

        (Get-MSecureRecord note).Name | Should -Be 'note'
    }

    It 'reports a missing record: RecordNotFound' {
        { Remove-MSecureRecord nope -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordNotFound' 'RemoveMSecureRecordCommand')
    }
}

Describe 'Record cmdlets on a locked vault' {
    BeforeAll {
        Lock-MSecureVault -Vault other
    }

    AfterAll {
        Unlock-MSecureVault -Vault other -Password $password
    }

    It '<Command> fails with VaultLocked' -TestCases @(
        @{ Command = 'Get-MSecureRecord'; Run = { Get-MSecureRecord -Vault other -ErrorAction Stop } }
        @{ Command = 'New-MSecureRecord'; Run = { New-MSecureRecord -Name x -Template Login -Vault other -ErrorAction Stop } }
        @{ Command = 'Set-MSecureRecord'; Run = { Set-MSecureRecord -Name x -Notes y -Vault other -ErrorAction Stop } }
        @{ Command = 'Remove-MSecureRecord'; Run = { Remove-MSecureRecord -Name x -Vault other -Confirm:$false -ErrorAction Stop } }
        @{ Command = 'Get-MSecureRecordHistory'; Run = { Get-MSecureRecordHistory -Name x -Vault other -ErrorAction Stop } }
        @{ Command = 'Export-MSecureEmergencyKit'; Run = { Export-MSecureEmergencyKit -Vault other -ErrorAction Stop } }
    ) {
        $Run | Should -Throw -ErrorId (Id 'VaultLocked' "$($Command -replace '-', '')Command")
    }
}

Describe 'Record formatting never shows a secret' {
    BeforeAll {
        $script:shown = New-MSecureRecord -Name 'shown' -Template Login -UserName erin -Password $secret -Notes "notes $secretText" -Field @{ ApiKey = $secret } -PassThru
        $script:plain = Get-MSecureRecord shown -AsPlainText
    }

    It '<View> of a record read <How> hides the secret' -TestCases @(
        @{ View = 'Out-String'; How = 'normally'; AsPlainText = $false; Render = { param($r) $r | Out-String -Width 300 } }
        @{ View = 'Format-Table'; How = 'normally'; AsPlainText = $false; Render = { param($r) $r | Format-Table | Out-String -Width 300 } }
        @{ View = 'Format-List'; How = 'normally'; AsPlainText = $false; Render = { param($r) $r | Format-List | Out-String -Width 300 } }
        @{ View = 'Out-String'; How = 'with -AsPlainText'; AsPlainText = $true; Render = { param($r) $r | Out-String -Width 300 } }
        @{ View = 'Format-Table'; How = 'with -AsPlainText'; AsPlainText = $true; Render = { param($r) $r | Format-Table | Out-String -Width 300 } }
        @{ View = 'Format-List'; How = 'with -AsPlainText'; AsPlainText = $true; Render = { param($r) $r | Format-List | Out-String -Width 300 } }
        @{ View = 'fields table'; How = 'with -AsPlainText'; AsPlainText = $true; Render = { param($r) $r.Fields | Out-String -Width 300 } }
        @{ View = 'fields list'; How = 'with -AsPlainText'; AsPlainText = $true; Render = { param($r) $r.Fields | Format-List | Out-String -Width 300 } }
        @{ View = 'ToString'; How = 'with -AsPlainText'; AsPlainText = $true; Render = { param($r) "$r $($r.Fields)" } }
    ) {
        $record = if ($AsPlainText) { $plain } else { $shown }
        $text = & $Render $record

        $text | Should -Match 'shown|Password'
        $text.Contains($secretText) | Should -BeFalse -Because "the $View display must not show a secret"
    }

    It 'the list view masks secret fields and shows the notes only by length' {
        $text = $plain | Format-List | Out-String -Width 300

        $text | Should -Match 'Password: \*{8}'
        $text | Should -Match 'ApiKey: \*{8}'
        $text | Should -Match 'Username: erin'
        $text | Should -Match '\(\d+ characters\)'
    }
}

Describe 'Record name completion' {
    It 'completes -Name of <Command> from the unlocked vault' -TestCases @(
        @{ Command = 'Get-MSecureRecord' }, @{ Command = 'Set-MSecureRecord' }, @{ Command = 'Remove-MSecureRecord' }, @{ Command = 'Get-MSecureRecordHistory' }
    ) {
        $line = "$Command -Name gi"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('GitHub')
    }

    It 'uses the vault of -Vault, and quotes names that need it' {
        $null = New-MSecureRecord -Name 'my server' -Template ServerDatabase -Vault other
        $line = 'Get-MSecureRecord -Vault other -Name my'

        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'my server'")
    }

    It 'completes nothing when the vault is locked' {
        Lock-MSecureVault -Vault other
        try {
            $line = 'Get-MSecureRecord -Vault other -Name '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
        }
        finally {
            Unlock-MSecureVault -Vault other -Password $password
        }
    }

    It 'completes the template names of -Template' {
        $line = 'New-MSecureRecord -Name x -Template Cre'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('CreditCard')
    }

    It 'completes vault names of -Vault' {
        $line = 'Get-MSecureRecord -Vault ot'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('other')
    }
}
