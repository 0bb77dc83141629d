using System;
using System.Globalization;
using System.Management.Automation;
using MSecure.Core.Sync;

namespace MSecure.PowerShell.Sync;

/// <summary>
/// Shows a sync's progress (<see cref="SyncProgress"/>) as a progress bar with counts. Only the
/// cmdlet's own thread may write progress; a report from another thread is dropped rather than
/// failing the sync.
/// </summary>
internal sealed class SyncProgressWriter
{
    private readonly Cmdlet _cmdlet;
    private readonly int _activityId;
    private readonly string _activity;
    private readonly int _threadId = Environment.CurrentManagedThreadId;

    internal SyncProgressWriter(Cmdlet cmdlet, int activityId, string activity)
    {
        _cmdlet = cmdlet;
        _activityId = activityId;
        _activity = activity;
    }

    /// <summary>Shows one report.</summary>
    internal void Report(SyncProgress progress)
    {
        if (Environment.CurrentManagedThreadId == _threadId)
        {
            (string status, int? percent) = Describe(progress);
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status) { PercentComplete = percent ?? -1 });
        }
    }

    /// <summary>Removes the progress bar.</summary>
    internal void Complete()
    {
        if (Environment.CurrentManagedThreadId == _threadId)
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    /// <summary>The status line of one report (the stage and the counts), and a percentage when the stage's total is known.</summary>
    internal static (string Status, int? Percent) Describe(SyncProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        string stage = progress.Stage switch
        {
            SyncStage.Connecting => "Connecting",
            SyncStage.Pulling => "Pulling other devices' changes",
            SyncStage.Pushing => "Pushing this device's changes",
            _ => "Compacting the folder's batches",
        };
        string status = string.Format(CultureInfo.InvariantCulture, "{0}: pulled {1}, pushed {2}", stage, progress.Pulled, progress.Pushed);
        if (progress.Total is not > 0 || progress.Stage is not (SyncStage.Pulling or SyncStage.Pushing))
        {
            return (status, null);
        }

        long total = progress.Total.Value;
        long done = Math.Min(progress.Stage == SyncStage.Pushing ? progress.Pushed : progress.Pulled, total);
        return (string.Format(CultureInfo.InvariantCulture, "{0} ({1} of {2})", status, done, total), (int)(done * 100 / total));
    }
}
