using System;
using System.Collections.Generic;

namespace MSecure.Core.Sync;

/// <summary>
/// Folder sync's deterministic order of a record's changes (docs/ARCHITECTURE.md section 17.2):
/// Kahn's topological sort over parent links, always emitting, among the changes whose parent is
/// already emitted (or that have none), the smallest by (tombstone first, modification time,
/// author id, change id). The same set gives the same chain on every device whatever order it
/// arrived in, so no rebase is needed; a tombstone sorts before a concurrent edit, so the edit
/// stays current. A change whose parent is not in the set waits (is not emitted), as do its descendants.
/// </summary>
internal static class ChangeLinearisation
{
    /// <summary>One change as the order sees it.</summary>
    /// <param name="Change">Its id.</param>
    /// <param name="Parent">Its parent's id; null for a record's first revision.</param>
    /// <param name="Deleted">A tombstone.</param>
    /// <param name="Modified">Modification time, Unix milliseconds.</param>
    /// <param name="Author">The writing device's vault id.</param>
    internal readonly record struct Node(Guid Change, Guid? Parent, bool Deleted, long Modified, Guid Author);

    /// <summary>The indexes of <paramref name="nodes"/> in chain order, and those that wait for a missing parent. Duplicate change ids count once.</summary>
    internal static (List<int> Order, List<int> Waiting) Order(IReadOnlyList<Node> nodes)
    {
        var byChange = new Dictionary<Guid, int>();
        var children = new Dictionary<Guid, List<int>>();
        var ready = new List<int>();
        for (int i = 0; i < nodes.Count; i++)
        {
            if (!byChange.TryAdd(nodes[i].Change, i))
            {
                continue;
            }

            if (nodes[i].Parent is { } parent)
            {
                (children.TryGetValue(parent, out List<int>? list) ? list : children[parent] = []).Add(i);
            }
            else
            {
                ready.Add(i);
            }
        }

        var order = new List<int>(byChange.Count);
        while (ready.Count > 0)
        {
            int next = 0;
            for (int i = 1; i < ready.Count; i++)
            {
                if (Compare(nodes[ready[i]], nodes[ready[next]]) < 0)
                {
                    next = i;
                }
            }

            int emitted = ready[next];
            ready.RemoveAt(next);
            order.Add(emitted);
            if (children.TryGetValue(nodes[emitted].Change, out List<int>? emittedChildren))
            {
                ready.AddRange(emittedChildren);
            }
        }

        var placed = new HashSet<int>(order);
        var waiting = new List<int>();
        foreach (int index in byChange.Values)
        {
            if (!placed.Contains(index))
            {
                waiting.Add(index);
            }
        }

        return (order, waiting);
    }

    /// <summary>Tombstone first, then earlier modification, then smaller author id, then smaller change id (big-endian bytes).</summary>
    internal static int Compare(Node left, Node right)
    {
        if (left.Deleted != right.Deleted)
        {
            return left.Deleted ? -1 : 1;
        }

        if (left.Modified != right.Modified)
        {
            return left.Modified.CompareTo(right.Modified);
        }

        int byAuthor = IdOrder.Compare(left.Author, right.Author);
        return byAuthor != 0 ? byAuthor : IdOrder.Compare(left.Change, right.Change);
    }
}
