# Get-MSecureOneTimePassword against a real vault in a temporary MSECURE_VAULT_DIR.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:savedVaultDir = $env:MSECURE_VAULT_DIR
    $script:workDir = Join-Path ([System.IO.Path]::GetTempPath()) ("msecure-otp-" + [guid]::NewGuid().ToString('N'))
    $env:MSECURE_VAULT_DIR = Join-Path $workDir 'vaults'
    $password = ConvertTo-SecureString 'one-time code vault password' -AsPlainText -Force
    function script:Secure([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
    function script:Id([string] $errorId) { "$errorId,MSecure.PowerShell.Commands.GetMSecureOneTimePasswordCommand" }
    # RFC 6238's SHA-1 key "12345678901234567890" in Base32.
    $script:seed = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
    $null = New-MSecureVault -Email otp@example.com -Password $password -WarningAction SilentlyContinue
    New-MSecureRecord -Name github -Template Login -UserName alice -Password (Secure 'pw-github-1') -Field @{ OneTimePassword = (Secure "otpauth://totp/GitHub:alice?secret=$seed&issuer=GitHub&digits=8&algorithm=SHA1&period=30") }
    New-MSecureRecord -Name plain -Template Login -UserName bob -Password (Secure 'pw-plain-1')
    New-MSecureRecord -Name hotp -Template Login -UserName carol -Field @{ OneTimePassword = (Secure "otpauth://hotp/X:carol?secret=$seed&counter=1") }
    New-MSecureRecord -Name broken -Template Login -UserName dave -Field @{ OneTimePassword = (Secure 'NOT-BASE32-0189') }
    New-MSecureRecord -Name note -Template SecureNote -Field @{ 'Backup seed' = (Secure $seed) }
}

AfterAll {
    Lock-MSecureVault -All
    $env:MSECURE_VAULT_DIR = $savedVaultDir
    Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-MSecureOneTimePassword' {
    It 'writes the current code as a SecureString with its validity' {
        $otp = Get-MSecureOneTimePassword -Name github

        $otp.GetType().FullName | Should -Be 'MSecure.PowerShell.Models.MSecureOneTimePassword'
        $otp.Code | Should -BeOfType [securestring]
        $otp.Code.Length | Should -Be 8
        $otp.Digits | Should -Be 8
        $otp.Period | Should -Be 30
        $otp.Algorithm | Should -Be 'SHA1'
        $otp.Issuer | Should -Be 'GitHub'
        $otp.Account | Should -Be 'alice'
        $otp.RemainingSeconds | Should -BeGreaterOrEqual 1
        $otp.RemainingSeconds | Should -BeLessOrEqual 30
        $otp.ValidUntil.ToUnixTimeSeconds() % 30 | Should -Be 0
    }

    It 'gives the RFC 6238 code of the current time step with -AsPlainText' {
        # Computed here independently (HMAC-SHA1, dynamic truncation) for the step the cmdlet used.
        $otp = Get-MSecureOneTimePassword -Name github -AsPlainText
        $counter = [long]($otp.ValidUntil.ToUnixTimeSeconds() / 30) - 1
        $message = [BitConverter]::GetBytes($counter); [array]::Reverse($message)
        $hmac = [System.Security.Cryptography.HMACSHA1]::new([Text.Encoding]::ASCII.GetBytes('12345678901234567890'))
        $hash = $hmac.ComputeHash($message); $hmac.Dispose()
        $offset = $hash[19] -band 0xf
        $binary = (([int]$hash[$offset] -band 0x7f) -shl 24) -bor ([int]$hash[$offset + 1] -shl 16) -bor ([int]$hash[$offset + 2] -shl 8) -bor [int]$hash[$offset + 3]

        $otp.Code | Should -BeOfType [string]
        $otp.Code | Should -Be (($binary % 100000000).ToString('D8'))
    }

    It 'reads a bare Base32 seed from the field -Field names' {
        $otp = Get-MSecureOneTimePassword -Name note -Field 'backup SEED' -AsPlainText

        $otp.Code | Should -Match '^\d{6}$'
        $otp.Digits | Should -Be 6
        $otp.Issuer | Should -BeNullOrEmpty
    }

    It 'takes records from Get-MSecureRecord by property name, and by -Id' {
        $record = Get-MSecureRecord -Name github
        (Get-MSecureRecord -Name github | Get-MSecureOneTimePassword).Id | Should -Be $record.Id
        (Get-MSecureOneTimePassword -Id $record.Id).Name | Should -Be 'github'
        ([pscustomobject]@{ Name = 'GITHUB' } | Get-MSecureOneTimePassword).Name | Should -Be 'github'
    }

    It 'never shows the code in the default view or the text form' {
        $otp = Get-MSecureOneTimePassword -Name github -AsPlainText
        $shown = ($otp | Out-String) + ($otp | Format-List | Out-String) + "$otp"

        $shown | Should -Not -Match $otp.Code
        ($otp | Out-String) | Should -Match '\*{8}'
    }

    It 'registers the code with the CI log masking before writing it' {
        $result = Invoke-ChildPwsh -Script @"
`$env:MSECURE_VAULT_DIR = '$($env:MSECURE_VAULT_DIR)'
Unlock-MSecureVault -Password (ConvertTo-SecureString 'one-time code vault password' -AsPlainText -Force)
`$otp = Get-MSecureOneTimePassword -Name github -AsPlainText -MaskFor GitHubActions
'code=' + `$otp.Code
"@
        $code = ($result.Output | Where-Object { $_ -like 'code=*' }) -replace '^code=', ''

        $code | Should -Match '^\d{8}$'
        $result.Output | Should -Contain "::add-mask::$code"
    }

    It 'fails with OneTimePasswordMissing for a record without a seed, or a missing field' {
        { Get-MSecureOneTimePassword -Name plain -ErrorAction Stop } | Should -Throw -ErrorId (Id 'OneTimePasswordMissing')
        { Get-MSecureOneTimePassword -Name github -Field Nope -ErrorAction Stop } | Should -Throw -ErrorId (Id 'OneTimePasswordMissing')
    }

    It 'fails with OneTimePasswordInvalid for an HOTP or malformed seed, never showing it' {
        $hotp = { Get-MSecureOneTimePassword -Name hotp -ErrorAction Stop } | Should -Throw -ErrorId (Id 'OneTimePasswordInvalid') -PassThru
        $hotp.Exception.Message | Should -Match 'HOTP'
        $hotp.Exception.Message | Should -Not -Match $seed

        $broken = { Get-MSecureOneTimePassword -Name broken -ErrorAction Stop } | Should -Throw -ErrorId (Id 'OneTimePasswordInvalid') -PassThru
        $broken.Exception.Message | Should -Not -Match 'NOT-BASE32'
        $broken.Exception.Message | Should -Match 'Base32'
    }

    It 'fails with RecordNotFound for a missing record' {
        { Get-MSecureOneTimePassword -Name nosuch -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordNotFound')
    }

    It 'completes record names' {
        $completion = TabExpansion2 -inputScript 'Get-MSecureOneTimePassword -Name git' -cursorColumn 'Get-MSecureOneTimePassword -Name git'.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'github'
    }
}
