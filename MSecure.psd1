# Source manifest of the MSecure module. The build copies it to out/MSecure/MSecure.psd1 with
# ModuleVersion stamped from <VersionPrefix> in Directory.Build.props (the one version source):
# the value below is a placeholder and is never published as is.
@{
    RootModule             = 'MSecure.PowerShell.dll'
    ModuleVersion          = '0.0.0'
    CompatiblePSEditions   = @('Core')
    GUID                   = '5ca7c1fa-be1f-4768-82c7-3250faf817a7'
    Author                 = 'MSecure for PowerShell contributors'
    CompanyName            = 'MSecure for PowerShell contributors'
    Copyright              = '(c) 2026 MSecure for PowerShell contributors'
    Description            = 'An end-to-end encrypted password vault in the mSecure 5 security model: a 46-character Account Key generated on the device encrypts every record, the password only wraps that key (so it can be changed offline), and an emergency kit carries the wrapped key to a new device. Secrets come out as SecureString unless -AsPlainText.'
    PowerShellVersion      = '7.4'
    # The SecretManagement extension vault; its functions stay inside the module (FunctionsToExport is empty).
    NestedModules          = @('MSecure.Extension')
    FormatsToProcess       = @('MSecure.format.ps1xml')
    TypesToProcess         = @('MSecure.types.ps1xml')
    CmdletsToExport        = @(
        'Connect-MSecureAccount'
        'Disconnect-MSecureAccount'
        'Export-MSecureBackup'
        'Export-MSecureEmergencyKit'
        'Export-MSecureRecord'
        'Get-MSecureAccessKey'
        'Get-MSecureDevice'
        'Get-MSecureOneTimePassword'
        'Get-MSecureRecord'
        'Get-MSecureRecordHistory'
        'Get-MSecureSecurityReport'
        'Get-MSecureVault'
        'Import-MSecureBackup'
        'Import-MSecureRecord'
        'Lock-MSecureVault'
        'New-MSecureAccessKey'
        'New-MSecureAccountKey'
        'New-MSecureRandomPassword'
        'New-MSecureRecord'
        'New-MSecureVault'
        'Register-MSecureAccount'
        'Remove-MSecureDevice'
        'Remove-MSecureRecord'
        'Reset-MSecureAccountKey'
        'Revoke-MSecureAccessKey'
        'Set-MSecureDefaultVault'
        'Set-MSecurePassword'
        'Set-MSecureRecord'
        'Sync-MSecureVault'
        'Test-MSecureVault'
        'Unlock-MSecureVault'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Password', 'PasswordManager', 'Vault', 'Secrets', 'Encryption', 'Argon2', 'mSecure', 'SecretManagement', 'Linux', 'macOS', 'Windows', 'PSEdition_Core')
            # The project has no public address or LICENSE file yet: set both before publishing.
            # LicenseUri = '<repository>/blob/main/LICENSE'
            # ProjectUri = '<repository>'
            ReleaseNotes = 'Preview: vaults, records, offline password change, Account Key rotation, emergency kits, account server enrollment and sync (server or shared folder); the SecretManagement extension follows.'
        }
    }
}
