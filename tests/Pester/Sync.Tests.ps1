# Sync in real pwsh, through a real account server process and through a shared folder: devices are
# vault files of one account (each its own vault id), edited on both sides and synced in both orders;
# conflicts, a third device, a second pwsh process, damaged folder files, and every ErrorId.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:folder = Enter-MSecureTestFolder -Name 'sync'
    # Every test here talks to the server from 127.0.0.1: the per-address limit (300 a minute) is
    # raised so that the syncs of a whole file are not refused; rate limiting has its own tests.
    $script:server = Start-MSecureTestServer -DataDir (Join-Path $folder.WorkDir 'server') `
        -Arguments @('--rate-limit-per-address', '100000', '--rate-limit-per-account', '100000', '--rate-limit-sync-per-account', '100000')
    $script:passwordText = 'sync story password, long enough'
    $script:password = ConvertTo-SecureString $passwordText -AsPlainText -Force
    function script:Id([string] $errorId, [string] $command) { "$errorId,MSecure.PowerShell.Commands.$command" }
    function script:Secret([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
    function script:KitTextOf([string] $vault) {
        [regex]::Match((Export-MSecureEmergencyKit -Vault $vault | Out-String), 'MSK(-[A-Z2-7]{1,5})+').Value
    }
    function script:NewSyncFolder([string] $name) {
        (New-Item -ItemType Directory -Path (Join-Path $folder.WorkDir "folders/$name") -Force).FullName
    }

    # Every live record of a vault, plaintext included, one line each, sorted: equal snapshots mean
    # identical record sets (ids, revisions, names and every value).
    function script:Snapshot([string] $vault) {
        (@(Get-MSecureRecord -Vault $vault -AsPlainText | ForEach-Object {
                    $fields = @($_.Fields | ForEach-Object { '{0}={1}' -f $_.Label, $_.Value }) -join ';'
                    '{0}|{1}|{2}|{3}|{4}|{5}|{6}' -f $_.Id, $_.Revision, $_.Name, $_.UserName, $_.Url, $_.Notes, $fields
                }) | Sort-Object) -join "`n"
    }
    function script:NamesOf([string] $vault) { @(Get-MSecureRecord -Vault $vault | ForEach-Object Name | Sort-Object) }

    # One device of a scenario: its vault is '<prefix>-<device>'; $Sync holds -Folder for the folder method.
    function script:SyncDevice([string] $vault, [hashtable] $sync, [hashtable] $more = @{}) {
        Sync-MSecureVault -Vault $vault @sync @more -ErrorAction Stop
    }
    function script:Enroll([string] $vault, [string] $method, [string] $email, [string] $kitText, [string] $syncFolder) {
        if ($method -eq 'Server') {
            Connect-MSecureAccount -Vault $vault -Server $server.Url -CertificateThumbprint $server.Fingerprint -Email $email `
                -KitText $kitText -Password $password -DeviceName $vault -ErrorAction Stop
        }
        else {
            Connect-MSecureAccount -Vault $vault -Folder $syncFolder -Email $email -KitText $kitText -Password $password -ErrorAction Stop
        }
    }
    # A first device: a new vault with four logins, registered with the server (server method).
    function script:FirstDevice([string] $vault, [string] $method, [string] $email) {
        New-MSecureVault -Vault $vault -Email $email -Password $password -WarningAction SilentlyContinue | Out-Null
        if ($method -eq 'Server') {
            Register-MSecureAccount -Vault $vault -Server $server.Url -CertificateThumbprint $server.Fingerprint -DeviceName $vault | Out-Null
        }
        foreach ($i in 0..3) {
            New-MSecureRecord -Vault $vault -Name "r$i" -Template Login -UserName "user$i" -Password (Secret "secret-$i") -Url "https://r$i.example.com"
        }
    }
}

AfterAll {
    Stop-MSecureTestServer $server
    Exit-MSecureTestFolder $folder
}

Describe 'Two devices and a third, syncing through the <Method>' -ForEach @(
    @{ Method = 'Server'; Prefix = 'srv' }
    @{ Method = 'Folder'; Prefix = 'fld' }
) {
    BeforeAll {
        $script:a = "$Prefix-a"
        $script:b = "$Prefix-b"
        $script:email = "$Prefix@example.com"
        $script:syncFolder = NewSyncFolder $Prefix
        $script:sync = if ($Method -eq 'Folder') { @{ Folder = $syncFolder } } else { @{} }
    }

    It 'the first device pushes its records' {
        FirstDevice $a $Method $email
        $result = SyncDevice $a $sync
        $result.Method | Should -Be $Method
        $result.VaultPath | Should -Be (Get-MSecureVault -Vault $a).Path
        $result.Source | Should -Be $(if ($Method -eq 'Folder') { $syncFolder } else { $server.Url })
        $result.Pulled | Should -Be 0
        $result.Pushed | Should -Be 4
        $result.Conflicts | Should -BeNullOrEmpty
        $result.Warnings | Should -BeNullOrEmpty
        if ($Method -eq 'Folder') { Join-Path $syncFolder 'msecure-sync.json' | Should -Exist }
    }

    It 'a second device enrolls and pulls every record (Connect-MSecureAccount shows the first sync)' {
        $script:kitText = KitTextOf $a
        $info = Enroll $b $Method $email $kitText $syncFolder
        $info.RecordCount | Should -Be 4
        $info.Sync.Method | Should -Be $Method
        $info.Sync.Pulled | Should -Be 4
        ($info | Format-List | Out-String) | Should -Match 'Sync\s*:\s*\w+: pulled 4'
        Snapshot $b | Should -Be (Snapshot $a)
    }

    It 'both devices edit, add and delete; syncing A, B, A makes them identical' {
        Set-MSecureRecord -Vault $a -Name r1 -Notes 'edited on A'
        Remove-MSecureRecord -Vault $a -Name r2 -Confirm:$false
        New-MSecureRecord -Vault $a -Name a4 -Template SecureNote -Notes 'added on A'
        Set-MSecureRecord -Vault $b -Name r3 -Url 'https://edited-on-b.example.com'
        Remove-MSecureRecord -Vault $b -Name r0 -Confirm:$false
        New-MSecureRecord -Vault $b -Name b5 -Template Login -UserName bob -Password (Secret 'added on B')

        $first = SyncDevice $a $sync
        $second = SyncDevice $b $sync
        $third = SyncDevice $a $sync

        $second.Pulled | Should -BeGreaterThan 0
        $third.Pulled | Should -BeGreaterThan 0
        if ($Method -eq 'Server') {
            $first.Pushed | Should -Be 3
            $second.Pulled | Should -Be 3
            $second.Pushed | Should -Be 3
            $third.Pulled | Should -Be 3
        }
        foreach ($result in $first, $second, $third) { $result.Conflicts | Should -BeNullOrEmpty }
        NamesOf $a | Should -Be @('a4', 'b5', 'r1', 'r3')
        Snapshot $b | Should -Be (Snapshot $a)
        (Get-MSecureRecord -Vault $b -Name r1 -AsPlainText).Notes | Should -Be 'edited on A'
        (Get-MSecureRecord -Vault $a -Name r3).Url | Should -Be 'https://edited-on-b.example.com'
        (Get-MSecureRecord -Vault $a -Name b5 -Field Password -AsPlainText) | Should -Be 'added on B'
    }

    It 'and in the other order: syncing B, A, B' {
        Set-MSecureRecord -Vault $b -Name a4 -Notes 'edited on B'
        Remove-MSecureRecord -Vault $b -Name b5 -Confirm:$false
        New-MSecureRecord -Vault $a -Name a6 -Template SecureNote -Notes 'added on A later'
        Set-MSecureRecord -Vault $a -Name r3 -UserName 'renamed-user'

        SyncDevice $b $sync | Out-Null
        SyncDevice $a $sync | Out-Null
        SyncDevice $b $sync | Out-Null

        NamesOf $b | Should -Be @('a4', 'a6', 'r1', 'r3')
        Snapshot $a | Should -Be (Snapshot $b)
        (Get-MSecureRecord -Vault $a -Name a4 -AsPlainText).Notes | Should -Be 'edited on B'
        (Get-MSecureRecord -Vault $b -Name r3).UserName | Should -Be 'renamed-user'
    }

    It 'a conflict on one record keeps both versions; the result names the record' {
        Set-MSecureRecord -Vault $a -Name r1 -Notes 'conflict: the version of A'
        Start-Sleep -Milliseconds 1100   # B's edit is later: the winner by the rule every device applies
        Set-MSecureRecord -Vault $b -Name r1 -Notes 'conflict: the version of B'

        SyncDevice $a $sync | Out-Null
        $output = SyncDevice $b $sync @{ Verbose = $true } 4>&1
        $result = $output | Where-Object { $_ -is [MSecure.PowerShell.Models.MSecureSyncResult] }
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        SyncDevice $a $sync | Out-Null

        $r1 = Get-MSecureRecord -Vault $a -Name r1
        @($result.Conflicts).Count | Should -Be 1
        $result.Conflicts[0].RecordId | Should -Be $r1.Id
        $result.Conflicts[0].Name | Should -Be 'r1'
        $result.Conflicts[0].Resolution | Should -Not -BeNullOrEmpty
        @($verbose | Where-Object { $_ -like "Conflict on record 'r1' ($($r1.Id)):*" }).Count | Should -Be 1
        ($result | Format-List | Out-String) | Should -Match "Conflicts\s*:\s*r1 \($($r1.Id)\)"
        ($result | Out-String) | Should -Match 'Vault\s+Method\s+Pulled\s+Pushed\s+Conflicts\s+Warnings\s+Duration'

        Snapshot $a | Should -Be (Snapshot $b)
        (Get-MSecureRecord -Vault $a -Name r1 -AsPlainText).Notes | Should -Be 'conflict: the version of B'
        foreach ($device in $a, $b) {
            @(Get-MSecureRecordHistory -Vault $device -Name r1 -AsPlainText | Where-Object Notes -eq 'conflict: the version of A').Count |
                Should -BeGreaterThan 0 -Because "the losing edit stays in the history on $device"
        }
    }

    It 'an edit beats a concurrent delete' {
        Remove-MSecureRecord -Vault $a -Name r3 -Confirm:$false
        Set-MSecureRecord -Vault $b -Name r3 -Notes 'edited while A deleted it'

        SyncDevice $a $sync | Out-Null
        SyncDevice $b $sync | Out-Null
        SyncDevice $a $sync | Out-Null

        (Get-MSecureRecord -Vault $a -Name r3 -AsPlainText).Notes | Should -Be 'edited while A deleted it'
        Snapshot $a | Should -Be (Snapshot $b)
    }

    It '-WhatIf syncs nothing' {
        New-MSecureRecord -Vault $a -Name whatif -Template SecureNote -Notes 'not sent yet'
        Sync-MSecureVault -Vault $a @sync -WhatIf | Should -BeNullOrEmpty
        (SyncDevice $b $sync).Pulled | Should -Be 0
        NamesOf $b | Should -Not -Contain 'whatif'
    }

    It 'shows a progress bar with the counts, and removes it at the end' {
        SyncDevice $a $sync | Out-Null   # sends the record -WhatIf left behind
        # Another runspace of this process: its progress stream is collected (vault sessions are per process).
        $shell = [powershell]::Create()
        try {
            $folderArgument = if ($sync.ContainsKey('Folder')) { " -Folder '$($sync['Folder'])'" } else { '' }
            $null = $shell.AddScript("Import-Module '$(Get-MSecureModulePath)'; Sync-MSecureVault -Vault '$b'$folderArgument")
            $result = $shell.Invoke()
            $shell.Streams.Error | Should -BeNullOrEmpty
            $result.Pulled | Should -Be 1
            $progress = @($shell.Streams.Progress)
        }
        finally {
            $shell.Dispose()
        }
        $progress.Activity | Should -Contain 'Sync-MSecureVault'
        @($progress | Where-Object StatusDescription -match '^Pulling other devices'' changes: pulled \d+, pushed \d+').Count | Should -BeGreaterThan 0
        $progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'a second pwsh process keeps a session and writes while this one syncs' {
        $acks = Join-Path $folder.WorkDir "$Prefix-child.acks"
        $child = Start-ChildPwsh -Environment @{ MSECURE_PASSWORD = $passwordText; MSECURE_VAULT_DIR = $env:MSECURE_VAULT_DIR } -Script @"
Unlock-MSecureVault -Vault '$a'
foreach (`$i in 1..12) {
    `$null = New-MSecureRecord -Vault '$a' -Name "child `$i" -Template SecureNote -Notes "written by the child `$i"
    [IO.File]::AppendAllText('$acks', "child `$i``n")
    Start-Sleep -Milliseconds 150
}
Set-MSecureRecord -Vault '$a' -Name a6 -Notes 'edited by the child'
"@
        $syncs = 0
        $deadline = [DateTime]::UtcNow.AddMinutes(3)
        while (-not $child.HasExited -and [DateTime]::UtcNow -lt $deadline) {
            SyncDevice $a $sync | Out-Null
            $syncs++
            Start-Sleep -Milliseconds 200
        }
        $child.WaitForExit(60000) | Should -BeTrue
        $child.ExitCode | Should -Be 0 -Because $child.ErrorOutput.Result
        $syncs | Should -BeGreaterThan 1

        SyncDevice $a $sync | Out-Null
        SyncDevice $b $sync | Out-Null
        @(NamesOf $b | Where-Object { $_ -like 'child *' }).Count | Should -Be 12
        (Get-MSecureRecord -Vault $b -Name a6 -AsPlainText).Notes | Should -Be 'edited by the child'
        Snapshot $a | Should -Be (Snapshot $b)
        (Test-MSecureVault -Vault $a).IsSound | Should -BeTrue
        (Test-MSecureVault -Vault $b).IsSound | Should -BeTrue
    }

    if ($Method -eq 'Folder') {
        It 'compacting the folder loses nothing' {
            $before = @(Get-ChildItem $syncFolder -Recurse -File -Filter '*.msync').Count
            $result = SyncDevice $a $sync @{ Compact = $true }
            $result.Method | Should -Be 'Folder'
            @(Get-ChildItem $syncFolder -Recurse -File -Filter '*.msync').Count | Should -BeLessThan $before
            SyncDevice $b $sync | Out-Null
            Snapshot $a | Should -Be (Snapshot $b)
        }
    }

    It 'a third device enrolls and sees the same set' {
        $info = Enroll "$Prefix-c" $Method $email $kitText $syncFolder
        $info.Sync.Pulled | Should -BeGreaterThan 0
        $info.RecordCount | Should -Be @(NamesOf $a).Count
        Snapshot "$Prefix-c" | Should -Be (Snapshot $a)
        (SyncDevice "$Prefix-c" $sync).Pulled | Should -Be 0
    }
}

