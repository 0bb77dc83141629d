# The default display of secret-bearing objects never shows the secret.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-MSecureModulePath) -Force
}

Describe 'Default formatting hides secrets' {
    Context 'RandomPasswordInfo' {
        BeforeAll {
            $script:info = New-MSecureRandomPassword -Length 40 -Detailed -AsPlainText
            $script:secret = $info.Password
        }

        It 'default view: <Name>' -TestCases @(
            @{ Name = 'Out-String'; Render = { param($o) $o | Out-String -Width 300 } }
            @{ Name = 'Format-Table'; Render = { param($o) $o | Format-Table | Out-String -Width 300 } }
            @{ Name = 'Format-List'; Render = { param($o) $o | Format-List | Out-String -Width 300 } }
            @{ Name = 'ToString'; Render = { param($o) "$o" } }
        ) {
            $text = & $Render $info

            $text | Should -Not -BeNullOrEmpty
            $text.Contains($secret) | Should -BeFalse -Because "the $Name display must not show the password"
            $text | Should -Match '\*{8}|characters'
        }

        It 'shows the length and the entropy' {
            $text = $info | Out-String -Width 300

            $text | Should -Match 'Characters\s+40\s+\d+\.\d'
        }
    }

    Context 'Record field (format view by type name)' {
        It 'masks a secret field value in table and list views' {
            $field = [pscustomobject]@{ PSTypeName = 'MSecure.PowerShell.Models.MSecureRecordField'; Label = 'Password'; Kind = 'Secret'; Value = 'hunter2-very-secret'; IsSecret = $true }
            $open = [pscustomobject]@{ PSTypeName = 'MSecure.PowerShell.Models.MSecureRecordField'; Label = 'Username'; Kind = 'Text'; Value = 'alice'; IsSecret = $false }

            $table = @($field, $open) | Out-String -Width 300
            $table | Should -Not -Match 'hunter2'
            $table | Should -Match '\*{8}'
            $table | Should -Match 'alice'
        }

        It 'masks secret fields inside a record list view' {
            $record = [pscustomobject]@{
                PSTypeName = 'MSecure.PowerShell.Models.MSecureRecord'
                Name = 'Bank'; Template = 'Login'; IsFavorite = $false; Tags = @('money'); Notes = 'pin is 4321'
                CreatedAt = [datetimeoffset]::Now; ModifiedAt = [datetimeoffset]::Now; Revision = 1; Id = [guid]::NewGuid()
                Fields = @(
                    [pscustomobject]@{ Label = 'Username'; Kind = 'Text'; Value = 'alice'; IsSecret = $false }
                    [pscustomobject]@{ Label = 'Password'; Kind = 'Secret'; Value = 'hunter2-very-secret'; IsSecret = $true }
                )
            }

            foreach ($text in ($record | Format-List | Out-String -Width 300), ($record | Out-String -Width 300)) {
                $text | Should -Not -Match 'hunter2'
                $text | Should -Not -Match '4321'
            }
            $record | Format-List | Out-String -Width 300 | Should -Match 'Password: \*{8}'
        }
    }
}
