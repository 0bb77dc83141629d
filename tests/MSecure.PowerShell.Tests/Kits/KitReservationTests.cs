using System;
using System.IO;
using MSecure.PowerShell.Files;
using MSecure.PowerShell.Kits;
using Xunit;

namespace MSecure.PowerShell.Tests.Kits;

// Only the parts without System.Management.Automation (not loadable here); the cmdlet paths are in tests/Pester/SecurityReview.Tests.ps1.
public sealed class KitReservationTests
{
    [Fact]
    public void Dispose_WithoutComplete_DeletesTheFile()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("kit.html");

        new KitReservation(path, PrivateFile.OpenNew(path)).Dispose();

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void TheMessageAfterTheChange_SaysTheChangeWasMade_AndToExportTheKitNow()
    {
        string message = KitReservation.ChangedButNotSavedMessage("The password of vault 'team'", "/x/kit.html", "Disk full.");

        Assert.StartsWith("The password of vault 'team' WAS changed", message, StringComparison.Ordinal);
        Assert.Contains("/x/kit.html", message, StringComparison.Ordinal);
        Assert.Contains("Export-MSecureEmergencyKit", message, StringComparison.Ordinal);
    }
}
