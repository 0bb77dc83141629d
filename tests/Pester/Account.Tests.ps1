# The account server story in real pwsh: a real server process, New-MSecureVault, Register-MSecureAccount,
# Export-MSecureEmergencyKit, Connect-MSecureAccount on a "second device", devices, and every ErrorId.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:folder = Enter-MSecureTestFolder -Name 'account'
    $script:server = Start-MSecureTestServer -DataDir (Join-Path $folder.WorkDir 'server')
    $script:password = ConvertTo-SecureString 'account story password, long enough' -AsPlainText -Force
    $script:email = 'alice@example.com'
    function script:Id([string] $errorId, [string] $command) { "$errorId,MSecure.PowerShell.Commands.$command" }
    function script:KitTextOf([string] $vault) {
        [regex]::Match((Export-MSecureEmergencyKit -Vault $vault | Out-String), 'MSK(-[A-Z2-7]{1,5})+').Value
    }
    function script:Device2Path([string] $name) { Join-Path $folder.WorkDir "device2/$name.msecure" }
    function script:Connect([string] $path, [hashtable] $extra = @{}) {
        $arguments = @{
            Vault = $path; Server = $server.Url; CertificateThumbprint = $server.Fingerprint; Email = $email
            Password = $password; DeviceName = 'device2'; ErrorAction = 'Stop'
        }
        foreach ($key in $extra.Keys) { $arguments[$key] = $extra[$key] }
        if (-not $arguments.ContainsKey('KitPath') -and -not $arguments.ContainsKey('KitText')) { $arguments.KitText = $script:kitText }
        Connect-MSecureAccount @arguments
    }
}

AfterAll {
    Stop-MSecureTestServer $server
    Exit-MSecureTestFolder $folder
}

Describe 'Enrollment of a second device through the account server' {
    It 'registers the first device''s vault' {
        New-MSecureVault -Vault device1 -Email $email -Password $password | Out-Null
        $binding = Register-MSecureAccount -Vault device1 -Server $server.Url -CertificateThumbprint $server.Fingerprint.ToLowerInvariant() -DeviceName 'device1'
        $binding.Server | Should -Be ([uri] $server.Url)
        $binding.CertificateThumbprint | Should -Be $server.Fingerprint
        $binding.DeviceId | Should -Not -Be ([guid]::Empty)
        $script:kitText = KitTextOf device1
        $kitText | Should -Match '^MSK-'
    }

    It 'enrolls a second device from the kit text into a vault with the same account' {
        $info = Connect (Device2Path 'fromtext') -extra @{ Email = ' ALICE@example.com ' }
        $info.AccountId | Should -Be (Get-MSecureVault -Vault device1).AccountId
        $info.IsUnlocked | Should -BeTrue
        $info.Server | Should -Be ([uri] $server.Url)
        Test-Path (Device2Path 'fromtext') | Should -BeTrue
    }

    It 'enrolls from the printable HTML kit page (-KitPath)' {
        $html = Join-Path $folder.WorkDir 'kit.html'
        Export-MSecureEmergencyKit -Vault device1 -Path $html
        $info = Connect (Device2Path 'fromhtml') -extra @{ KitPath = $html }
        $info.AccountId | Should -Be (Get-MSecureVault -Vault device1).AccountId
    }

    It 'enrolls from the kit''s QR code as a PNG (-KitPath)' {
        $png = Join-Path $folder.WorkDir 'kit.png'
        Export-MSecureEmergencyKit -Vault device1 -Path $png
        $info = Connect (Device2Path 'frompng') -extra @{ KitPath = $png }
        $info.AccountId | Should -Be (Get-MSecureVault -Vault device1).AccountId
    }

    It 'enrolls from a Chromium screenshot of the HTML kit page (-KitPath)' {
        $html = Join-Path $folder.WorkDir 'kit-for-screenshot.html'
        $shot = Join-Path $folder.WorkDir 'kit-screenshot.png'
        $chromiumProfile = Join-Path $folder.WorkDir 'chromium-profile'
        Export-MSecureEmergencyKit -Vault device1 -Path $html
        $chromium = (Get-Command chromium, chromium-browser -ErrorAction SilentlyContinue | Select-Object -First 1).Source
        $chromium | Should -Not -BeNullOrEmpty -Because 'chromium is installed for these tests (apt-get install chromium)'
        & $chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update `
            --disable-sync --disable-extensions --disable-crash-reporter --hide-scrollbars "--user-data-dir=$chromiumProfile" "--screenshot=$shot" `
            '--window-size=800,1000' ([System.Uri]::new($html).AbsoluteUri) 2>&1 | Out-Null
        $shot | Should -Exist
        $info = Connect (Device2Path 'fromscreenshot') -extra @{ KitPath = $shot }
        $info.AccountId | Should -Be (Get-MSecureVault -Vault device1).AccountId
    }

    It 'loads Polly.Core (the client''s retries) from Dependencies/ into the module''s private load context' {
        $polly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Polly.Core' } | Select-Object -First 1
        $polly | Should -Not -BeNullOrEmpty
        $polly.Location | Should -Be (Join-Path (Split-Path (Get-MSecureModulePath)) 'Dependencies/Polly.Core.dll')
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($polly).Name | Should -Not -Be 'Default'
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($polly) |
            Should -Be ([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'MSecure.Core' } | Select-Object -First 1)))
    }

    It 'lists every device, this one marked Current' {
        $devices = @(Get-MSecureDevice -Vault (Device2Path 'fromtext'))
        $devices.Count | Should -Be 5
        @($devices | Where-Object Current).Count | Should -Be 1
        ($devices | Where-Object Name -eq 'device1') | Should -Not -BeNullOrEmpty
        (Get-MSecureDevice -Vault device1 | Out-String -Width 300) | Should -Match 'DeviceId\s+Name\s+EnrolledAt\s+LastSeenAt\s+Revoked\s+Current'
    }

    It 'revokes a device (Remove-MSecureDevice by pipeline), which then gets DeviceRevoked' {
        Get-MSecureDevice -Vault device1 | Where-Object { -not $_.Current -and $_.Name -eq 'device2' } | Select-Object -First 1 |
            ForEach-Object { Remove-MSecureDevice -Vault device1 -DeviceId $_.DeviceId -Confirm:$false }
        $revoked = @(Get-MSecureDevice -Vault device1 | Where-Object Revoked)
        $revoked.Count | Should -Be 1
        $path = @('fromtext', 'fromhtml', 'frompng', 'fromscreenshot' | ForEach-Object { Device2Path $_ }) | Where-Object {
            $null -eq (Get-MSecureDevice -Vault $_ -ErrorAction SilentlyContinue -ErrorVariable failed) -and $failed
        } | Select-Object -First 1
        { Get-MSecureDevice -Vault $path -ErrorAction Stop } | Should -Throw -ErrorId (Id DeviceRevoked GetMSecureDeviceCommand)
    }
}

