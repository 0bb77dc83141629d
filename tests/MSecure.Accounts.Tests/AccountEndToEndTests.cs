using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Vault;
using MSecure.Server;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Accounts.Tests;

/// <summary>
/// Device 1 creates a vault and registers; device 2 (another folder) enrolls from the kit; every
/// failure of the issue gives its error code, over real HTTPS on loopback against the real server.
/// </summary>
public sealed class AccountEndToEndTests
{
    private const string Password = "correct horse battery staple";
    private const string Email = "alice@example.com";

    /// <summary>SQLite always; PostgreSQL with MSECURE_TEST_POSTGRES (CI).</summary>
    public static TheoryData<string> Databases => TestDatabases.All;

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Enrolled_device_has_the_same_account_key_account_and_verifier_and_both_devices_are_listed(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database);
        using VaultCreation device1 = CreateRegistered(host, "device1");
        string vault2 = Path.Combine(host.VaultFolder("device2"), "enrolled.msecure");

        var stages = new System.Collections.Generic.List<EnrollmentStage>();
        using VaultCreation device2 = Enroll(host, vault2, Email.ToUpperInvariant() + " ", device1.Kit.ToText(), Password, stages.Add);

        Assert.Equal([EnrollmentStage.OpeningKit, EnrollmentStage.SigningIn, EnrollmentStage.VerifyingAccount, EnrollmentStage.CreatingVault, EnrollmentStage.Syncing], stages);
        Assert.Equal(device1.Session.Info.AccountId, device2.Session.Info.AccountId);
        Assert.Equal(Email, device2.Session.Info.Email);
        Assert.Equal(AccountKeyText(device1.Kit, Password), AccountKeyText(device2.Kit, Password));
        Assert.NotEqual(device1.Session.Info.VaultId, device2.Session.Info.VaultId);
        ServerBinding binding2 = Assert.IsType<ServerBinding>(device2.Session.Info.Server);
        Assert.Equal(host.Server, binding2.Server);
        Assert.Equal(host.Fingerprint, binding2.CertificateFingerprint);
        Assert.NotEqual(device1.Session.Info.Server!.DeviceId, binding2.DeviceId);

        var devices = device2.Session.GetDevices();
        Assert.Equal(2, devices.Count);
        Assert.Equal(binding2.DeviceId, Assert.Single(devices, device => device.IsCurrent).DeviceId);
        Assert.Contains(devices, device => device.DeviceId == device1.Session.Info.Server!.DeviceId && device.Name == "device1");

