# The SecretManagement extension vault (out/MSecure/MSecure.Extension) called directly, the way
# Microsoft.PowerShell.SecretManagement calls it: every contract function with exactly the
# parameters it passes (AdditionalParameters always holds Verbose). SecretManagement itself is
# not loaded here, so Get-SecretInfo writes its plain stand-in objects and a locked vault throws
# the VaultLocked ErrorRecord; SecretManagement.Real.Tests.ps1 runs the same story through the real module.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:folder = Enter-MSecureTestFolder -Name 'secretmanagement'
    $script:extensionPath = Join-Path (Split-Path (Get-MSecureModulePath)) 'MSecure.Extension'
    $script:extension = Import-Module $extensionPath -PassThru -Force
    $script:passwordText = 'correct horse battery staple'
    $script:password = ConvertTo-SecureString $passwordText -AsPlainText -Force
    $null = New-MSecureVault -Vault team -Email team@example.com -Password $password -WarningAction SilentlyContinue
    $script:vaultPath = Join-Path $env:MSECURE_VAULT_DIR 'team.msecure'
    $script:ap = @{ Path = $vaultPath; Verbose = $false }
    function script:Plain([securestring] $secure) { [System.Net.NetworkCredential]::new('', $secure).Password }
    function script:ErrorIdOf([scriptblock] $action) {
        try { & $action; return '(no error)' } catch { return ($_.FullyQualifiedErrorId -split ',')[0] }
    }
}

AfterAll {
    Remove-Module -ModuleInfo $extension -Force -ErrorAction SilentlyContinue
    Exit-MSecureTestFolder $folder
}

Describe 'The MSecure.Extension module' {
    It 'exports exactly the contract functions, each with the parameters SecretManagement passes' {
        $expected = @{
            'Get-Secret'             = 'Name', 'VaultName', 'AdditionalParameters'
            'Get-SecretInfo'         = 'Filter', 'VaultName', 'AdditionalParameters'
            'Set-Secret'             = 'Name', 'Secret', 'VaultName', 'AdditionalParameters', 'Metadata'
            'Remove-Secret'          = 'Name', 'VaultName', 'AdditionalParameters'
            'Set-SecretInfo'         = 'Name', 'Metadata', 'VaultName', 'AdditionalParameters'
            'Test-SecretVault'       = 'VaultName', 'AdditionalParameters'
            'Unlock-SecretVault'     = 'Password', 'VaultName', 'AdditionalParameters'
            'Unregister-SecretVault' = 'VaultName', 'AdditionalParameters'
        }

        ($extension.ExportedCommands.Keys | Sort-Object) | Should -Be ($expected.Keys | Sort-Object)
        foreach ($name in $expected.Keys) {
            $parameters = $extension.ExportedCommands[$name].Parameters.Keys
            foreach ($parameter in $expected[$name]) { $parameters | Should -Contain $parameter -Because "$name takes -$parameter" }
        }
    }

    It 'is a nested module of MSecure that does not reach the user''s session' {
        $module = Get-Module MSecure
        $module.NestedModules.Name | Should -Contain 'MSecure.Extension'
        $module.ExportedCommands.Keys | Should -Not -Contain 'Get-Secret'
        $module.ExportedFunctions.Count | Should -Be 0
    }

    It 'imports on its own by path in a fresh process, as Register-SecretVault does, and reaches MSecure.Core' {
        $pwsh = Get-PwshCommandLine
        $script = "`$m = Import-Module '$extensionPath' -PassThru; `$m.ExportedCommands.Count; Test-SecretVault -VaultName t -AdditionalParameters @{ Path = '$vaultPath'; Verbose = `$false }; try { Get-Secret -Name x -VaultName t -AdditionalParameters @{ Path = '$vaultPath'; Verbose = `$false } } catch { `$_.FullyQualifiedErrorId }"
        $output = & $pwsh.Path @($pwsh.Arguments) -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" }

        $output | Should -Be @('8', 'True', 'VaultLocked,Get-Secret')
    }
}