Describe 'ErrorIds of the account cmdlets' {
    It 'WrongPassword, and nothing is written' {
        $path = Device2Path 'wrongpassword'
        { Connect $path -extra @{ Password = (ConvertTo-SecureString 'not the password at all' -AsPlainText -Force) } } |
            Should -Throw -ErrorId (Id WrongPassword ConnectMSecureAccountCommand)
        Get-ChildItem (Split-Path $path) -Filter 'wrongpassword*' | Should -BeNullOrEmpty
    }

    It 'KitAccountMismatch for another email and for another account''s kit' {
        { Connect (Device2Path 'wrongemail') -extra @{ Email = 'bob@example.com' } } | Should -Throw -ErrorId (Id KitAccountMismatch ConnectMSecureAccountCommand)
        New-MSecureVault -Vault other -Email $email -Password $password | Out-Null
        { Connect (Device2Path 'otherkit') -extra @{ KitText = (KitTextOf other) } } | Should -Throw -ErrorId (Id KitAccountMismatch ConnectMSecureAccountCommand)
        Get-ChildItem (Join-Path $folder.WorkDir 'device2') -Filter '*kit*' | Should -BeNullOrEmpty
    }

    It 'KitMistyped and KitNotAKit' {
        $typo = $kitText.Substring(0, $kitText.Length - 1) + $(if ($kitText[-1] -eq 'A') { 'B' } else { 'A' })
        { Connect (Device2Path 'typo') -extra @{ KitText = $typo } } | Should -Throw -ErrorId (Id KitMistyped ConnectMSecureAccountCommand)
        { Connect (Device2Path 'notakit') -extra @{ KitText = 'hello' } } | Should -Throw -ErrorId (Id KitNotAKit ConnectMSecureAccountCommand)
    }

    It 'ServerCertificateMismatch for another fingerprint and InvalidArgument for a malformed one' {
        { Connect (Device2Path 'pin') -extra @{ CertificateThumbprint = ('AB' * 32) } } | Should -Throw -ErrorId (Id ServerCertificateMismatch ConnectMSecureAccountCommand)
        { Connect (Device2Path 'pin') -extra @{ CertificateThumbprint = '12:34' } } | Should -Throw -ErrorId (Id InvalidArgument ConnectMSecureAccountCommand)
    }

    It 'AccountAlreadyRegistered for another key with the same email' {
        { Register-MSecureAccount -Vault other -Server $server.Url -CertificateThumbprint $server.Fingerprint -ErrorAction Stop } |
            Should -Throw -ErrorId (Id AccountAlreadyRegistered RegisterMSecureAccountCommand)
    }

    It 'AccountNotRegistered and DeviceNotFound' {
        { Get-MSecureDevice -Vault other -ErrorAction Stop } | Should -Throw -ErrorId (Id AccountNotRegistered GetMSecureDeviceCommand)
        { Remove-MSecureDevice -Vault device1 -DeviceId ([guid]::NewGuid()) -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId (Id DeviceNotFound RemoveMSecureDeviceCommand)
    }

    It 'AccountKeyRotated on another device after Reset-MSecureAccountKey, and the new kit enrolls' {
        $path = Device2Path 'beforerotation'
        Connect $path | Out-Null
        (@(Get-MSecureDevice -Vault $path)).Count | Should -BeGreaterThan 1
        Reset-MSecureAccountKey -Vault device1 -Password $password -KitPath (Join-Path $folder.WorkDir 'new-kit.html') -Confirm:$false | Out-Null
        { Get-MSecureDevice -Vault $path -ErrorAction Stop } | Should -Throw -ErrorId (Id AccountKeyRotated GetMSecureDeviceCommand)
        { Connect (Device2Path 'oldkit') } | Should -Throw -ErrorId (Id AccountKeyRotated ConnectMSecureAccountCommand)
        $info = Connect (Device2Path 'newkit') -extra @{ KitText = (KitTextOf device1) }
        $info.AccountId | Should -Be (Get-MSecureVault -Vault device1).AccountId
    }

    It 'Disconnect-MSecureAccount forgets the server; the vault stays' {
        Disconnect-MSecureAccount -Vault device1 -Confirm:$false
        { Get-MSecureDevice -Vault device1 -ErrorAction Stop } | Should -Throw -ErrorId (Id AccountNotRegistered GetMSecureDeviceCommand)
        (Get-MSecureVault -Vault device1).AccountId | Should -Not -Be ([guid]::Empty)
    }

    It 'ServerUnreachable once the server is stopped' {
        Stop-MSecureTestServer $server
        { Connect (Device2Path 'stopped') } | Should -Throw -ErrorId (Id ServerUnreachable ConnectMSecureAccountCommand)
        Test-Path (Device2Path 'stopped') | Should -BeFalse
    }
}

Describe 'Set-MSecurePassword stays offline' {
    BeforeAll {
        $script:offlineServer = Start-MSecureTestServer -DataDir (Join-Path $folder.WorkDir 'offline-server')
        $script:newPassword = ConvertTo-SecureString 'the new password after the change' -AsPlainText -Force
    }

    AfterAll {
        Stop-MSecureTestServer $offlineServer
    }

    It 'changes the password with the server stopped; after a restart, sign-in and enrollment with the new kit work' {
        New-MSecureVault -Vault offline -Email 'carol@example.com' -Password $password | Out-Null
        Register-MSecureAccount -Vault offline -Server $offlineServer.Url -CertificateThumbprint $offlineServer.Fingerprint | Out-Null
        $port = ([uri] $offlineServer.Url).Port
        Stop-MSecureTestServer $offlineServer

        Set-MSecurePassword -Vault offline -Password $password -NewPassword $newPassword -KitPath (Join-Path $folder.WorkDir 'offline-kit.html') -Confirm:$false | Out-Null
        Lock-MSecureVault -Vault offline

        $script:offlineServer = Start-MSecureTestServer -DataDir (Join-Path $folder.WorkDir 'offline-server') -Port $port
        $offlineServer.Url | Should -Be "https://127.0.0.1:$port/"
        Unlock-MSecureVault -Vault offline -Password $newPassword
        @(Get-MSecureDevice -Vault offline).Count | Should -Be 1

        $newKit = KitTextOf offline
        $enroll = @{ Server = $offlineServer.Url; CertificateThumbprint = $offlineServer.Fingerprint; Email = 'carol@example.com'; KitText = $newKit; ErrorAction = 'Stop' }
        { Connect-MSecureAccount @enroll -Vault (Device2Path 'offline-old') -Password $password } | Should -Throw -ErrorId (Id WrongPassword ConnectMSecureAccountCommand)
        $info = Connect-MSecureAccount @enroll -Vault (Device2Path 'offline-new') -Password $newPassword
        $info.AccountId | Should -Be (Get-MSecureVault -Vault offline).AccountId
        @(Get-MSecureDevice -Vault (Device2Path 'offline-new')).Count | Should -Be 2
    }
}
