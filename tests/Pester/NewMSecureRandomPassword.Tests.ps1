BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    $script:lower = 'abcdefghijklmnopqrstuvwxyz'
    $script:digits = '0123456789'
    $script:symbols = '!#%&()*+,-./:;<=>?@[]^_{|}~'
    function script:Test-HasAny([string] $text, [string] $set) { $text.IndexOfAny($set.ToCharArray()) -ge 0 }
}

Describe 'New-MSecureRandomPassword' {
    Context 'Character passwords' {
        It 'returns a 20-character SecureString of all four classes by default' {
            $password = New-MSecureRandomPassword

            $password | Should -BeOfType [securestring]
            $password.Length | Should -Be 20
            $plain = [System.Net.NetworkCredential]::new('', $password).Password
            foreach ($set in $upper, $lower, $digits, $symbols) {
                Test-HasAny $plain $set | Should -BeTrue
            }
        }

        It 'honours -Length <Length>' -TestCases @(@{ Length = 4 }, @{ Length = 33 }, @{ Length = 1024 }) {
            (New-MSecureRandomPassword -Length $Length -AsPlainText).Length | Should -Be $Length
        }

        It 'takes the length as the first positional argument' {
            (New-MSecureRandomPassword 12 -AsPlainText).Length | Should -Be 12
        }

        It 'rejects -Length <Length>' -TestCases @(@{ Length = 3 }, @{ Length = 1025 }) {
            { New-MSecureRandomPassword -Length $Length } | Should -Throw -ErrorId 'ParameterArgumentValidationError,MSecure.PowerShell.Commands.NewMSecureRandomPasswordCommand'
        }

        It 'uses only, and always, the chosen classes' {
            1..50 | ForEach-Object {
                $plain = New-MSecureRandomPassword -Length 4 -CharacterSet Uppercase, Digits -AsPlainText
                Test-HasAny $plain $upper | Should -BeTrue
                Test-HasAny $plain $digits | Should -BeTrue
                Test-HasAny $plain $lower | Should -BeFalse
                Test-HasAny $plain $symbols | Should -BeFalse
            }
        }

        It 'leaves out ambiguous characters with -ExcludeAmbiguous' {
            $plain = -join (New-MSecureRandomPassword -Length 1024 -ExcludeAmbiguous -Count 5 -AsPlainText)

            Test-HasAny $plain '0O1lI|' | Should -BeFalse
        }

        It 'leaves out -ExcludeCharacter' {
            $plain = -join (New-MSecureRandomPassword -Length 1024 -ExcludeCharacter 'aeiou#%' -Count 5 -AsPlainText)

            Test-HasAny $plain 'aeiou#%' | Should -BeFalse
        }

        It 'reports a class left empty as InvalidArgument' {
            { New-MSecureRandomPassword -CharacterSet Digits -ExcludeCharacter $digits -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidArgument,MSecure.PowerShell.Commands.NewMSecureRandomPasswordCommand'
        }

        It 'rejects an unknown character class' {
            { New-MSecureRandomPassword -CharacterSet Emoji } | Should -Throw -ErrorId 'ParameterArgumentValidationError,MSecure.PowerShell.Commands.NewMSecureRandomPasswordCommand'
        }

        It 'writes -Count passwords, all different' {
            $passwords = New-MSecureRandomPassword -Count 25 -AsPlainText

            $passwords.Count | Should -Be 25
            ($passwords | Sort-Object -Unique).Count | Should -Be 25
        }

        It 'takes Length, CharacterSet and ExcludeCharacter from the pipeline by property name' {
            $rows = @(
                [pscustomobject]@{ Length = 8; CharacterSet = 'Digits' }
                [pscustomobject]@{ Length = 30; CharacterSet = 'Lowercase', 'Uppercase'; ExcludeCharacter = 'xyzXYZ' }
            )
            $passwords = $rows | New-MSecureRandomPassword -AsPlainText

            $passwords[0] | Should -Match '^[0-9]{8}$'
            $passwords[1] | Should -Match '^[a-wA-W]{30}$'
        }
    }

    Context 'Passphrases' {
        BeforeAll {
            $script:words = Get-Content (Join-Path (Get-RepositoryRoot) 'src/MSecure.Core/Passwords/WordList.txt') | Where-Object { $_ -and -not $_.StartsWith('#') }
            $script:wordSet = [System.Collections.Generic.HashSet[string]]::new([string[]]$words)
        }

        It 'returns six list words joined by dashes' {
            $plain = New-MSecureRandomPassword -Passphrase -AsPlainText
            $parts = $plain -split '-'

            $parts.Count | Should -Be 6
            $parts | ForEach-Object { $wordSet.Contains($_) | Should -BeTrue -Because "'$_' must be a list word" }
        }

        It 'applies -WordCount, -Separator, -Capitalize and -IncludeDigit' {
            $plain = New-MSecureRandomPassword -Passphrase -WordCount 4 -Separator ' ' -Capitalize -IncludeDigit -AsPlainText
            $parts = $plain -split ' '

            $parts.Count | Should -Be 4
            @($parts | Where-Object { $_ -match '\d$' }).Count | Should -Be 1
            $parts | ForEach-Object {
                $_ | Should -MatchExactly '^[A-Z][a-z]+\d?$'
                $wordSet.Contains(($_ -replace '\d$', '').ToLowerInvariant()) | Should -BeTrue
            }
        }

        It 'rejects -WordCount <WordCount>' -TestCases @(@{ WordCount = 2 }, @{ WordCount = 65 }) {
            { New-MSecureRandomPassword -Passphrase -WordCount $WordCount } | Should -Throw -ErrorId 'ParameterArgumentValidationError,MSecure.PowerShell.Commands.NewMSecureRandomPasswordCommand'
        }

        It 'does not mix passphrase and character parameters' {
            { New-MSecureRandomPassword -Passphrase -Length 10 } | Should -Throw -ErrorId 'AmbiguousParameterSet,MSecure.PowerShell.Commands.NewMSecureRandomPasswordCommand'
        }
    }

    Context '-Detailed' {
        It 'reports the exact entropy of a default password' {
            $info = New-MSecureRandomPassword -Detailed

            $info.GetType().FullName | Should -Be 'MSecure.PowerShell.Models.RandomPasswordInfo'
            $info.Kind | Should -Be 'Characters'
            $info.Length | Should -Be 20
            $info.Password | Should -BeOfType [securestring]
            [math]::Round($info.EntropyBits, 1) | Should -Be 129.4
        }

        It 'reports words times log2 of the list size for a passphrase' {
            $info = New-MSecureRandomPassword -Passphrase -WordCount 5 -Detailed

            $info.Kind | Should -Be 'Passphrase'
            $info.EntropyBits | Should -BeGreaterThan (5 * [math]::Log(7772, 2) - 1e-9)
            $info.EntropyBits | Should -BeLessThan (5 * [math]::Log(7772, 2) + 1e-9)
        }

        It 'holds a String password with -AsPlainText' {
            $info = New-MSecureRandomPassword -Length 10 -Detailed -AsPlainText

            $info.Password | Should -BeOfType [string]
            $info.Password.Length | Should -Be 10
        }
    }

    It 'declares its output types' {
        (Get-Command New-MSecureRandomPassword).OutputType.Name | Should -Be @('System.Security.SecureString', 'System.String', 'MSecure.PowerShell.Models.RandomPasswordInfo')
    }
}