Describe 'Set-Secret and Get-Secret: every type round-trips' {
    It 'a string with Unicode, tabs and newlines comes back exactly, as a string' {
        $value = "ünï ☃ 𝄞 — é`r`nline two`n`ttabbed`n"
        Set-Secret -Name 'str' -Secret $value -VaultName t -AdditionalParameters $ap

        $back = Get-Secret -Name 'str' -VaultName t -AdditionalParameters $ap
        $back | Should -BeOfType [string]
        $back | Should -BeExactly $value
    }

    It 'a byte[] of all 256 values comes back as one byte[] with the same bytes' {
        $bytes = [byte[]](0..255 + 255..0)
        Set-Secret -Name 'bytes' -Secret $bytes -VaultName t -AdditionalParameters $ap

        $back = @(Get-Secret -Name 'bytes' -VaultName t -AdditionalParameters $ap)
        $back.Count | Should -Be 1
        $back[0].GetType() | Should -Be ([byte[]])
        [System.Linq.Enumerable]::SequenceEqual($back[0], $bytes) | Should -BeTrue
    }

    It 'an empty string and an empty byte[] come back as themselves' {
        Set-Secret -Name 'empty-string' -Secret '' -VaultName t -AdditionalParameters $ap
        Set-Secret -Name 'empty-bytes' -Secret ([byte[]]@()) -VaultName t -AdditionalParameters $ap

        Get-Secret -Name 'empty-string' -VaultName t -AdditionalParameters $ap | Should -BeExactly ''
        $bytes = Get-Secret -Name 'empty-bytes' -VaultName t -AdditionalParameters $ap
        $bytes.GetType() | Should -Be ([byte[]])
        $bytes.Length | Should -Be 0
    }

    It 'a SecureString comes back as a SecureString' {
        Set-Secret -Name 'secure' -Secret (ConvertTo-SecureString 'api ☃ token' -AsPlainText -Force) -VaultName t -AdditionalParameters $ap

        $back = Get-Secret -Name 'secure' -VaultName t -AdditionalParameters $ap
        $back | Should -BeOfType [securestring]
        Plain $back | Should -BeExactly 'api ☃ token'
    }

    It 'a PSCredential is stored as a Login and comes back as a PSCredential' {
        $credential = [pscredential]::new('alice@example.com', (ConvertTo-SecureString 'p@ss word' -AsPlainText -Force))
        Set-Secret -Name 'cred' -Secret $credential -VaultName t -AdditionalParameters $ap

        $back = Get-Secret -Name 'cred' -VaultName t -AdditionalParameters $ap
        $back | Should -BeOfType [pscredential]
        $back.UserName | Should -Be 'alice@example.com'
        $back.GetNetworkCredential().Password | Should -BeExactly 'p@ss word'
        (Get-MSecureRecord -Vault team -Name cred).Template | Should -Be 'Login'
    }

    It 'a Hashtable comes back with its keys, string values as strings and SecureString values as SecureStrings' {
        $table = @{ user = 'bob'; token = (ConvertTo-SecureString 't0ken' -AsPlainText -Force); note = "two`nlines" }
        Set-Secret -Name 'table' -Secret $table -VaultName t -AdditionalParameters $ap

        $back = Get-Secret -Name 'table' -VaultName t -AdditionalParameters $ap
        $back | Should -BeOfType [hashtable]
        ($back.Keys | Sort-Object) | Should -Be @('note', 'token', 'user')
        $back.user | Should -BeExactly 'bob'
        $back.note | Should -BeExactly "two`nlines"
        $back.token.GetType() | Should -Be ([securestring])
        Plain $back.token | Should -BeExactly 't0ken'
    }

    It 'refuses an unsupported type with SecretTypeUnsupported, and writes nothing' -TestCases @(
        @{ Case = 'int'; Value = 42 }
        @{ Case = 'object'; Value = [pscustomobject]@{ a = 1 } }
        @{ Case = 'Hashtable of int'; Value = @{ n = 1 } }
        @{ Case = 'Hashtable using the marker key'; Value = @{ SecretManagementType = 'String' } }
    ) {
        param($Case, $Value)
        ErrorIdOf { Set-Secret -Name "bad $Case" -Secret $Value -VaultName t -AdditionalParameters $ap } | Should -Be 'SecretTypeUnsupported'
        Get-Secret -Name "bad $Case" -VaultName t -AdditionalParameters $ap | Should -BeNullOrEmpty
    }

    It 'gives nothing, and no error, for a name that is not there' {
        Get-Secret -Name 'no such secret' -VaultName t -AdditionalParameters $ap -ErrorVariable errors | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
    }
}