Describe 'Folder files that cannot be used are warnings and change nothing' {
    BeforeAll {
        $script:syncFolder = NewSyncFolder 'damaged'
        $script:sync = @{ Folder = $syncFolder }
        FirstDevice 'dmg-a' 'Folder' 'damaged@example.com'
        SyncDevice 'dmg-a' $sync | Out-Null
        Enroll 'dmg-b' 'Folder' 'damaged@example.com' (KitTextOf 'dmg-a') $syncFolder | Out-Null
        Set-MSecureRecord -Vault 'dmg-b' -Name r1 -Notes 'edited on B'
        SyncDevice 'dmg-b' $sync | Out-Null
        # B's batch: the file its last sync wrote.
        $script:batch = Get-ChildItem $syncFolder -Recurse -File -Filter '*.msync' | Sort-Object LastWriteTimeUtc | Select-Object -Last 1
        $script:original = [IO.File]::ReadAllBytes($batch.FullName)
    }

    It 'a tampered batch: a warning naming the file, nothing applied' {
        $before = Snapshot 'dmg-a'
        $tampered = [byte[]]$original.Clone()
        $tampered[[int]($tampered.Length / 2)] = $tampered[[int]($tampered.Length / 2)] -bxor 0x01
        [IO.File]::WriteAllBytes($batch.FullName, $tampered)

        $result = Sync-MSecureVault -Vault 'dmg-a' -Folder $syncFolder -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop

        @($result.Warnings.File) | Should -Contain $batch.FullName
        @($warnings | Where-Object { "$_" -like "*$($batch.Name)*" }).Count | Should -BeGreaterThan 0
        Snapshot 'dmg-a' | Should -Be $before
    }

    It 'the same batch, once whole again, is applied (it was not marked processed)' {
        [IO.File]::WriteAllBytes($batch.FullName, $original)
        $result = Sync-MSecureVault -Vault 'dmg-a' -Folder $syncFolder -WarningVariable warnings -ErrorAction Stop
        $result.Warnings | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
        (Get-MSecureRecord -Vault 'dmg-a' -Name r1 -AsPlainText).Notes | Should -Be 'edited on B'
        Snapshot 'dmg-a' | Should -Be (Snapshot 'dmg-b')
    }

    It 'a conflicted copy and a file under another device''s folder are warnings' {
        $before = Snapshot 'dmg-a'
        $copy = Join-Path $batch.DirectoryName ($batch.BaseName + ' (conflicted copy).msync')
        Copy-Item $batch.FullName $copy
        $elsewhere = Join-Path $syncFolder "$([guid]::NewGuid())/0000000001.msync"
        New-Item -ItemType Directory (Split-Path $elsewhere) | Out-Null
        Copy-Item $batch.FullName $elsewhere

        $result = Sync-MSecureVault -Vault 'dmg-a' -Folder $syncFolder -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop

        @($result.Warnings.File) | Should -Contain $copy
        @($result.Warnings.File) | Should -Contain $elsewhere
        @($warnings).Count | Should -Be @($result.Warnings).Count
        Snapshot 'dmg-a' | Should -Be $before
        Remove-Item $copy, (Split-Path $elsewhere) -Recurse
    }
}

