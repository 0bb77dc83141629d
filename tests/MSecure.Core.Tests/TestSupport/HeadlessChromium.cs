using System;
using System.Collections.Generic;
using System.IO;

namespace MSecure.Core.Tests.TestSupport;

/// <summary>Takes screenshots of local files with headless Chromium, offline and with a throw-away profile.</summary>
internal static class HeadlessChromium
{
    /// <summary>
    /// Renders <paramref name="filePath"/> in an 800 × 1000 window (CSS pixels; the PNG has
    /// <paramref name="deviceScaleFactor"/> device pixels per CSS pixel) and returns the path of the PNG screenshot.
    /// </summary>
    public static string Screenshot(string filePath, TempDirectory directory, int width = 800, int height = 1000, int deviceScaleFactor = 1)
    {
        string profile = directory.File("chromium-profile");
        string home = directory.File("home");
        Directory.CreateDirectory(profile);
        Directory.CreateDirectory(home);
        string screenshot = directory.File("screenshot.png");
        string url = new Uri(filePath).AbsoluteUri;

        ProcessResult result = ProcessRunner.Run(
            ExternalTools.Require(ExternalTools.Chromium),
            [
                "--headless",
                "--no-sandbox", // tests may run as root, where Chromium's sandbox refuses to start
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-crash-reporter",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--screenshot=" + screenshot,
                $"--window-size={width},{height}",
                $"--force-device-scale-factor={deviceScaleFactor}",
                url,
            ],
            environment: new Dictionary<string, string>
            {
                ["HOME"] = home,
                ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
                ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache"),
            });

        if (result.ExitCode != 0 || !File.Exists(screenshot) || new FileInfo(screenshot).Length == 0)
        {
            throw new InvalidOperationException($"Chromium made no screenshot (exit {result.ExitCode}): {result.StandardError}");
        }

        return screenshot;
    }
}