Describe 'Records made with the MSecure cmdlets' {
    It 'a Login comes back as a PSCredential, a one-secret record as a SecureString, others as a Hashtable' {
        $secret = ConvertTo-SecureString 'hunter2' -AsPlainText -Force
        New-MSecureRecord -Vault team -Name 'web' -Template Login -UserName carol -Password $secret -Url https://web.example
        New-MSecureRecord -Vault team -Name 'license' -Template SoftwareLicense -Field @{ LicenseKey = $secret }
        New-MSecureRecord -Vault team -Name 'card' -Template CreditCard -Field @{ CardNumber = $secret; NameOnCard = 'C. Arol' } -Notes 'backup'

        (Get-Secret -Name web -VaultName t -AdditionalParameters $ap).UserName | Should -Be 'carol'
        Plain (Get-Secret -Name license -VaultName t -AdditionalParameters $ap) | Should -BeExactly 'hunter2'
        $card = Get-Secret -Name card -VaultName t -AdditionalParameters $ap
        ($card.Keys | Sort-Object) | Should -Be @('CardNumber', 'NameOnCard', 'Notes')
        Plain $card.CardNumber | Should -BeExactly 'hunter2'
        $card.NameOnCard | Should -Be 'C. Arol'
    }

    It 'Get-SecretInfo names the type Get-Secret gives' {
        $types = @{}
        Get-SecretInfo -Filter '*' -VaultName t -AdditionalParameters $ap | ForEach-Object { $types[$_.Name] = $_.Type }

        $types['web'] | Should -Be 'PSCredential'
        $types['license'] | Should -Be 'SecureString'
        $types['card'] | Should -Be 'Hashtable'
        $types['bytes'] | Should -Be 'ByteArray'
        $types['str'] | Should -Be 'String'
        $types['secure'] | Should -Be 'SecureString'
    }
}

Describe 'Overwriting with Set-Secret' {
    It 'replaces the value of the same record and keeps its tags' {
        Set-Secret -Name 'rotating' -Secret 'one' -VaultName t -AdditionalParameters $ap -Metadata @{ Tags = 'ci' }
        $first = Get-MSecureRecord -Vault team -Name rotating

        Set-Secret -Name 'rotating' -Secret 'two' -VaultName t -AdditionalParameters $ap -Metadata @{}

        Get-Secret -Name 'rotating' -VaultName t -AdditionalParameters $ap | Should -BeExactly 'two'
        $second = Get-MSecureRecord -Vault team -Name rotating
        $second.Id | Should -Be $first.Id
        $second.Revision | Should -Be 2
        $second.Tags | Should -Be @('ci')
    }

    It 'can change the type: a string overwritten by a byte[] comes back as a byte[]' {
        Set-Secret -Name 'shape' -Secret 'text' -VaultName t -AdditionalParameters $ap
        Set-Secret -Name 'shape' -Secret ([byte[]](1, 2, 3)) -VaultName t -AdditionalParameters $ap

        (Get-Secret -Name 'shape' -VaultName t -AdditionalParameters $ap) -join ',' | Should -Be '1,2,3'
    }

    It 'a PSCredential over a Login changes only its user name and password, its web address stays' {
        Set-Secret -Name 'web' -Secret ([pscredential]::new('dave', (ConvertTo-SecureString 'new pw' -AsPlainText -Force))) -VaultName t -AdditionalParameters $ap

        $record = Get-MSecureRecord -Vault team -Name web
        $record.GetField('Username').Value | Should -Be 'dave'
        $record.GetField('Website').Value | Should -Be 'https://web.example'
        (Get-Secret -Name web -VaultName t -AdditionalParameters $ap).GetNetworkCredential().Password | Should -BeExactly 'new pw'
    }
}

