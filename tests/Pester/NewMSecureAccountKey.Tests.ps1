BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    # The Account Key alphabet: printable ASCII without space ' " ` \ $.
    $script:alphabet = -join ([char[]](0x21..0x7E) | Where-Object { $_ -notin "'", '"', '`', '\', '$' })
}

Describe 'New-MSecureAccountKey' {
    It 'returns a read-only 46-character SecureString by default' {
        $key = New-MSecureAccountKey

        $key | Should -BeOfType [securestring]
        $key.Length | Should -Be 46
        $key.IsReadOnly() | Should -BeTrue
    }

    It 'returns 46 characters of the alphabet as a String with -AsPlainText' {
        $key = New-MSecureAccountKey -AsPlainText

        $key | Should -BeOfType [string]
        $key.Length | Should -Be 46
        foreach ($c in $key.ToCharArray()) {
            $alphabet.Contains($c) | Should -BeTrue -Because "'$c' must be in the Account Key alphabet"
        }
    }

    It 'holds the same characters in the SecureString' {
        $key = New-MSecureAccountKey
        $plain = [System.Net.NetworkCredential]::new('', $key).Password

        $plain.Length | Should -Be 46
        $plain.ToCharArray() | ForEach-Object { $alphabet.Contains($_) | Should -BeTrue }
    }

    It 'gives a different key each time' {
        $keys = 1..20 | ForEach-Object { New-MSecureAccountKey -AsPlainText }

        ($keys | Sort-Object -Unique).Count | Should -Be 20
    }

    It 'declares SecureString and String as output types' {
        (Get-Command New-MSecureAccountKey).OutputType.Type | Should -Be @([securestring], [string])
    }
}
