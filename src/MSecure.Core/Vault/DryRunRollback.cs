using System;

namespace MSecure.Core.Vault;

/// <summary>
/// Thrown at the end of a dry run's work (an import's or a restore's -WhatIf) to roll its write
/// transaction back; caught by the same operation, so it never reaches a caller.
/// </summary>
internal sealed class DryRunRollback : Exception
{
}
