BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:manifestPath = Get-MSecureModulePath
    $script:moduleRoot = Split-Path $manifestPath
    Import-Module $manifestPath -Force
}

Describe 'The built module (out/MSecure)' {
    It 'has a valid manifest whose version comes from Directory.Build.props' {
        $manifest = Test-ModuleManifest -Path $manifestPath
        $props = [xml](Get-Content (Join-Path (Get-RepositoryRoot) 'Directory.Build.props') -Raw)
        $version = @($props.Project.PropertyGroup.VersionPrefix | Where-Object { $_ })[0]

        $manifest.Version | Should -Be ([version]$version)
        $manifest.RootModule | Should -Be 'MSecure.PowerShell.dll'
        $manifest.CompatiblePSEditions | Should -Be @('Core')
        $manifest.PowerShellVersion | Should -Be ([version]'7.4')
        $manifest.ExportedFunctions.Count | Should -Be 0
        $manifest.ExportedAliases.Count | Should -Be 0
    }

    It 'exports exactly the cmdlets of its manifest' {
        $data = Import-PowerShellDataFile $manifestPath
        $exported = (Get-Module MSecure).ExportedCmdlets.Keys | Sort-Object

        $exported | Should -Be ($data.CmdletsToExport | Sort-Object)
        $exported | Should -Contain 'New-MSecureRandomPassword'
        $exported | Should -Contain 'New-MSecureAccountKey'
    }

    It 'keeps only its own assembly at the root, and every dependency in Dependencies/' {
        $rootAssemblies = Get-ChildItem $moduleRoot -Filter *.dll | ForEach-Object Name
        $rootAssemblies | Should -Be @('MSecure.PowerShell.dll')

        $dependencies = Join-Path $moduleRoot 'Dependencies'
        foreach ($name in 'MSecure.Core.dll', 'QRCoder.dll', 'Polly.Core.dll', 'Microsoft.Data.Sqlite.dll', 'SQLitePCLRaw.core.dll', 'SQLitePCLRaw.provider.e_sqlite3.dll', 'SQLitePCLRaw.batteries_v2.dll', 'zxing.dll', 'StbImageSharp.dll', 'AngleSharp.dll') {
            Join-Path $dependencies $name | Should -Exist
        }
        Join-Path $dependencies 'runtimes/linux-x64/native/libe_sqlite3.so' | Should -Exist
        Join-Path $dependencies 'runtimes/osx-arm64/native/libe_sqlite3.dylib' | Should -Exist
        Join-Path $dependencies 'runtimes/win-x64/native/e_sqlite3.dll' | Should -Exist
        Get-ChildItem $moduleRoot -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }

    It 'ships its format and types files and MAML help' {
        Join-Path $moduleRoot 'MSecure.format.ps1xml' | Should -Exist
        Join-Path $moduleRoot 'MSecure.types.ps1xml' | Should -Exist
        Join-Path $moduleRoot 'en-US/MSecure.PowerShell.dll-Help.xml' | Should -Exist
    }
}

Describe 'Dependency isolation' {
    BeforeAll {
        # Make the module use MSecure.Core (and so load it).
        $null = New-MSecureRandomPassword
        $script:alc = [System.Runtime.Loader.AssemblyLoadContext]
        $script:core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'MSecure.Core' } | Select-Object -First 1
        $script:module = (Get-Command New-MSecureRandomPassword).ImplementingType.Assembly
    }

    It 'loads MSecure.PowerShell.dll into the default context' {
        $alc::GetLoadContext($module) | Should -Be $alc::Default
    }

    It 'loads MSecure.Core from Dependencies/ into the private MSecure context' {
        $core | Should -Not -BeNullOrEmpty
        $context = $alc::GetLoadContext($core)
        $context | Should -Not -Be $alc::Default
        $context.Name | Should -Be 'MSecure'
        $context.GetType().FullName | Should -Be 'MSecure.PowerShell.Loading.MSecureLoadContext'
        $core.Location | Should -Be (Join-Path $moduleRoot 'Dependencies/MSecure.Core.dll')
    }

    It 'loads SQLite and its native library inside the private context' {
        $context = $alc::GetLoadContext($core)
        $batteries = $context.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('SQLitePCLRaw.batteries_v2'))
        $batteries.GetType('SQLitePCL.Batteries_V2').GetMethod('Init').Invoke($null, $null)
        $sqlite = $context.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('Microsoft.Data.Sqlite'))
        $connection = [Activator]::CreateInstance($sqlite.GetType('Microsoft.Data.Sqlite.SqliteConnection'), @('Data Source=:memory:'))
        try {
            $connection.Open()
            $command = $connection.CreateCommand()
            $command.CommandText = 'select sqlite_version()'
            # The SQLite bundled by SQLitePCLRaw.bundle_e_sqlite3 3.0.5; raise with every upgrade.
            [version]$command.ExecuteScalar() | Should -BeGreaterOrEqual ([version]'3.53.4')
        }
        finally {
            $connection.Dispose()
        }

        $alc::GetLoadContext($sqlite).Name | Should -Be 'MSecure'
        if ($IsLinux) {
            Get-Content /proc/self/maps | Where-Object { $_ -like "*$moduleRoot/Dependencies/runtimes/*libe_sqlite3*" } | Should -Not -BeNullOrEmpty
        }
    }

    It 'does not answer for assemblies that are not its dependencies' {
        { [System.Reflection.Assembly]::Load('No.Such.Assembly.For.MSecure') } | Should -Throw
    }

    It 'works beside another copy of a dependency already loaded by someone else' {
        # A different QRCoder.dll (as another module might ship) sits in the default context first.
        $fake = Join-Path $TestDrive 'QRCoder.dll'
        Add-Type -TypeDefinition 'namespace QRCoder { public static class ImpostorMarker { public static int Value => 42; } }' -OutputAssembly $fake -OutputType Library
        $result = Invoke-ChildPwsh -Script @"
`$impostor = [System.Reflection.Assembly]::LoadFrom('$fake')
`$null = New-MSecureRandomPassword
`$core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'MSecure.Core' }
`$context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$core)
`$ours = `$context.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('QRCoder'))
[bool]`$ours.GetType('QRCoder.QRCodeGenerator')
[bool]`$impostor.GetType('QRCoder.QRCodeGenerator')
[object]::ReferenceEquals(`$ours, `$impostor)
`$context.Name
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Be @('True', 'False', 'False', 'MSecure')
    }

    It 'survives Remove-Module and a second import' {
        $result = Invoke-ChildPwsh -Script @"
`$null = New-MSecureRandomPassword
Remove-Module MSecure
Import-Module '$manifestPath'
(New-MSecureRandomPassword -Length 12 -AsPlainText).Length
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output[-1] | Should -Be '12'
    }
}
