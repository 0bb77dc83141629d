# Get-MSecureSecurityReport against a real vault in a temporary MSECURE_VAULT_DIR.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:savedVaultDir = $env:MSECURE_VAULT_DIR
    $script:workDir = Join-Path ([System.IO.Path]::GetTempPath()) ("msecure-report-" + [guid]::NewGuid().ToString('N'))
    $env:MSECURE_VAULT_DIR = Join-Path $workDir 'vaults'
    $password = ConvertTo-SecureString 'security report vault password' -AsPlainText -Force
    function script:Secure([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
    function script:Id([string] $errorId) { "$errorId,MSecure.PowerShell.Commands.GetMSecureSecurityReportCommand" }
    $script:weak = 'P@ssw0rd2024'
    $script:shared = 'Shared-Secret-Value-81'
    $null = New-MSecureVault -Email report@example.com -Password $password -WarningAction SilentlyContinue
    New-MSecureRecord -Name github -Template Login -UserName alice -Password (Secure $weak) -Tag work
    New-MSecureRecord -Name gitlab -Template Login -UserName alice -Password (Secure $shared) -Tag work -Field @{ OneTimePassword = (Secure 'JBSWY3DPEHPK3PXP') }
    New-MSecureRecord -Name forum -Template Login -UserName alice -Password (Secure $shared) -Tag home
    New-MSecureRecord -Name bank -Template Login -UserName alice -Password (Secure 'vR7#qLx9!mZ2&wP4tK8e') -Tag home -Field @{ OneTimePassword = (Secure 'JBSWY3DPEHPK3PXP') }
    New-MSecureRecord -Name recipe -Template SecureNote -Notes 'flour'
}

AfterAll {
    Lock-MSecureVault -All
    $env:MSECURE_VAULT_DIR = $savedVaultDir
    Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-MSecureSecurityReport' {
    BeforeAll {
        $script:report = @(Get-MSecureSecurityReport)
        $script:byName = @{}
        foreach ($item in $report) { $byName[$item.Name] = $item }
    }

    It 'writes one object per record' {
        $report.Count | Should -Be 5
        $report[0].GetType().FullName | Should -Be 'MSecure.PowerShell.Models.MSecureRecordSecurity'
        $byName['recipe'].HasPassword | Should -BeFalse
        $byName['recipe'].HasIssues | Should -BeFalse
    }

    It 'finds weak passwords with their reasons' {
        $byName['github'].IsWeak | Should -BeTrue
        $byName['github'].WeakReasons | Should -Contain 'LowScore'
        $byName['github'].WeakReasons | Should -Contain 'CommonPassword'
        $byName['github'].Score | Should -BeLessThan 3
        $byName['bank'].IsWeak | Should -BeFalse
        $byName['bank'].Score | Should -Be 4
    }

    It 'groups reused passwords' {
        $byName['gitlab'].ReusedCount | Should -Be 1
        $byName['forum'].ReusedCount | Should -Be 1
        $byName['gitlab'].ReuseGroup | Should -Be $byName['forum'].ReuseGroup
        $byName['github'].IsReused | Should -BeFalse
        $byName['github'].ReuseGroup | Should -BeNullOrEmpty
    }

    It 'reports the password age and logins without a one-time code' {
        $byName['bank'].PasswordAge.TotalDays | Should -BeLessThan 1
        $byName['bank'].IsOld | Should -BeFalse
        $byName['bank'].HasOneTimePassword | Should -BeTrue
        $byName['github'].MissingOneTimePassword | Should -BeTrue
        $byName['gitlab'].MissingOneTimePassword | Should -BeFalse
        @(Get-MSecureSecurityReport -OlderThanDays 0 | Where-Object IsOld).Count | Should -Be 4
    }

    It 'reports the age from history: a change of another field keeps it' {
        $before = (Get-MSecureSecurityReport -Name bank).PasswordChangedAt
        Start-Sleep -Milliseconds 20
        Set-MSecureRecord -Name bank -UserName alice2

        (Get-MSecureSecurityReport -Name bank).PasswordChangedAt | Should -Be $before
        Set-MSecureRecord -Name bank -Password (Secure 'Another-Strong-Pass-93!x')
        (Get-MSecureSecurityReport -Name bank).PasswordChangedAt | Should -BeGreaterThan $before
    }

    It 'filters by -Name wildcards and -Tag, still finding reuse across the vault' {
        $work = @(Get-MSecureSecurityReport -Tag work)
        ($work.Name | Sort-Object) | Should -Be @('github', 'gitlab')
        ($work | Where-Object Name -eq gitlab).ReusedCount | Should -Be 1

        @(Get-MSecureSecurityReport -Name 'git*', 'bank').Count | Should -Be 3
        @(Get-MSecureSecurityReport -Name 'git*' -Tag home).Count | Should -Be 0
    }

    It 'writes the counts with -Summary' {
        $summary = Get-MSecureSecurityReport -Summary

        $summary.GetType().FullName | Should -Be 'MSecure.PowerShell.Models.MSecureSecurityReportSummary'
        $summary.Records | Should -Be 5
        $summary.RecordsInVault | Should -Be 5
        $summary.WithPassword | Should -Be 4
        $summary.Weak | Should -Be 1
        $summary.Reused | Should -Be 2
        $summary.ReuseGroups | Should -Be 1
        $summary.LoginsWithoutOneTimePassword | Should -Be 2
        ($summary.ScoreCounts | Measure-Object -Sum).Sum | Should -Be 4
        $summary.OlderThanDays | Should -Be 365
    }

    It 'never holds or shows a password' {
        $all = @(Get-MSecureSecurityReport) + @(Get-MSecureSecurityReport -Summary)
        $shown = ($all | Format-Table | Out-String -Width 300) + ($all | Format-List * | Out-String -Width 300) + ($all | ForEach-Object { "$_" }) +
            ($all | ConvertTo-Json -Depth 4)

        $shown | Should -Not -Match ([regex]::Escape($weak))
        $shown | Should -Not -Match ([regex]::Escape($shared))
    }

    It 'fails with RecordNotFound for a -Name without wildcards that names no record, and VaultLocked when locked' {
        { Get-MSecureSecurityReport -Name nosuch -ErrorAction Stop } | Should -Throw -ErrorId (Id 'RecordNotFound')
        { Get-MSecureSecurityReport -Vault nosuchvault -ErrorAction Stop } | Should -Throw -ErrorId (Id 'VaultNotFound')
        Lock-MSecureVault
        try {
            { Get-MSecureSecurityReport -ErrorAction Stop } | Should -Throw -ErrorId (Id 'VaultLocked')
        }
        finally {
            Unlock-MSecureVault -Password (ConvertTo-SecureString 'security report vault password' -AsPlainText -Force)
        }
    }
}