Describe 'Get-SecretInfo' {
    BeforeAll {
        foreach ($name in 'app-one', 'app-two', 'App-Three', 'other') {
            Set-Secret -Name $name -Secret "value of $name" -VaultName t -AdditionalParameters $ap
        }
    }

    It 'matches a wildcard Filter ignoring case' -TestCases @(
        @{ Filter = 'app-*'; Expected = @('app-one', 'App-Three', 'app-two') }
        @{ Filter = 'APP-T*'; Expected = @('App-Three', 'app-two') }
        @{ Filter = 'app-???'; Expected = @('app-one', 'app-two') }
        @{ Filter = '[ao]*-one'; Expected = @('app-one') }
    ) {
        param($Filter, $Expected)
        $names = Get-SecretInfo -Filter $Filter -VaultName t -AdditionalParameters $ap | ForEach-Object Name | Sort-Object
        $names | Should -Be ($Expected | Sort-Object)
    }

    It 'finds an exact name (any case) by itself, and nothing for a missing one' {
        $info = @(Get-SecretInfo -Filter 'APP-ONE' -VaultName t -AdditionalParameters $ap)
        $info.Count | Should -Be 1
        $info[0].Name | Should -Be 'app-one'
        $info[0].VaultName | Should -Be 't'
        Get-SecretInfo -Filter 'app-none' -VaultName t -AdditionalParameters $ap | Should -BeNullOrEmpty
    }

    It 'lists everything for * or no Filter' {
        $all = @(Get-SecretInfo -Filter '*' -VaultName t -AdditionalParameters $ap).Count
        $all | Should -Be (@(Get-MSecureRecord -Vault team).Count)
        @(Get-SecretInfo -VaultName t -AdditionalParameters $ap).Count | Should -Be $all
    }

    It 'Metadata holds only non-secret facts' {
        $info = Get-SecretInfo -Filter 'web' -VaultName t -AdditionalParameters $ap

        ($info.Metadata.Keys | Sort-Object) | Should -Be @('Favorite', 'Modified', 'Tags', 'Template', 'Url')
        $info.Metadata.Template | Should -Be 'Login'
        $info.Metadata.Url | Should -Be 'https://web.example'
        $info.Metadata.Modified | Should -BeOfType [datetime]
        foreach ($value in $info.Metadata.Values) { "$value" | Should -Not -Match 'new pw|dave' }
    }
}

Describe 'Metadata: Set-Secret -Metadata and Set-SecretInfo' {
    It 'Set-Secret -Metadata stores Tags, Url and Favorite' {
        Set-Secret -Name 'meta' -Secret 'm' -VaultName t -AdditionalParameters $ap -Metadata @{ Tags = 'ci', 'prod'; Url = 'https://ci.example'; Favorite = $true }

        $metadata = (Get-SecretInfo -Filter 'meta' -VaultName t -AdditionalParameters $ap).Metadata
        $metadata.Tags | Should -Be @('ci', 'prod')
        $metadata.Url | Should -Be 'https://ci.example'
        $metadata.Favorite | Should -BeTrue
        Get-Secret -Name 'meta' -VaultName t -AdditionalParameters $ap | Should -BeExactly 'm'
    }

    It 'Set-SecretInfo replaces the tags and favorite, keeps the value and the web address' {
        Set-SecretInfo -Name 'meta' -Metadata @{ Tags = 'staging' } -VaultName t -AdditionalParameters $ap

        $metadata = (Get-SecretInfo -Filter 'meta' -VaultName t -AdditionalParameters $ap).Metadata
        $metadata.Tags | Should -Be @('staging')
        $metadata.Favorite | Should -BeFalse
        $metadata.Url | Should -Be 'https://ci.example'
        Get-Secret -Name 'meta' -VaultName t -AdditionalParameters $ap | Should -BeExactly 'm'
    }

    It 'refuses metadata it cannot store with SecretMetadataUnsupported, and changes nothing' {
        ErrorIdOf { Set-SecretInfo -Name 'meta' -Metadata @{ Owner = 'me' } -VaultName t -AdditionalParameters $ap } | Should -Be 'SecretMetadataUnsupported'
        ErrorIdOf { Set-Secret -Name 'meta' -Secret 'changed' -VaultName t -AdditionalParameters $ap -Metadata @{ Expires = (Get-Date) } } | Should -Be 'SecretMetadataUnsupported'

        (Get-SecretInfo -Filter 'meta' -VaultName t -AdditionalParameters $ap).Metadata.Tags | Should -Be @('staging')
        Get-Secret -Name 'meta' -VaultName t -AdditionalParameters $ap | Should -BeExactly 'm'
    }

    It 'Set-SecretInfo of a missing secret is RecordNotFound' {
        ErrorIdOf { Set-SecretInfo -Name 'nope' -Metadata @{} -VaultName t -AdditionalParameters $ap } | Should -Be 'RecordNotFound'
    }
}

Describe 'Remove-Secret' {
    It 'removes the secret' {
        Set-Secret -Name 'doomed' -Secret 'x' -VaultName t -AdditionalParameters $ap
        Remove-Secret -Name 'doomed' -VaultName t -AdditionalParameters $ap

        Get-Secret -Name 'doomed' -VaultName t -AdditionalParameters $ap | Should -BeNullOrEmpty
    }

    It 'a missing secret is RecordNotFound' {
        ErrorIdOf { Remove-Secret -Name 'doomed' -VaultName t -AdditionalParameters $ap } | Should -Be 'RecordNotFound'
    }
}

