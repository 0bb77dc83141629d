using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using MSecure.Core.Transfer;

namespace MSecure.PowerShell.Imports;

/// <summary>Shows an import's progress as a progress bar: the share of the file read and the entries so far, at most a few times a second.</summary>
internal sealed class ImportProgressWriter
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly Cmdlet _cmdlet;
    private readonly int _activityId;
    private readonly string _activity;
    private readonly int _threadId = Environment.CurrentManagedThreadId;
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private bool _shown;

    internal ImportProgressWriter(Cmdlet cmdlet, int activityId, string activity)
    {
        _cmdlet = cmdlet;
        _activityId = activityId;
        _activity = activity;
    }

    /// <summary>Shows one report (skipped when the last one is recent, or when called from another thread).</summary>
    internal void Report(ImportProgress progress)
    {
        if (Environment.CurrentManagedThreadId != _threadId || (_shown && _sinceLast.Elapsed < Interval))
        {
            return;
        }

        string status = string.Format(CultureInfo.InvariantCulture, "{0} entries", progress.Entries);
        _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status) { PercentComplete = progress.Percent ?? -1 });
        _shown = true;
        _sinceLast.Restart();
    }

    /// <summary>Removes the progress bar.</summary>
    internal void Complete()
    {
        if (_shown && Environment.CurrentManagedThreadId == _threadId)
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
