# build.ps1's exit code is what CI trusts: a failing Pester test must fail the test command.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:buildScript = Join-Path (Get-RepositoryRoot) 'build.ps1'

    function Invoke-BuildPester {
        <# build.ps1 -Task Pester -NoBuild on one Pester file with the given body, in a child pwsh: its output lines and exit code. #>
        param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $Body)
        $folder = Join-Path $TestDrive $Name
        New-Item -ItemType Directory -Path $folder | Out-Null
        Set-Content -Path (Join-Path $folder 'Sample.Tests.ps1') -Value $Body
        $pwsh = Get-PwshCommandLine
        $pwshArguments = $pwsh.Arguments
        $output = & $pwsh.Path @pwshArguments -NoProfile -NonInteractive -File $buildScript -Task Pester -NoBuild -PesterPath $folder 2>&1 |
            ForEach-Object { "$_" }
        [pscustomobject]@{ Output = @($output); ExitCode = $LASTEXITCODE }
    }
}

Describe 'build.ps1 -Task Pester' {
    It 'exits <ExitCode> when <Case>' -TestCases @(
        @{ Case = 'every test passes'; ExitCode = 0; Body = "Describe 'sample' { It 'passes' { 1 | Should -Be 1 } }"
            Line = 'Tests Passed: 1, Failed: 0, Skipped: 0, Inconclusive: 0, NotRun: 0' }
        @{ Case = 'a test fails'; ExitCode = 1; Body = "Describe 'sample' { It 'passes' { 1 | Should -Be 1 }; It 'fails' { 1 | Should -Be 2 } }"
            Line = 'Tests Passed: 1, Failed: 1, Skipped: 0, Inconclusive: 0, NotRun: 0' }
        @{ Case = 'a container fails before its tests run'; ExitCode = 1; Body = "BeforeAll { throw 'setup failed' }; Describe 'sample' { It 'passes' { 1 | Should -Be 1 } }"
            Line = 'build.ps1 -Task Pester: FAILED' }
        @{ Case = 'no test ran'; ExitCode = 1; Body = "Describe 'sample' { }"
            Line = 'build.ps1 -Task Pester: FAILED' }
    ) {
        param($Case, $ExitCode, $Body, $Line)

        $result = Invoke-BuildPester -Name ($Case -replace '\W', '-') -Body $Body

        $result.ExitCode | Should -Be $ExitCode -Because ($result.Output -join "`n")
        $result.Output | Should -Contain $Line
    }
}
