# The SecretManagement extension-vault contract of MSecure. SecretManagement calls these functions
# in its own runspace with exactly these parameters (AdditionalParameters = the VaultParameters of
# Register-SecretVault plus Verbose). The work is done in MSecure.PowerShell.dll
# (MSecure.PowerShell.SecretManagement.SecretVaultBridge); this file only speaks SecretManagement:
# it makes SecretInformation objects and throws PasswordRequiredException, types that exist only
# in SecretManagement's assembly and are therefore named here at run time.

$script:Bridge = [MSecure.PowerShell.SecretManagement.SecretVaultBridge]

function Set-ExtensionVerbosity([hashtable] $AdditionalParameters) {
    # SecretManagement forwards verbose records only when the vault writes them itself.
    if ($AdditionalParameters -and $AdditionalParameters['Verbose'] -eq $true) {
        Set-Variable -Name VerbosePreference -Value 'Continue' -Scope 1
    }
}

function Stop-WithExtensionError([System.Management.Automation.ErrorRecord] $Caught, [System.Management.Automation.PSCmdlet] $Cmdlet) {
    # A .NET call wraps its exception in MethodInvocationException: throw the vault's own ErrorRecord,
    # or SecretManagement's PasswordRequiredException for a locked vault, so Unlock-SecretVault is asked for.
    $exception = $Caught.Exception
    while ($exception -is [System.Management.Automation.MethodInvocationException] -and $exception.InnerException) {
        $exception = $exception.InnerException
    }
    if ($exception -isnot [MSecure.PowerShell.SecretManagement.SecretVaultException]) {
        $Cmdlet.ThrowTerminatingError($Caught)
    }
    $passwordRequired = 'Microsoft.PowerShell.SecretManagement.PasswordRequiredException' -as [type]
    if ($exception.IsLocked -and $passwordRequired) {
        throw $passwordRequired::new($exception.Message)
    }
    $Cmdlet.ThrowTerminatingError($exception.ErrorRecord)
}

function New-ExtensionSecretInfo([MSecure.PowerShell.SecretManagement.SecretInfoItem] $Item, [string] $VaultName) {
    $informationType = 'Microsoft.PowerShell.SecretManagement.SecretInformation' -as [type]
    if ($informationType) {
        $secretType = [Enum]::Parse(('Microsoft.PowerShell.SecretManagement.SecretType' -as [type]), $Item.Type)
        return $informationType::new($Item.Name, $secretType, $VaultName, $Item.Metadata)
    }
    # SecretManagement is not loaded (the functions called directly): the same facts, as a plain object.
    [pscustomobject]@{ PSTypeName = 'MSecure.SecretInformation'; Name = $Item.Name; Type = $Item.Type; VaultName = $VaultName; Metadata = $Item.Metadata }
}

function Get-Secret {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    Set-ExtensionVerbosity $AdditionalParameters
    try { $secret = $script:Bridge::GetSecret($PSCmdlet, $Name, $VaultName, $AdditionalParameters) }
    catch { Stop-WithExtensionError $_ $PSCmdlet }
    if ($null -ne $secret) {
        # Whole, so a byte[] stays one object.
        Write-Output -InputObject $secret -NoEnumerate
    }
}

function Get-SecretInfo {
    [CmdletBinding()]
    param(
        [string] $Filter,
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    Set-ExtensionVerbosity $AdditionalParameters
    try { $items = $script:Bridge::GetSecretInfo($PSCmdlet, $Filter, $VaultName, $AdditionalParameters) }
    catch { Stop-WithExtensionError $_ $PSCmdlet }
    foreach ($item in $items) {
        New-ExtensionSecretInfo $item $VaultName
    }
}

function Set-Secret {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [AllowEmptyString()] [AllowEmptyCollection()] [object] $Secret,
        [string] $VaultName,
        [hashtable] $AdditionalParameters,
        [hashtable] $Metadata
    )
    Set-ExtensionVerbosity $AdditionalParameters
    try { $script:Bridge::SetSecret($PSCmdlet, $Name, $Secret, $VaultName, $AdditionalParameters, $Metadata) }
    catch { Stop-WithExtensionError $_ $PSCmdlet }
}

function Remove-Secret {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    Set-ExtensionVerbosity $AdditionalParameters
    try { $script:Bridge::RemoveSecret($PSCmdlet, $Name, $VaultName, $AdditionalParameters) }
    catch { Stop-WithExtensionError $_ $PSCmdlet }
}

function Set-SecretInfo {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [hashtable] $Metadata,
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    Set-ExtensionVerbosity $AdditionalParameters
    try { $script:Bridge::SetSecretInfo($PSCmdlet, $Name, $Metadata, $VaultName, $AdditionalParameters) }
    catch { Stop-WithExtensionError $_ $PSCmdlet }
}

function Test-SecretVault {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    Set-ExtensionVerbosity $AdditionalParameters
    # Problems are written as errors; the answer is one bool.
    $script:Bridge::TestSecretVault($PSCmdlet, $VaultName, $AdditionalParameters)
}

function Unlock-SecretVault {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [securestring] $Password,
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    Set-ExtensionVerbosity $AdditionalParameters
    try { $script:Bridge::UnlockSecretVault($PSCmdlet, $Password, $VaultName, $AdditionalParameters) }
    catch { Stop-WithExtensionError $_ $PSCmdlet }
}

function Unregister-SecretVault {
    [CmdletBinding()]
    param(
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    Set-ExtensionVerbosity $AdditionalParameters
    try { $script:Bridge::UnregisterSecretVault($PSCmdlet, $VaultName, $AdditionalParameters) }
    catch { Stop-WithExtensionError $_ $PSCmdlet }
}

Export-ModuleMember -Function Get-Secret, Get-SecretInfo, Set-Secret, Remove-Secret, Set-SecretInfo, Test-SecretVault, Unlock-SecretVault, Unregister-SecretVault