# After the Describe above: its folder and vault dmg-a.
Describe 'Connect-MSecureAccount -Folder -KitPath' {
    It 'enrolls from the printable kit page and the shared folder, with every record' {
        $html = Join-Path $folder.WorkDir 'dmg-kit.html'
        Export-MSecureEmergencyKit -Vault 'dmg-a' -Path $html
        $info = Connect-MSecureAccount -Vault 'dmg-c' -Folder (Join-Path $folder.WorkDir 'folders/damaged') -Email 'damaged@example.com' `
            -KitPath $html -Password $password -ErrorAction Stop
        $info.Sync.Method | Should -Be 'Folder'
        $info.AccountId | Should -Be (Get-MSecureVault -Vault 'dmg-a').AccountId
        Snapshot 'dmg-c' | Should -Be (Snapshot 'dmg-a')
    }
}

Describe 'Reset-MSecureAccountKey on a registered vault pushes everything again' {
    It 'reports the push; another device gets AccountKeyRotated; the new kit enrolls a device with every record' {
        FirstDevice 'rot-a' 'Server' 'rotation@example.com'
        SyncDevice 'rot-a' @{} | Out-Null
        Enroll 'rot-b' 'Server' 'rotation@example.com' (KitTextOf 'rot-a') $null | Out-Null

        $kit = Reset-MSecureAccountKey -Vault 'rot-a' -Password $password -KitPath (Join-Path $folder.WorkDir 'rot-kit.html') -Confirm:$false -WarningAction SilentlyContinue
        $kit | Should -BeOfType ([System.IO.FileInfo])
        $kit.Sync.Method | Should -Be 'Server'
        $kit.Sync.Pushed | Should -BeGreaterOrEqual 4

        { Sync-MSecureVault -Vault 'rot-b' -ErrorAction Stop } | Should -Throw -ErrorId (Id AccountKeyRotated SyncMSecureVaultCommand)
        $info = Enroll 'rot-c' 'Server' 'rotation@example.com' (KitTextOf 'rot-a') $null
        $info.Sync.Pulled | Should -BeGreaterOrEqual 4
        Snapshot 'rot-c' | Should -Be (Snapshot 'rot-a')
    }

    It 'a push that fails after the rotation is a warning that says to run Sync-MSecureVault; the key is replaced' {
        # A server that allows one sync request a minute: the rotation's pull passes, its push is refused.
        $limited = Start-MSecureTestServer -DataDir (Join-Path $folder.WorkDir 'limited-server') -Arguments @('--rate-limit-sync-per-account', '1')
        try {
            New-MSecureVault -Vault 'rot-limited' -Email 'limited@example.com' -Password $password -WarningAction SilentlyContinue | Out-Null
            Register-MSecureAccount -Vault 'rot-limited' -Server $limited.Url -CertificateThumbprint $limited.Fingerprint | Out-Null
            New-MSecureRecord -Vault 'rot-limited' -Name 'pending' -Template SecureNote -Notes 'not pushed yet'
            $oldKit = KitTextOf 'rot-limited'

            $kit = Reset-MSecureAccountKey -Vault 'rot-limited' -Password $password -KitPath (Join-Path $folder.WorkDir 'rot-limited-kit.html') `
                -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue

            $kit | Should -BeOfType ([System.IO.FileInfo])
            $kit.Sync | Should -BeNullOrEmpty
            @($warnings | Where-Object { "$_" -like '*could not be pushed*RateLimited*Sync-MSecureVault -Vault rot-limited*' }).Count | Should -Be 1
            KitTextOf 'rot-limited' | Should -Not -Be $oldKit
            { Sync-MSecureVault -Vault 'rot-limited' -ErrorAction Stop } | Should -Throw -ErrorId (Id RateLimited SyncMSecureVaultCommand)
        }
        finally {
            Stop-MSecureTestServer $limited
        }
    }

    It 'an unregistered vault: the kit''s Sync property is empty and there is no warning about a push' {
        New-MSecureVault -Vault 'rot-local' -Email 'local@example.com' -Password $password -WarningAction SilentlyContinue | Out-Null
        $kit = Reset-MSecureAccountKey -Vault 'rot-local' -Password $password -KitPath (Join-Path $folder.WorkDir 'rot-local-kit.html') -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        $kit.Sync | Should -BeNullOrEmpty
        @($warnings | Where-Object { "$_" -like '*Sync-MSecureVault*' }) | Should -BeNullOrEmpty
    }
}

