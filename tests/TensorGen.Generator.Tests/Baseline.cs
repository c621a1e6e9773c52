using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace TensorGen.Generator.Tests;

/// <summary>
/// Compares generated text with a stored baseline under <c>Baselines/</c>. Set
/// <c>TENSORGEN_UPDATE_BASELINES=1</c> to rewrite the baselines in the source tree from the current output.
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "TENSORGEN_UPDATE_BASELINES";

    public static void AssertMatches(string fileName, string actual, [CallerFilePath] string callerPath = "")
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            string sourcePath = Path.Combine(Path.GetDirectoryName(callerPath)!, "Baselines", fileName);
            File.WriteAllText(sourcePath, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }

        string path = Path.Combine(AppContext.BaseDirectory, "Baselines", fileName);
        if (!File.Exists(path))
        {
            throw new XunitException($"No baseline {fileName}. Run the tests with {UpdateVariable}=1 to create it, then review it.\nGenerated:\n{actual}");
        }

        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            throw new XunitException(
                $"Generated source differs from Baselines/{fileName} ('-' baseline, '+' generated). "
                + $"If the change is intended, run the tests with {UpdateVariable}=1 and review the diff.\n"
                + Diff(expected, actual));
        }
    }

    /// <summary>A line diff (longest common subsequence), with two lines of context around each change.</summary>
    internal static string Diff(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', b[y++]));
            }
            else
            {
                lines.Add(('-', a[x++]));
            }
        }

        var text = new StringBuilder();
        int lastShown = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            bool nearChange = false;
            for (int k = Math.Max(0, i - 2); k <= Math.Min(lines.Count - 1, i + 2); k++)
            {
                nearChange |= lines[k].Kind != ' ';
            }

            if (nearChange)
            {
                if (lastShown >= 0 && lastShown != i - 1)
                {
                    text.Append("  ...\n");
                }

                text.Append(lines[i].Kind).Append(' ').Append(lines[i].Text).Append('\n');
                lastShown = i;
            }
        }

        return text.ToString();
    }
}
