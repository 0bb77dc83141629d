# Get-Help -Full shows the MAML built from docs/cmdlets for every exported cmdlet.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-PowerShellDataFile (Get-MSecureModulePath)
    $script:cmdletCases = $manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
}

Describe 'Get-Help <Name> -Full' -ForEach $cmdletCases {
    BeforeAll {
        $script:help = Get-Help $Name -Full
        $script:command = Get-Command $Name
        $script:text = Get-Help $Name -Full | Out-String -Width 200
    }

    It 'comes from the MAML file, with a synopsis' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\w+-\w+\s*\[' -Because 'a synopsis that is the syntax means no help was found'
    }

    It 'has a description' {
        ($help.description.Text -join ' ').Length | Should -BeGreaterThan 40
    }

    It 'has examples with code and remarks' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            $example.code | Should -Match $Name
            ($example.remarks.Text -join '') | Should -Not -BeNullOrEmpty
        }
        $text | Should -Match 'Example 1'
    }

    It 'describes every parameter' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $parameterHelp = $help.parameters.parameter | Where-Object name -EQ $parameter
            $parameterHelp | Should -Not -BeNullOrEmpty -Because "-$parameter needs help"
            ($parameterHelp.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'lists inputs, outputs and related links' {
        $help.inputTypes | Should -Not -BeNullOrEmpty
        $help.returnValues | Should -Not -BeNullOrEmpty
        $text | Should -Match 'RELATED LINKS'
    }
}
