# The SecretManagement extension vault of MSecure (see docs/secretmanagement.md). The build copies
# it to out/MSecure/MSecure.Extension/ with ModuleVersion stamped like MSecure.psd1's. MSecure.psd1
# lists it in NestedModules; Register-SecretVault also imports this folder on its own, so the
# module's assembly is a RequiredAssembly here.
@{
    RootModule           = 'MSecure.Extension.psm1'
    ModuleVersion        = '0.0.0'
    CompatiblePSEditions = @('Core')
    GUID                 = '0b6f3c53-3c1e-4f0e-9a55-5d6a3cf0e8a1'
    Author               = 'MSecure for PowerShell contributors'
    CompanyName          = 'MSecure for PowerShell contributors'
    Copyright            = '(c) 2026 MSecure for PowerShell contributors'
    Description          = 'SecretManagement extension vault for MSecure: called by Microsoft.PowerShell.SecretManagement, not by users.'
    PowerShellVersion    = '7.4'
    RequiredAssemblies   = @('../MSecure.PowerShell.dll')
    FunctionsToExport    = @('Get-Secret', 'Get-SecretInfo', 'Set-Secret', 'Remove-Secret', 'Set-SecretInfo', 'Test-SecretVault', 'Unlock-SecretVault', 'Unregister-SecretVault')
    CmdletsToExport      = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
}
