using System.Collections.Generic;

namespace MSecure.Core.Reports;

/// <summary>A security report: one finding per covered record, and the counts.</summary>
/// <param name="Findings">One per covered record, in the vault's order.</param>
/// <param name="Summary">The counts.</param>
public sealed record SecurityReport(IReadOnlyList<RecordSecurityFinding> Findings, SecurityReportSummary Summary);