Describe 'ErrorIds of Sync-MSecureVault' {
    BeforeAll {
        $script:syncFolder = NewSyncFolder 'errors'
        New-MSecureVault -Vault 'err-lone' -Email 'lone@example.com' -Password $password -WarningAction SilentlyContinue | Out-Null
        FirstDevice 'err-folder' 'Folder' 'errors@example.com'
        SyncDevice 'err-folder' @{ Folder = $syncFolder } | Out-Null
        FirstDevice 'err-server' 'Server' 'errors-server@example.com'
    }

    It 'SyncNotConfigured: no server and no -Folder' {
        { Sync-MSecureVault -Vault 'err-lone' -ErrorAction Stop } | Should -Throw -ErrorId (Id SyncNotConfigured SyncMSecureVaultCommand)
    }

    It 'SyncNotConfigured: a vault syncs with one method only' {
        { Sync-MSecureVault -Vault 'err-server' -Folder $syncFolder -ErrorAction Stop } | Should -Throw -ErrorId (Id SyncNotConfigured SyncMSecureVaultCommand)
        { Sync-MSecureVault -Vault 'err-folder' -ErrorAction Stop } | Should -Throw -ErrorId (Id SyncNotConfigured SyncMSecureVaultCommand)
    }

    It 'SyncFolderInvalid: the folder belongs to another account, and nothing is written to it' {
        $files = @(Get-ChildItem $syncFolder -Recurse -File).FullName
        { Sync-MSecureVault -Vault 'err-lone' -Folder $syncFolder -ErrorAction Stop } | Should -Throw -ErrorId (Id SyncFolderInvalid SyncMSecureVaultCommand)
        @(Get-ChildItem $syncFolder -Recurse -File).FullName | Should -Be $files
    }

    It 'SyncFolderInvalid: the folder does not exist, and it is not created' {
        $missing = Join-Path $folder.WorkDir 'folders/no-such-folder'
        { Sync-MSecureVault -Vault 'err-lone' -Folder $missing -ErrorAction Stop } | Should -Throw -ErrorId (Id SyncFolderInvalid SyncMSecureVaultCommand)
        Test-Path $missing | Should -BeFalse
    }

    It 'KitAccountMismatch: enrolling from a folder with another account''s kit, and no vault is left' {
        $path = Join-Path $folder.WorkDir 'device-x/wrongkit.msecure'
        { Connect-MSecureAccount -Vault $path -Folder $syncFolder -Email 'lone@example.com' -KitText (KitTextOf 'err-lone') -Password $password -ErrorAction Stop } |
            Should -Throw -ErrorId (Id KitAccountMismatch ConnectMSecureAccountCommand)
        Test-Path $path | Should -BeFalse
    }

    It 'ParameterConflict: -Compact without -Folder' {
        { Sync-MSecureVault -Vault 'err-server' -Compact -ErrorAction Stop } | Should -Throw -ErrorId (Id ParameterConflict SyncMSecureVaultCommand)
    }

    It 'VaultLocked: the vault must be unlocked' {
        Lock-MSecureVault -Vault 'err-folder'
        { Sync-MSecureVault -Vault 'err-folder' -Folder $syncFolder -ErrorAction Stop } | Should -Throw -ErrorId (Id VaultLocked SyncMSecureVaultCommand)
        Unlock-MSecureVault -Vault 'err-folder' -Password $password
    }

    It 'SyncRolledBack: the server was restored from an older copy of its database; nothing is written' {
        $dataDir = Join-Path $folder.WorkDir 'rollback-server'
        $rollback = Start-MSecureTestServer -DataDir $dataDir
        $port = ([uri] $rollback.Url).Port
        try {
            New-MSecureVault -Vault 'err-rollback' -Email 'rollback@example.com' -Password $password -WarningAction SilentlyContinue | Out-Null
            Register-MSecureAccount -Vault 'err-rollback' -Server $rollback.Url -CertificateThumbprint $rollback.Fingerprint | Out-Null
            New-MSecureRecord -Vault 'err-rollback' -Name 'before the backup' -Template SecureNote -Notes 'one'
            SyncDevice 'err-rollback' @{} | Out-Null
            Stop-MSecureTestServer $rollback
            Copy-Item (Join-Path $dataDir 'data') (Join-Path $dataDir 'backup') -Recurse

            $rollback = Start-MSecureTestServer -DataDir $dataDir -Port $port
            New-MSecureRecord -Vault 'err-rollback' -Name 'after the backup' -Template SecureNote -Notes 'two'
            (SyncDevice 'err-rollback' @{}).Pushed | Should -Be 1
            (SyncDevice 'err-rollback' @{}).Pulled | Should -Be 0   # reads its own change back: this device has seen sequence 2
            Stop-MSecureTestServer $rollback
            Remove-Item (Join-Path $dataDir 'data') -Recurse
            Rename-Item (Join-Path $dataDir 'backup') 'data'

            $rollback = Start-MSecureTestServer -DataDir $dataDir -Port $port
            $before = Snapshot 'err-rollback'
            { Sync-MSecureVault -Vault 'err-rollback' -ErrorAction Stop } | Should -Throw -ErrorId (Id SyncRolledBack SyncMSecureVaultCommand)
            Snapshot 'err-rollback' | Should -Be $before

            # -AcceptRollback gives the server back the change it lost; the next sync is normal again.
            { Sync-MSecureVault -Vault 'err-rollback' -Folder $syncFolder -AcceptRollback -ErrorAction Stop } | Should -Throw -ErrorId (Id ParameterConflict SyncMSecureVaultCommand)
            $recovered = Sync-MSecureVault -Vault 'err-rollback' -AcceptRollback -Confirm:$false
            $recovered.Pushed | Should -Be 1
            Snapshot 'err-rollback' | Should -Be $before
            $again = Sync-MSecureVault -Vault 'err-rollback' -Confirm:$false
            $again.Pulled | Should -Be 0
            $again.Pushed | Should -Be 0
        }
        finally {
            Stop-MSecureTestServer $rollback
        }
    }

    It 'ServerUnreachable once the server is stopped' {
        $stopped = Start-MSecureTestServer -DataDir (Join-Path $folder.WorkDir 'stopped-server')
        try {
            New-MSecureVault -Vault 'err-stopped' -Email 'stopped@example.com' -Password $password -WarningAction SilentlyContinue | Out-Null
            Register-MSecureAccount -Vault 'err-stopped' -Server $stopped.Url -CertificateThumbprint $stopped.Fingerprint | Out-Null
        }
        finally {
            Stop-MSecureTestServer $stopped
        }
        { Sync-MSecureVault -Vault 'err-stopped' -ErrorAction Stop } | Should -Throw -ErrorId (Id ServerUnreachable SyncMSecureVaultCommand)
    }
}