Describe 'VaultParameters' {
    It 'refuses a key that looks like a password, without repeating its value' {
        try { Get-Secret -Name x -VaultName t -AdditionalParameters @{ Path = $vaultPath; Password = 'hunter2'; Verbose = $false }; throw 'no error' }
        catch {
            $_.FullyQualifiedErrorId | Should -Be 'SecretVaultParameterSecret,Get-Secret'
            "$_" | Should -Match 'plain text'
            "$_" | Should -Not -Match 'hunter2'
        }
    }

    It 'refuses an unknown key' {
        ErrorIdOf { Get-Secret -Name x -VaultName t -AdditionalParameters @{ Colour = 'blue'; Verbose = $false } } | Should -Be 'SecretVaultParameterInvalid'
    }

    It 'Path may be a vault name; without Path the default vault is used' {
        Get-Secret -Name 'str' -VaultName t -AdditionalParameters @{ Path = 'team'; Verbose = $false } | Should -Not -BeNullOrEmpty
        $env:MSECURE_DEFAULT_VAULT = 'team'
        try { Get-Secret -Name 'str' -VaultName t -AdditionalParameters @{ Verbose = $false } | Should -Not -BeNullOrEmpty }
        finally { $env:MSECURE_DEFAULT_VAULT = $null }
    }

    It 'Verbose = $true makes the functions write verbose records' {
        $verbose = Unregister-SecretVault -VaultName t -AdditionalParameters @{ Path = $vaultPath; Verbose = $true } 4>&1
        "$verbose" | Should -Match 'records are kept'
        Test-Path $vaultPath | Should -BeTrue
    }
}

Describe 'Test-SecretVault' {
    It 'is $true for a sound vault' {
        Test-SecretVault -VaultName t -AdditionalParameters $ap | Should -BeTrue
    }

    It 'is $false, with a VaultNotFound error, for a missing vault file' {
        $result = Test-SecretVault -VaultName t -AdditionalParameters @{ Path = (Join-Path $folder.WorkDir 'missing.msecure'); Verbose = $false } -ErrorVariable errors -ErrorAction SilentlyContinue
        $result | Should -BeFalse
        $errors[0].FullyQualifiedErrorId | Should -Match '^VaultNotFound'
    }
}

Describe 'A locked vault, Unlock-SecretVault and the shared session cache' {
    BeforeEach { Lock-MSecureVault -Vault team }
    AfterAll { Unlock-MSecureVault -Vault team -Password $password }

    It 'Get-Secret on a locked vault fails with VaultLocked, naming Unlock-SecretVault' {
        try { Get-Secret -Name str -VaultName team-sm -AdditionalParameters $ap; throw 'no error' }
        catch {
            $_.FullyQualifiedErrorId | Should -Be 'VaultLocked,Get-Secret'
            "$_" | Should -Match 'Unlock-SecretVault -Name team-sm'
        }
        foreach ($action in { Get-SecretInfo -Filter * -VaultName t -AdditionalParameters $ap }, { Set-Secret -Name n -Secret 'v' -VaultName t -AdditionalParameters $ap },
            { Remove-Secret -Name str -VaultName t -AdditionalParameters $ap }, { Set-SecretInfo -Name str -Metadata @{} -VaultName t -AdditionalParameters $ap }) {
            ErrorIdOf $action | Should -Be 'VaultLocked'
        }
    }

    It 'Unlock-SecretVault with the wrong password is WrongPassword and leaves it locked' {
        ErrorIdOf { Unlock-SecretVault -Password (ConvertTo-SecureString 'wrong' -AsPlainText -Force) -VaultName t -AdditionalParameters $ap } | Should -Be 'WrongPassword'
        ErrorIdOf { Get-Secret -Name str -VaultName t -AdditionalParameters $ap } | Should -Be 'VaultLocked'
    }

    It 'Unlock-SecretVault unlocks it for the extension and the MSecure cmdlets alike' {
        Unlock-SecretVault -Password $password -VaultName t -AdditionalParameters $ap

        Get-Secret -Name str -VaultName t -AdditionalParameters $ap | Should -Not -BeNullOrEmpty
        (Get-MSecureVault -Vault team).IsUnlocked | Should -BeTrue
    }

    It 'Unlock-MSecureVault unlocks it for the extension' {
        Unlock-MSecureVault -Vault team -Password $password

        Get-Secret -Name str -VaultName t -AdditionalParameters $ap | Should -Not -BeNullOrEmpty
    }

    It 'never prompts in a non-interactive process: the locked error at once' {
        $result = Invoke-ChildPwsh -Environment @{ MSECURE_VAULT_DIR = $env:MSECURE_VAULT_DIR } -Script "Import-Module '$extensionPath'; try { Get-Secret -Name str -VaultName t -AdditionalParameters @{ Path = '$vaultPath'; Verbose = `$false } } catch { `$_.FullyQualifiedErrorId }"

        $result.Output | Should -Be @('VaultLocked,Get-Secret')
    }
}

