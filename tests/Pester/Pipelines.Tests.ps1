# Pipelines (issue 9): non-interactive password sources, the session hand-off through MSECURE_SESSION
# used by separate pwsh processes, and log masking on CI. Every child is a real pwsh process.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
    $script:folder = Enter-MSecureTestFolder -Name pipelines
    $script:savedSession = $env:MSECURE_SESSION
    $env:MSECURE_SESSION = $null
    $script:passwordText = 'correct horse battery staple'
    $script:password = ConvertTo-SecureString $passwordText -AsPlainText -Force
    function script:Id([string] $errorId, [string] $command) { "$errorId,MSecure.PowerShell.Commands.$command" }

    function script:New-PipelineVault([string] $Name) {
        New-MSecureVault -Vault $Name -Email ci@example.com -Password $password -WarningAction SilentlyContinue | Out-Null
        New-MSecureRecord -Vault $Name -Name web -Template Login -UserName deploy -Password (ConvertTo-SecureString 'pw-of-web-9173' -AsPlainText -Force) | Out-Null
        Join-Path $folder.VaultDir "$Name.msecure"
    }

    # Runs a script in a child pwsh WITHOUT any password in its environment; returns output lines and exit code.
    function script:Invoke-WithToken([string] $Token, [string] $Script, [hashtable] $Environment = @{}) {
        $environment = @{ MSECURE_SESSION = $Token; MSECURE_PASSWORD = $null } + $Environment
        Invoke-ChildPwsh -Script $Script -Environment $environment
    }

    # Runs a script in a child pwsh whose standard input is a pipe fed with $InputText, then closed.
    function script:Invoke-StdinChild([string] $Script, [string] $InputText) {
        $pwsh = Get-PwshCommandLine
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh.Path)
        foreach ($argument in @($pwsh.Arguments) + @('-NoProfile', '-NonInteractive', '-Command', "`$ErrorActionPreference = 'Stop'; Import-Module '$(Get-MSecureModulePath)'; $Script")) {
            $start.ArgumentList.Add($argument)
        }
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $start.Environment['MSECURE_PASSWORD'] = $null
        $start.Environment['MSECURE_SESSION'] = $null
        $process = [System.Diagnostics.Process]::Start($start)
        $process.StandardInput.Write($InputText)
        $process.StandardInput.Close()
        $output = $process.StandardOutput.ReadToEndAsync()
        $errors = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) { $process.Kill($true) }
        [pscustomobject]@{ Output = $output.Result; Errors = $errors.Result; ExitCode = $process.ExitCode }
    }

    # The ErrorId a child reports with: try { ... } catch { $_.FullyQualifiedErrorId }
    function script:ErrorIdScript([string] $Command) { "try { $Command; 'no error' } catch { 'ERRORID=' + `$_.FullyQualifiedErrorId }" }
}

AfterAll {
    $env:MSECURE_SESSION = $savedSession
    Exit-MSecureTestFolder $folder
}