Describe 'Sync-MSecureVault as a PowerShell command' {
    It 'binds -Vault by property name from Get-MSecureVault, and completes -Folder with folders only' {
        $command = Get-Command Sync-MSecureVault
        $command.OutputType.Name | Should -Contain 'MSecure.PowerShell.Models.MSecureSyncResult'
        $command.Parameters['Vault'].Attributes.Where({ $_ -is [Parameter] }).ValueFromPipelineByPropertyName | Should -Contain $true
        $results = Get-MSecureVault -Vault 'err-folder' | Sync-MSecureVault -Folder (Join-Path $folder.WorkDir 'folders/errors')
        @($results).Count | Should -Be 1
        $results.VaultName | Should -Be 'err-folder'

        Push-Location $folder.WorkDir
        try {
            New-Item -ItemType File -Path (Join-Path $folder.WorkDir 'folders-file.txt') -Force | Out-Null
            $completions = (TabExpansion2 -inputScript 'Sync-MSecureVault -Folder ./fold' -cursorColumn 32).CompletionMatches
            @($completions.CompletionText | Where-Object { $_ -match 'folders[\\/]?$' }).Count | Should -Be 1
            @($completions.CompletionText | Where-Object { $_ -like '*folders-file.txt*' }) | Should -BeNullOrEmpty
        }
        finally {
            Pop-Location
        }
    }
}