Describe 'Log masking' {
    It 'Get-Secret registers each secret value with GitHub Actions before returning it' {
        $environment = @{ MSECURE_VAULT_DIR = $env:MSECURE_VAULT_DIR; GITHUB_ACTIONS = 'true'; MSECURE_TEST_PASSWORD = $passwordText }
        $script = "Import-Module '$extensionPath'; `$ap = @{ Path = '$vaultPath'; Verbose = `$false }; Unlock-SecretVault -Password (ConvertTo-SecureString `$env:MSECURE_TEST_PASSWORD -AsPlainText -Force) -VaultName t -AdditionalParameters `$ap; " +
            "`$null = Get-Secret -Name table -VaultName t -AdditionalParameters `$ap; 'after'; `$ap.MaskFor = 'None'; `$null = Get-Secret -Name secure -VaultName t -AdditionalParameters `$ap; 'done'"
        $result = Invoke-ChildPwsh -Environment $environment -Script $script

        $result.Output | Should -Be @('::add-mask::t0ken', 'after', 'done')
    }
}

Describe 'Two processes using one vault through the extension at once' {
    It 'both write 15 secrets while the other does, and every secret is there afterwards' {
        $environment = @{ MSECURE_VAULT_DIR = $env:MSECURE_VAULT_DIR; MSECURE_TEST_PASSWORD = $passwordText }
        $children = foreach ($who in 'left', 'right') {
            Start-ChildPwsh -Environment $environment -Script @"
Import-Module '$extensionPath'
`$ap = @{ Path = '$vaultPath'; Verbose = `$false }
Unlock-SecretVault -Password (ConvertTo-SecureString `$env:MSECURE_TEST_PASSWORD -AsPlainText -Force) -VaultName t -AdditionalParameters `$ap
foreach (`$i in 1..15) {
    Set-Secret -Name "$who-`$i" -Secret "$who value `$i" -VaultName t -AdditionalParameters `$ap
    `$null = Get-SecretInfo -Filter '*-1' -VaultName t -AdditionalParameters `$ap
}
"@
        }
        foreach ($child in $children) {
            $child.WaitForExit(180000) | Should -BeTrue
            $child.ExitCode | Should -Be 0 -Because $child.ErrorOutput.Result
        }

        foreach ($who in 'left', 'right') {
            @(Get-SecretInfo -Filter "$who-*" -VaultName t -AdditionalParameters $ap).Count | Should -Be 15
            Get-Secret -Name "$who-15" -VaultName t -AdditionalParameters $ap | Should -BeExactly "$who value 15"
        }
    }
}

Describe 'A tampered vault file' {
    It 'gives a clear error from Unlock-SecretVault and Test-SecretVault, never a secret' {
        $null = New-MSecureVault -Vault victim -Email v@example.com -Password $password -WarningAction SilentlyContinue
        $victim = Join-Path $env:MSECURE_VAULT_DIR 'victim.msecure'
        $vp = @{ Path = $victim; Verbose = $false }
        Set-Secret -Name 'inside' -Secret 'victim secret' -VaultName v -AdditionalParameters $vp
        Lock-MSecureVault -Vault victim
        # No connection to the file is open now (it is locked): overwrite its header.
        $bytes = [IO.File]::ReadAllBytes($victim)
        for ($i = 0; $i -lt 100; $i++) { $bytes[$i] = 0x5A }
        [IO.File]::WriteAllBytes($victim, $bytes)

        try { Unlock-SecretVault -Password $password -VaultName v -AdditionalParameters $vp; throw 'no error' }
        catch {
            $_.FullyQualifiedErrorId | Should -Match '^(VaultCorrupted|VaultTampered),Unlock-SecretVault$'
            "$_" | Should -Not -Match 'victim secret'
        }
        Test-SecretVault -VaultName v -AdditionalParameters $vp -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeFalse
        $errors[0].FullyQualifiedErrorId | Should -Match '^(VaultCorrupted|VaultTampered)'
    }
}