Describe '-PasswordVariable' {
    BeforeAll { $script:vaultPath = New-PipelineVault 'variable'; Lock-MSecureVault -Vault variable }
    AfterEach { Lock-MSecureVault -Vault variable; Remove-Item Env:MSECURE_TEST_PW -ErrorAction SilentlyContinue }

    It 'unlocks from the named environment variable' {
        $env:MSECURE_TEST_PW = $passwordText
        Unlock-MSecureVault -Vault variable -PasswordVariable MSECURE_TEST_PW
        Get-MSecureRecord -Vault variable web -Field Password -AsPlainText | Should -Be 'pw-of-web-9173'
    }

    It 'fails with PasswordVariableNotSet when the variable is unset or empty, naming it and nothing else' {
        { Unlock-MSecureVault -Vault variable -PasswordVariable MSECURE_TEST_PW -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'PasswordVariableNotSet' 'UnlockMSecureVaultCommand') -ExpectedMessage "*'MSECURE_TEST_PW'*"
        $env:MSECURE_TEST_PW = ''
        { Unlock-MSecureVault -Vault variable -PasswordVariable MSECURE_TEST_PW -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'PasswordVariableNotSet' 'UnlockMSecureVaultCommand')
    }

    It 'never echoes the value of a wrong password variable' {
        $env:MSECURE_TEST_PW = 'wrong-value-that-must-not-show'
        $failure = { Unlock-MSecureVault -Vault variable -PasswordVariable MSECURE_TEST_PW -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be (Id 'WrongPassword' 'UnlockMSecureVaultCommand')
        "$failure $($failure.Exception)" | Should -Not -Match 'wrong-value-that-must-not-show'
    }

    It 'is one password source among the others: PasswordSourceConflict with -Password' {
        $env:MSECURE_TEST_PW = $passwordText
        { Unlock-MSecureVault -Vault variable -PasswordVariable MSECURE_TEST_PW -Password $password -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'PasswordSourceConflict' 'UnlockMSecureVaultCommand')
    }

    It 'is taken by every cmdlet that takes a password' {
        foreach ($command in 'Unlock-MSecureVault', 'New-MSecureVault', 'Set-MSecurePassword', 'Reset-MSecureAccountKey', 'Test-MSecureVault', 'Connect-MSecureAccount') {
            (Get-Command $command).Parameters.Keys | Should -Contain 'PasswordVariable' -Because $command
        }
    }
}

Describe 'standard input (-PasswordFile -)' {
    BeforeAll { $script:vaultPath = New-PipelineVault 'stdin' ; Lock-MSecureVault -Vault stdin }

    It 'reads one line of redirected standard input in a child process' {
        $result = Invoke-StdinChild "Unlock-MSecureVault -Vault '$vaultPath' -PasswordFile -; Get-MSecureRecord -Vault '$vaultPath' web -Field Password -AsPlainText" "$passwordText`nsecond line is not read`n"
        $result.Errors | Should -BeNullOrEmpty
        $result.Output.Trim() | Should -Be 'pw-of-web-9173'
        $result.ExitCode | Should -Be 0
    }

    It 'fails with PasswordFileInvalid when redirected standard input is empty' {
        $result = Invoke-StdinChild (ErrorIdScript "Unlock-MSecureVault -Vault '$vaultPath' -PasswordFile -") ''
        $result.Output | Should -Match 'ERRORID=PasswordFileInvalid,'
    }

    It 'refuses a terminal: PasswordInputNotRedirected (standard input of the child is a pseudo-terminal)' {
        if (-not (Get-Command script -CommandType Application -ErrorAction SilentlyContinue) -or $IsWindows) {
            Set-ItResult -Skipped -Because 'util-linux script(1), which gives the child a pseudo-terminal, is not installed'
            return
        }
        $pwsh = Get-PwshCommandLine
        $inner = "`$ErrorActionPreference = 'Stop'; Import-Module '$(Get-MSecureModulePath)'; " + (ErrorIdScript "Unlock-MSecureVault -Vault '$vaultPath' -PasswordFile -")
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($inner))
        $commandLine = (@($pwsh.Path) + @($pwsh.Arguments) + @('-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded) | ForEach-Object { "'$_'" }) -join ' '
        $output = & script -qec $commandLine /dev/null 2>&1 | Out-String
        $output | Should -Match 'ERRORID=PasswordInputNotRedirected,'
    }
}

Describe 'session hand-off through MSECURE_SESSION' {
    BeforeAll {
        $script:vaultPath = New-PipelineVault 'handoff'
        $script:token = Unlock-MSecureVault -Vault handoff -Password $password -SessionToken -AsPlainText
        # The token outlives this process's session; Lock destroys only the session of MSECURE_SESSION, not set here.
        Lock-MSecureVault -Vault handoff
    }

    It 'outputs a SecureString by default and a String with -AsPlainText' {
        $secure = Unlock-MSecureVault -Vault handoff -Password $password -SessionToken -SessionLifetime 00:05:00
        $secure | Should -BeOfType [securestring]
        $token | Should -BeOfType [string]
        $token | Should -Match '^mss1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$'
        # Locking with the token in MSECURE_SESSION destroys its session file; the first token's stays.
        $env:MSECURE_SESSION = [System.Net.NetworkCredential]::new('', $secure).Password
        try { Lock-MSecureVault -Vault handoff } finally { $env:MSECURE_SESSION = $null }
        @(Get-ChildItem -LiteralPath "$vaultPath.sessions" -ErrorAction Stop).Count | Should -Be 1
    }

    It 'refuses -SessionToken with -PassThru, and -AsPlainText without -SessionToken' {
        { Unlock-MSecureVault -Vault handoff -Password $password -SessionToken -PassThru -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'ParameterConflict' 'UnlockMSecureVaultCommand')
        { Unlock-MSecureVault -Vault handoff -Password $password -AsPlainText -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'ParameterConflict' 'UnlockMSecureVaultCommand')
        { Unlock-MSecureVault -Vault handoff -Password $password -SessionToken -SessionLifetime 25:00:00 -ErrorAction Stop } |
            Should -Throw -ErrorId (Id 'InvalidArgument' 'UnlockMSecureVaultCommand')
        Lock-MSecureVault -Vault handoff
    }

    It 'opens the vault in SEPARATE later processes that hold no password (so no KDF can run), and reports the time' {
        $withToken = Invoke-WithToken $token "Get-MSecureVault | Out-Null; `$t = Measure-Command { `$v = Get-MSecureRecord -Vault '$vaultPath' web -Field Password -AsPlainText }; `$v; 'MS=' + [int]`$t.TotalMilliseconds"
        $withToken.ExitCode | Should -Be 0
        $withToken.Output[0] | Should -Be 'pw-of-web-9173'
        $second = Invoke-WithToken $token "New-MSecureRecord -Vault '$vaultPath' -Name written-by-token -Template Login -UserName u -Password (ConvertTo-SecureString 'x-1' -AsPlainText -Force) | Out-Null; (Get-MSecureRecord -Vault '$vaultPath').Count"
        $second.Output[-1] | Should -Be '2'

        $withPassword = Invoke-ChildPwsh -Script "Get-MSecureVault | Out-Null; `$t = Measure-Command { Unlock-MSecureVault -Vault '$vaultPath'; `$v = Get-MSecureRecord -Vault '$vaultPath' web -Field Password -AsPlainText }; `$v; 'MS=' + [int]`$t.TotalMilliseconds" -Environment @{ MSECURE_PASSWORD = $passwordText; MSECURE_SESSION = $null }
        $withPassword.Output[0] | Should -Be 'pw-of-web-9173'
        $tokenMs = [int]($withToken.Output[1] -replace 'MS=')
        $kdfMs = [int]($withPassword.Output[1] -replace 'MS=')
        # Figures only (no timing assertion in tests): the module loaded, then unlock + first read.
        Write-Host "    unlock + first read in a fresh process: with MSECURE_SESSION $tokenMs ms, with the password (Argon2id m=64 MiB t=3 p=4) $kdfMs ms"
    }

    It 'never opens another vault with the token: VaultLocked is not hidden, SessionInvalid is said' {
        New-PipelineVault 'other' | Out-Null
        Lock-MSecureVault -Vault other
        $result = Invoke-WithToken $token (ErrorIdScript "Get-MSecureRecord -Vault other web")
        $result.Output -join "`n" | Should -Match 'ERRORID=SessionInvalid,'
        $result.Output -join "`n" | Should -Not -Match ([regex]::Escape($token.Substring(28)))
    }

    It 'a malformed MSECURE_SESSION is SessionInvalid and is never echoed' {
        $result = Invoke-WithToken 'mss1.not-a-real-token-value-4711' (ErrorIdScript "Get-MSecureRecord -Vault '$vaultPath' web")
        $result.Output -join "`n" | Should -Match 'ERRORID=SessionInvalid,'
        $result.Output -join "`n" | Should -Not -Match 'not-a-real-token-value-4711'
    }

    It 'expires: SessionExpired after its lifetime' {
        $short = Unlock-MSecureVault -Vault handoff -Password $password -SessionToken -AsPlainText -SessionLifetime 00:00:02
        Lock-MSecureVault -Vault handoff
        Start-Sleep -Seconds 3
        $result = Invoke-WithToken $short (ErrorIdScript "Get-MSecureRecord -Vault '$vaultPath' web")
        $result.Output -join "`n" | Should -Match 'ERRORID=SessionExpired,'
        $again = Invoke-WithToken $short (ErrorIdScript "Get-MSecureRecord -Vault '$vaultPath' web")
        $again.Output -join "`n" | Should -Match 'ERRORID=SessionInvalid,'
    }

    It 'two processes read with one token while a third writes; all succeed and nothing is lost' {
        $results = Join-Path $folder.WorkDir 'concurrent'
        New-Item -ItemType Directory -Path $results | Out-Null
        $environment = @{ MSECURE_SESSION = $token; MSECURE_PASSWORD = $null }
        $reader = "foreach (`$i in 1..25) { if ((Get-MSecureRecord -Vault '$vaultPath' web -Field Password -AsPlainText) -ne 'pw-of-web-9173') { throw 'wrong value' } }; 'ok' | Set-Content '$results/READER'"
        $writer = "foreach (`$i in 1..25) { New-MSecureRecord -Vault '$vaultPath' -Name ('concurrent-' + `$i) -Template Login -UserName u -Password (ConvertTo-SecureString ('v' + `$i) -AsPlainText -Force) | Out-Null }; 'ok' | Set-Content '$results/writer'"
        $processes = @(
            Start-ChildPwsh -Script ($reader -replace 'READER', 'reader1') -Environment $environment
            Start-ChildPwsh -Script ($reader -replace 'READER', 'reader2') -Environment $environment
            Start-ChildPwsh -Script $writer -Environment $environment
        )
        foreach ($process in $processes) {
            $process.WaitForExit(180000) | Should -BeTrue
            $process.ErrorOutput.Result | Should -BeNullOrEmpty
            $process.ExitCode | Should -Be 0
        }
        Get-Content "$results/reader1", "$results/reader2", "$results/writer" | Should -Be @('ok', 'ok', 'ok')
        Unlock-MSecureVault -Vault handoff -Password $password
        (Get-MSecureRecord -Vault handoff -Name 'concurrent-*').Count | Should -Be 25
        Test-MSecureVault -Vault handoff -Quiet | Should -BeTrue
        Lock-MSecureVault -Vault handoff
    }

    It 'a process killed (whole tree) while writing with the token corrupts nothing, and the token keeps working' {
        $marker = Join-Path $folder.WorkDir 'killed-started'
        $writer = Start-ChildPwsh -Script "'started' | Set-Content '$marker'; foreach (`$i in 1..100000) { New-MSecureRecord -Vault '$vaultPath' -Name ('killed-' + `$i) -Template Login -UserName u -Password (ConvertTo-SecureString ('v' + `$i) -AsPlainText -Force) | Out-Null }" `
            -Environment @{ MSECURE_SESSION = $token; MSECURE_PASSWORD = $null }
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not (Test-Path $marker) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Start-Sleep -Milliseconds 1500
        $writer.Kill($true)
        $writer.WaitForExit(30000) | Should -BeTrue

        $after = Invoke-WithToken $token "Get-MSecureRecord -Vault '$vaultPath' web -Field Password -AsPlainText; (Get-MSecureRecord -Vault '$vaultPath' -Name 'killed-*').Count"
        $after.ExitCode | Should -Be 0
        $after.Output[0] | Should -Be 'pw-of-web-9173'
        [int]$after.Output[1] | Should -BeGreaterThan 0
        Unlock-MSecureVault -Vault handoff -Password $password
        Test-MSecureVault -Vault handoff -Quiet | Should -BeTrue
        Lock-MSecureVault -Vault handoff
    }

    It 'Lock-MSecureVault in a later process destroys the token: the next process gets SessionInvalid' {
        $own = Unlock-MSecureVault -Vault handoff -Password $password -SessionToken -AsPlainText
        Lock-MSecureVault -Vault handoff
        (Invoke-WithToken $own "Get-MSecureRecord -Vault '$vaultPath' web -Field UserName").Output | Should -Be 'deploy'
        $lock = Invoke-WithToken $own "Lock-MSecureVault -Vault '$vaultPath' -Verbose 4>&1"
        $lock.Output -join "`n" | Should -Match 'Destroyed the session of MSECURE_SESSION'
        $next = Invoke-WithToken $own (ErrorIdScript "Get-MSecureRecord -Vault '$vaultPath' web")
        $next.Output -join "`n" | Should -Match 'ERRORID=SessionInvalid,MSecure.PowerShell.Commands.GetMSecureRecordCommand'
        # The other token of the vault still works.
        (Invoke-WithToken $token "Get-MSecureRecord -Vault '$vaultPath' web -Field UserName").Output | Should -Be 'deploy'
    }

    It 'Lock-MSecureVault -AllSessions destroys every token of the vault' {
        $another = Unlock-MSecureVault -Vault handoff -Password $password -SessionToken -AsPlainText
        Lock-MSecureVault -Vault handoff -AllSessions
        "$vaultPath.sessions" | Get-ChildItem | Should -BeNullOrEmpty
        foreach ($gone in $token, $another) {
            (Invoke-WithToken $gone (ErrorIdScript "Get-MSecureRecord -Vault '$vaultPath' web")).Output -join "`n" | Should -Match 'ERRORID=SessionInvalid,'
        }
    }

    It 'keeps session files owner-only' -Skip:$IsWindows {
        $null = Unlock-MSecureVault -Vault handoff -Password $password -SessionToken
        Lock-MSecureVault -Vault handoff
        (Get-Item "$vaultPath.sessions").UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite, UserExecute')
        (Get-ChildItem "$vaultPath.sessions").UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
    }
}

Describe 'log masking (-MaskFor)' {
    BeforeAll {
        $script:vaultPath = New-PipelineVault 'masking'
        New-MSecureRecord -Vault masking -Name note -Template SecureNote -Notes (ConvertTo-SecureString "note line one`nnote line two" -AsPlainText -Force) | Out-Null
        Lock-MSecureVault -Vault masking
        $script:maskEnvironment = @{ MSECURE_PASSWORD = $passwordText; MSECURE_SESSION = $null; GITHUB_ACTIONS = $null; TF_BUILD = $null }
        function script:MaskEnvironment([hashtable] $Set = @{}) {
            $environment = $maskEnvironment.Clone()
            foreach ($name in $Set.Keys) { $environment[$name] = $Set[$name] }
            $environment
        }
    }

    It 'writes ::add-mask:: on standard output before the value, when GITHUB_ACTIONS=true' {
        $result = Invoke-ChildPwsh -Script "Unlock-MSecureVault -Vault '$vaultPath'; Get-MSecureRecord -Vault '$vaultPath' web -Field Password -AsPlainText" -Environment (MaskEnvironment @{ GITHUB_ACTIONS = 'true' })
        $result.Output | Should -Be @('::add-mask::pw-of-web-9173', 'pw-of-web-9173')
    }

    It 'writes ##vso[task.setsecret] with -MaskFor AzurePipelines, for a SecureString and a credential too' {
        $result = Invoke-ChildPwsh -Script "Unlock-MSecureVault -Vault '$vaultPath'; `$s = Get-MSecureRecord -Vault '$vaultPath' web -Field Password -MaskFor AzurePipelines; `$c = Get-MSecureRecord -Vault '$vaultPath' web -AsCredential -MaskFor AzurePipelines; `$c.UserName" -Environment $maskEnvironment
        $result.Output | Should -Be @('##vso[task.setsecret]pw-of-web-9173', '##vso[task.setsecret]pw-of-web-9173', 'deploy')
    }

    It 'masks every secret of a record object, line by line, and nothing that is not secret' {
        $result = Invoke-ChildPwsh -Script "Unlock-MSecureVault -Vault '$vaultPath'; `$null = Get-MSecureRecord -Vault '$vaultPath' note, web; `$null = Get-MSecureRecord -Vault '$vaultPath' web -Field UserName" -Environment (MaskEnvironment @{ TF_BUILD = 'True' })
        $result.Output | Should -Be @('##vso[task.setsecret]note line one', '##vso[task.setsecret]note line two', '##vso[task.setsecret]pw-of-web-9173')
    }

    It 'writes nothing with -MaskFor None or outside CI' {
        (Invoke-ChildPwsh -Script "Unlock-MSecureVault -Vault '$vaultPath'; Get-MSecureRecord -Vault '$vaultPath' web -Field Password -AsPlainText -MaskFor None" -Environment (MaskEnvironment @{ GITHUB_ACTIONS = 'true' })).Output |
            Should -Be @('pw-of-web-9173')
        (Invoke-ChildPwsh -Script "Unlock-MSecureVault -Vault '$vaultPath'; Get-MSecureRecord -Vault '$vaultPath' web -Field Password -AsPlainText" -Environment $maskEnvironment).Output |
            Should -Be @('pw-of-web-9173')
    }

    It 'masks the secrets of Get-MSecureRecordHistory' {
        $result = Invoke-ChildPwsh -Script "Unlock-MSecureVault -Vault '$vaultPath'; Set-MSecureRecord -Vault '$vaultPath' web -Password (ConvertTo-SecureString 'pw-new-5521' -AsPlainText -Force); `$null = Get-MSecureRecordHistory -Vault '$vaultPath' web -MaskFor GitHubActions" -Environment $maskEnvironment
        $result.Output | Should -Be @('::add-mask::pw-of-web-9173')
    }
}
