using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Sync;
using Xunit;

using Node = MSecure.Core.Sync.ChangeLinearisation.Node;

namespace MSecure.Core.Tests.Sync;

public sealed class ChangeLinearisationTests
{
    private static readonly Guid AuthorA = Guid.Parse("0a000000-0000-0000-0000-000000000000");
    private static readonly Guid AuthorB = Guid.Parse("0b000000-0000-0000-0000-000000000000");

    [Fact]
    public void The_same_set_in_any_order_gives_the_same_chain()
    {
        var random = new Random(8);
        for (int run = 0; run < 200; run++)
        {
            List<Node> set = RandomTree(random, random.Next(1, 25));
            List<Guid> expected = Chain(set);
            Assert.Equal(set.Count, expected.Count);
            for (int shuffle = 0; shuffle < 5; shuffle++)
            {
                List<Node> shuffled = set.OrderBy(_ => random.Next()).ToList();
                Assert.Equal(expected, Chain(shuffled));
            }
        }
    }

    [Fact]
    public void Every_change_comes_after_its_parent()
    {
        var random = new Random(17);
        for (int run = 0; run < 200; run++)
        {
            List<Node> set = RandomTree(random, random.Next(1, 25));
            List<Guid> chain = Chain(set);
            foreach (Node node in set.Where(node => node.Parent is not null))
            {
                Assert.True(chain.IndexOf(node.Parent!.Value) < chain.IndexOf(node.Change));
            }
        }
    }

    [Fact]
    public void A_removal_concurrent_with_an_edit_goes_first_so_the_edit_stays_current_even_when_the_removal_is_newer()
    {
        Node root = new(Guid.NewGuid(), null, false, 1, AuthorA);
        Node edit = new(Guid.NewGuid(), root.Change, false, 5, AuthorA);
        Node removal = new(Guid.NewGuid(), root.Change, true, 9, AuthorB);

        Assert.Equal([root.Change, removal.Change, edit.Change], Chain([edit, removal, root]));
        Assert.Equal([root.Change, removal.Change, edit.Change], Chain([root, removal, edit]));
    }

    [Fact]
    public void Concurrent_edits_go_older_first_then_by_author_then_by_change_id()
    {
        Node root = new(Guid.NewGuid(), null, false, 1, AuthorA);
        Node older = new(Guid.NewGuid(), root.Change, false, 5, AuthorB);
        Node newer = new(Guid.NewGuid(), root.Change, false, 6, AuthorA);
        Assert.Equal([root.Change, older.Change, newer.Change], Chain([newer, older, root]));

        Node byA = new(Guid.Parse("ff000000-0000-0000-0000-000000000000"), root.Change, false, 5, AuthorA);
        Node byB = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), root.Change, false, 5, AuthorB);
        Assert.Equal([root.Change, byA.Change, byB.Change], Chain([byB, byA, root]));

        Node low = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), root.Change, false, 5, AuthorA);
        Node high = new(Guid.Parse("00000000-0000-0000-0000-000000000002"), root.Change, false, 5, AuthorA);
        Assert.Equal([root.Change, low.Change, high.Change], Chain([high, low, root]));
    }

    [Fact]
    public void A_change_whose_parent_is_unknown_waits_with_its_descendants()
    {
        Node root = new(Guid.NewGuid(), null, false, 1, AuthorA);
        Node orphan = new(Guid.NewGuid(), Guid.NewGuid(), false, 2, AuthorA);
        Node child = new(Guid.NewGuid(), orphan.Change, false, 3, AuthorA);

        (List<int> order, List<int> waiting) = ChangeLinearisation.Order([root, orphan, child]);

        Assert.Equal([0], order);
        Assert.Equal([1, 2], waiting.Order());
    }

    [Fact]
    public void A_change_listed_twice_counts_once()
    {
        Node root = new(Guid.NewGuid(), null, false, 1, AuthorA);
        Node edit = new(Guid.NewGuid(), root.Change, false, 2, AuthorA);

        Assert.Equal([root.Change, edit.Change], Chain([edit, root, edit, root]));
    }

    private static List<Guid> Chain(List<Node> nodes) => ChangeLinearisation.Order(nodes).Order.Select(index => nodes[index].Change).ToList();

    private static List<Node> RandomTree(Random random, int count)
    {
        var nodes = new List<Node> { new(NewId(random), null, false, random.Next(0, 4), random.Next(2) == 0 ? AuthorA : AuthorB) };
        for (int i = 1; i < count; i++)
        {
            Node parent = nodes[random.Next(nodes.Count)];
            nodes.Add(new Node(NewId(random), parent.Change, random.Next(4) == 0, random.Next(0, 4), random.Next(2) == 0 ? AuthorA : AuthorB));
        }

        return nodes;
    }

    private static Guid NewId(Random random)
    {
        byte[] bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
