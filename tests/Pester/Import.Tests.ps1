# Import-MSecureRecord against a real vault in a temporary MSECURE_VAULT_DIR, with mSecure 6 CSV files written here.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:savedVaultDir = $env:MSECURE_VAULT_DIR
    $script:savedPassword = $env:MSECURE_PASSWORD
    $script:workDir = Join-Path ([System.IO.Path]::GetTempPath()) ("msecure-import-" + [guid]::NewGuid().ToString('N'))
    $env:MSECURE_VAULT_DIR = Join-Path $workDir 'vaults'
    $env:MSECURE_PASSWORD = $null
    $null = New-Item -ItemType Directory -Path $workDir
    $script:password = ConvertTo-SecureString 'import vault password' -AsPlainText -Force
    $script:secretText = 'hunter2-Very-Secret'
    function script:Id([string] $errorId) { "$errorId,MSecure.PowerShell.Commands.ImportMSecureRecordCommand" }
    function script:Write-Export([string] $name, [string[]] $rows) {
        $path = Join-Path $workDir $name
        [System.IO.File]::WriteAllLines($path, [string[]](@('mSecure6 CSV export file') + $rows))
        $path
    }
    function script:Hash([string] $path) { (Get-FileHash -LiteralPath $path -Algorithm SHA256).Hash }
    $null = New-MSecureVault -Email import@example.com -Password $password -WarningAction SilentlyContinue
    $script:export = Write-Export 'export.csv' @(
        "GitHub|1,Login,Work,,Website|2|https://github.com,Username|7|octocat,Password|8|$secretText,Recovery Email|3|octo@example.com,"
        'Visa|2,Credit Card,Finance,,Card Number|12|4111111111111111,Expiration Date|11|05/2030,'
        'Notes|3,Secure Note,,"line one\nline two",'
    )
}