        // The enrolled vault unlocks with the same password, remembers its server, and signs in again.
        device2.Dispose();
        using VaultFile file = VaultFile.Open(vault2);
        using VaultSession reopened = file.Unlock(Password);
        reopened.AccountServerOptions = AccountServerHost.ClientOptions;
        Assert.Equal(binding2, reopened.Info.Server);
        Assert.Equal(2, reopened.GetDevices().Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Enrollment_failures_have_their_codes_and_write_nothing_locally(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database);
        using VaultCreation device1 = CreateRegistered(host, "device1");
        string kit = device1.Kit.ToText();
        string folder = host.VaultFolder("device2");
        string vault2 = Path.Combine(folder, "enrolled.msecure");

        // Another account with the same email, never registered: its kit signs in to nothing.
        using VaultCreation other = VaultFile.Create(Path.Combine(host.VaultFolder("other"), "other.msecure"), Email, Password, KdfParameters.Minimum);

        AssertFails(MSecureErrorCode.WrongPassword, () => Enroll(host, vault2, Email, kit, "not the password at all"));
        AssertFails(MSecureErrorCode.KitAccountMismatch, () => Enroll(host, vault2, "bob@example.com", kit, Password));
        AssertFails(MSecureErrorCode.KitAccountMismatch, () => Enroll(host, vault2, Email, other.Kit.ToText(), Password));
        AssertFails(MSecureErrorCode.KitMistyped, () => Enroll(host, vault2, Email, kit[..^3] + (kit[^3] == 'A' ? "B" : "A") + kit[^2..], Password));
        AssertFails(MSecureErrorCode.KitNotAKit, () => Enroll(host, vault2, Email, "hello", Password));
        AssertFails(MSecureErrorCode.ServerCertificateMismatch,
            () => AccountEnrollment.Enroll(vault2, host.Server, new string('A', 64), Email, kit, Password, "device2", AccountServerHost.ClientOptions));
        AssertFails(MSecureErrorCode.ServerCertificateMismatch,
            () => AccountEnrollment.Enroll(vault2, host.Server, null, Email, kit, Password, "device2", AccountServerHost.ClientOptions));
        Assert.Empty(Directory.GetFileSystemEntries(folder));

        await host.StopAsync();
        AssertFails(MSecureErrorCode.ServerUnreachable, () => Enroll(host, vault2, Email, kit, Password));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Fingerprint_is_accepted_in_any_case_with_colons(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database);
        using VaultCreation device1 = CreateVault(host, "device1");
        string colons = string.Join(':', Enumerable.Range(0, 32).Select(i => host.Fingerprint.Substring(2 * i, 2))).ToLowerInvariant();
        ServerBinding binding = device1.Session.RegisterAccount(host.Server, colons, "device1");
        Assert.Equal(host.Fingerprint, binding.CertificateFingerprint);
        AssertFails(MSecureErrorCode.InvalidArgument, () => new AccountServerClient(host.Server, "12:34", null));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Revoked_device_gets_DeviceRevoked_and_unknown_device_is_DeviceNotFound(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database);
        using VaultCreation device1 = CreateRegistered(host, "device1");
        using VaultCreation device2 = Enroll(host, Path.Combine(host.VaultFolder("device2"), "v.msecure"), Email, device1.Kit.ToText(), Password);
        Assert.Equal(2, device2.Session.GetDevices().Count);

        device1.Session.RemoveDevice(device2.Session.Info.Server!.DeviceId);

        AssertFails(MSecureErrorCode.DeviceRevoked, () => device2.Session.GetDevices());
        Assert.True(device1.Session.GetDevices().Single(device => device.DeviceId == device2.Session.Info.Server!.DeviceId).IsRevoked);
        AssertFails(MSecureErrorCode.DeviceNotFound, () => device1.Session.RemoveDevice(Guid.NewGuid()));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Key_rotation_replaces_the_server_key_other_devices_get_AccountKeyRotated_and_the_new_kit_enrolls(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database);
        using VaultCreation device1 = CreateRegistered(host, "device1");
        string oldKit = device1.Kit.ToText();
        using VaultCreation device2 = Enroll(host, Path.Combine(host.VaultFolder("device2"), "v.msecure"), Email, oldKit, Password);
        Assert.Equal(2, device2.Session.GetDevices().Count);

        EmergencyKit newKit = device1.Session.RotateAccountKey(Password);

        Assert.Equal(2, device1.Session.GetDevices().Count);
        AssertFails(MSecureErrorCode.AccountKeyRotated, () => device2.Session.GetDevices());
        string folder3 = host.VaultFolder("device3");
        AssertFails(MSecureErrorCode.AccountKeyRotated, () => Enroll(host, Path.Combine(folder3, "v.msecure"), Email, oldKit, Password));
        Assert.Empty(Directory.GetFileSystemEntries(folder3));
        using VaultCreation device3 = Enroll(host, Path.Combine(folder3, "v.msecure"), Email, newKit.ToText(), Password);
        Assert.Equal(AccountKeyText(newKit, Password), AccountKeyText(device3.Kit, Password));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Failed_server_rotation_changes_nothing_locally(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database);
        using VaultCreation device1 = CreateRegistered(host, "device1");
        string before = AccountKeyText(device1.Session.GetEmergencyKit(), Password);
        await host.StopAsync();

        AssertFails(MSecureErrorCode.ServerUnreachable, () => device1.Session.RotateAccountKey(Password));

        Assert.Equal(before, AccountKeyText(device1.Session.GetEmergencyKit(), Password));
        await host.StartAsync();
        Assert.Single(device1.Session.GetDevices());
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Password_change_is_offline_and_sign_in_and_enrollment_with_the_new_kit_work_after_a_restart(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database);
        using VaultCreation device1 = CreateRegistered(host, "device1");
        string vault1 = device1.Session.Info.Path;
        await host.StopAsync();

        const string newPassword = "another long passphrase here";
        EmergencyKit newKit = device1.Session.ChangePassword(Password, newPassword, KdfParameters.Minimum);
        device1.Dispose();

        await host.StartAsync();
        using (VaultFile file = VaultFile.Open(vault1))
        using (VaultSession session = file.Unlock(newPassword))
        {
            session.AccountServerOptions = AccountServerHost.ClientOptions;
            Assert.Single(session.GetDevices());
        }

        using VaultCreation device2 = Enroll(host, Path.Combine(host.VaultFolder("device2"), "v.msecure"), Email, newKit.ToText(), newPassword);
        Assert.Equal(2, device2.Session.GetDevices().Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Registration_refusals_existing_accounts_and_disconnect_have_their_codes(string database)
    {
        await using AccountServerHost closed = await AccountServerHost.StartAsync(database, settings => settings with { Registration = RegistrationPolicy.Closed });
        await using AccountServerHost invite = await AccountServerHost.StartAsync(database, settings => settings with { Registration = RegistrationPolicy.Invite });
        using VaultCreation vault = CreateVault(closed, "device1");
        AssertFails(MSecureErrorCode.RegistrationRefused, () => vault.Session.RegisterAccount(closed.Server, closed.Fingerprint, "device1"));
        AssertFails(MSecureErrorCode.RegistrationRefused, () => vault.Session.RegisterAccount(invite.Server, invite.Fingerprint, "device1", "no-such-invite"));
        Assert.Null(vault.Session.Info.Server);
        AssertFails(MSecureErrorCode.AccountNotRegistered, () => vault.Session.GetDevices());

        await using AccountServerHost open = await AccountServerHost.StartAsync(database);
        vault.Session.RegisterAccount(open.Server, open.Fingerprint, "device1");
        using VaultCreation sameEmail = CreateVault(open, "device2");
        AssertFails(MSecureErrorCode.AccountAlreadyRegistered, () => sameEmail.Session.RegisterAccount(open.Server, open.Fingerprint, "device2"));

        vault.Session.DisconnectAccount();
        Assert.Null(vault.Session.Info.Server);
        AssertFails(MSecureErrorCode.AccountNotRegistered, () => vault.Session.GetDevices());
        AssertFails(MSecureErrorCode.AccountNotRegistered, () => vault.Session.DisconnectAccount());
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Rate_limited_requests_are_RateLimited_with_the_retry_after(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database, settings => settings with { RateLimitPerAddress = 3, RateLimitPerAccount = 3 });
        using var client = new AccountServerClient(host.Server, host.Fingerprint, AccountServerHost.ClientOptions);
        MSecureException? limited = null;
        for (int i = 0; i < 10 && limited is null; i++)
        {
            try
            {
                client.Challenge(Email);
            }
            catch (MSecureException exception)
            {
                limited = exception;
            }
        }

        Assert.NotNull(limited);
        Assert.Equal(MSecureErrorCode.RateLimited, limited.Code);
        Assert.NotNull(limited.RetryAfter);
        Assert.True(limited.RetryAfter > TimeSpan.Zero);
    }

    private static VaultCreation CreateVault(AccountServerHost host, string device)
    {
        VaultCreation creation = VaultFile.Create(Path.Combine(host.VaultFolder(device), "vault.msecure"), Email, Password, KdfParameters.Minimum);
        creation.Session.AccountServerOptions = AccountServerHost.ClientOptions;
        return creation;
    }

    private static VaultCreation CreateRegistered(AccountServerHost host, string device)
    {
        VaultCreation creation = CreateVault(host, device);
        ServerBinding binding = creation.Session.RegisterAccount(host.Server, host.Fingerprint, device);
        Assert.Equal(binding, creation.Session.Info.Server);
        return creation;
    }

    private static VaultCreation Enroll(AccountServerHost host, string path, string email, string kit, string password,
        Action<EnrollmentStage>? progress = null)
    {
        VaultCreation creation = AccountEnrollment.Enroll(path, host.Server, host.Fingerprint, email, kit, password, "device2",
            AccountServerHost.ClientOptions, progress);
        creation.Session.AccountServerOptions = AccountServerHost.ClientOptions;
        return creation;
    }

    private static string AccountKeyText(EmergencyKit kit, string password)
    {
        using AccountKey key = kit.Open(password);
        char[] text = new char[AccountKey.Length + 10];
        key.CopyTo(text);
        return new string(text).TrimEnd('\0');
    }

    private static void AssertFails(MSecureErrorCode expected, Func<object?> action) => AssertFails(expected, () => { _ = action(); });

    private static void AssertFails(MSecureErrorCode expected, Action action)
    {
        MSecureException exception = Assert.Throws<MSecureException>(action);
        Assert.Equal(expected, exception.Code);
    }
}
