using System;

namespace MSecure.Cli.Infrastructure;

/// <summary>Reads a secret typed on the terminal without echoing it.</summary>
internal static class TerminalPrompt
{
    private const int MaximumLength = 4096;

    internal static SecretText ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        char[] typed = GC.AllocateUninitializedArray<char>(MaximumLength, pinned: true);
        int length = 0;
        try
        {
            while (true)
            {
                ConsoleKeyInfo key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    length = Math.Max(0, length - 1);
                }
                else if (key.KeyChar != '\0' && length < typed.Length)
                {
                    typed[length++] = key.KeyChar;
                }
            }

            Console.Error.WriteLine();
            return SecretText.Copy(typed.AsSpan(0, length));
        }
        finally
        {
            Array.Clear(typed);
        }
    }
}