AfterAll {
    Lock-MSecureVault -All
    $env:MSECURE_VAULT_DIR = $savedVaultDir
    $env:MSECURE_PASSWORD = $savedPassword
    Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Import-MSecureRecord' {
    It '-WhatIf writes nothing and outputs the dry-run report' {
        $before = Hash $export

        $report = Import-MSecureRecord -Path $export -WhatIf

        $report.GetType().FullName | Should -Be 'MSecure.PowerShell.Models.MSecureImportReport'
        $report.WhatIf | Should -BeTrue
        $report.Format | Should -Be 'MSecureCsv'
        $report.Entries | Should -Be 3
        $report.Added | Should -Be 3
        $report.Failed | Should -Be 0
        $report.Templates['Login'] | Should -Be 1
        $report.Templates['CreditCard'] | Should -Be 1
        $report.CustomFields.Keys | Should -Contain 'Recovery Email'
        @(Get-MSecureRecord).Count | Should -Be 0
        Hash $export | Should -Be $before
    }

    It 'imports every entry, adds -Tag, leaves the file unchanged and never shows a secret' {
        $before = Hash $export

        $report = Import-MSecureRecord -Path $export -Tag imported

        $report.WhatIf | Should -BeFalse
        $report.Added | Should -Be 3
        $report.Path | Should -Be (Resolve-Path -LiteralPath $export).ProviderPath
        $github = Get-MSecureRecord -Name GitHub
        $github.GetField('Username').Value | Should -Be 'octocat'
        $github.Tags | Should -Contain 'imported'
        $github.Tags | Should -Contain 'Work'
        (Get-MSecureRecord -Name GitHub -AsPlainText).GetField('Password').Value | Should -Be $secretText
        (Get-MSecureRecord -Name Notes -AsPlainText).Notes | Should -Be "line one`nline two"
        Hash $export | Should -Be $before
        ($report | Format-List | Out-String) | Should -Not -Match $secretText
        ($report | Format-Table | Out-String) | Should -Match 'MSecureCsv'
    }

    It 'skips the duplicates when the same file comes in again' {
        $report = Import-MSecureRecord -Path $export

        $report.Added | Should -Be 0
        $report.Skipped | Should -Be 3
        @($report.Duplicates).Count | Should -Be 3
        $report.Duplicates[0].Action | Should -Be 'Skipped'
        $report.Duplicates[0].Location | Should -Be 'line 2'
        @(Get-MSecureRecord).Count | Should -Be 3
    }

    It '-OnDuplicate Merge gives the record one new revision and keeps the old one in history' {
        $changed = Write-Export 'changed.csv' @('GitHub|1,Login,Personal,,Website|2|https://github.com,Username|7|octocat,Password|8|new-password-value,')

        $report = Import-MSecureRecord -Path $changed -OnDuplicate Merge

        $report.Merged | Should -Be 1
        $record = Get-MSecureRecord -Name GitHub -AsPlainText
        $record.Revision | Should -Be 2
        $record.GetField('Password').Value | Should -Be 'new-password-value'
        $record.GetField('Recovery Email').Value | Should -Be 'octo@example.com'
        $record.Tags | Should -Contain 'Personal'
        $record.Tags | Should -Contain 'Work'
        @(Get-MSecureRecordHistory -Name GitHub).Count | Should -Be 1
    }

    It 'renames an entry whose name is taken by another record' {
        $other = Write-Export 'other.csv' @('GitHub|9,Login,,,Website|2|https://github.com,Username|7|hubot,Password|8|x,')

        $report = Import-MSecureRecord -Path $other

        $report.Renamed | Should -Be 1
        $report.Renames[0].To | Should -Be 'GitHub (2)'
        (Get-MSecureRecord -Name 'GitHub (2)').GetField('Username').Value | Should -Be 'hubot'
    }

    It 'fails with ImportFailed and writes nothing when an entry cannot be stored' {
        $long = 'v' * 70000
        $broken = Write-Export 'broken.csv' @('Fine|1,Login,,,Username|7|fine,', "TooLong|2,Login,,,Password|8|$long,")
        $count = @(Get-MSecureRecord).Count

        Import-MSecureRecord -Path $broken -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failure[0].FullyQualifiedErrorId | Should -Be (Id 'ImportFailed')
        $failure[0].Exception.Message | Should -Match 'line 3'
        $failure[0].Exception.Message | Should -Not -Match 'vvvvvvvv'
        @(Get-MSecureRecord).Count | Should -Be $count
        Get-MSecureRecord -Name Fine -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Import-MSecureRecord -Path $broken -WhatIf).Problems[0] | Should -Match '^line 3: '
    }

    It 'reports a missing file and an unknown format with their error ids' {
        Import-MSecureRecord -Path (Join-Path $workDir 'missing.csv') -ErrorVariable missing -ErrorAction SilentlyContinue
        $junk = Join-Path $workDir 'junk.bin'
        [System.IO.File]::WriteAllBytes($junk, [byte[]](0..255))
        Import-MSecureRecord -Path $junk -ErrorVariable unknown -ErrorAction SilentlyContinue

        $missing[0].FullyQualifiedErrorId | Should -Be (Id 'ImportFileNotFound')
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $unknown[0].FullyQualifiedErrorId | Should -Be (Id 'ImportFormatUnknown')
    }

    It 'takes files from the pipeline and shows progress without breaking' {
        $rows = foreach ($i in 1..1500) { "Bulk $i|$i,Login,Bulk,,Username|7|user$i,Password|8|pw-$i," }
        $bulk = Write-Export 'bulk.csv' $rows
        $ProgressPreference = 'Continue'

        $report = Get-Item -LiteralPath $bulk | Import-MSecureRecord -Format MSecureCsv -Vault default

        $report.Added | Should -Be 1500
        (Get-MSecureRecord -Name 'Bulk 1500').GetField('Username').Value | Should -Be 'user1500'
    }
}
