using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using TensorGen.Model;
using Xunit;

namespace TensorGen.Generator.Tests;

/// <summary>
/// The pipeline caches on equality, so its values must be plain: a symbol, a syntax node or a location in
/// the model would hold a whole compilation alive and defeat caching (System.Text.Json's generator has the
/// same test).
/// </summary>
public class ModelTests
{
    private static readonly Type[] s_forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel),
    };

    [Fact]
    public void Model_types_hold_no_symbols_syntax_or_locations()
    {
        Assembly generator = typeof(EinsumGenerator).Assembly;
        var roots = generator.GetTypes().Where(t => t.Namespace == "TensorGen.Model").ToList();
        Assert.Contains(typeof(EinsumMethodModel), roots);

        var problems = new List<string>();
        var visited = new HashSet<Type>();
        foreach (Type root in roots)
        {
            Walk(root, root.Name, generator, visited, problems);
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Model_Emit_and_Validation_sources_do_not_use_Roslyn()
    {
        string generatorDirectory = Path.GetFullPath(Path.Combine(TestDirectory(), "..", "..", "src", "Generator"));
        // Every family's Model/Emit/Validation folders, and the plain-C# core that Runtime and Cli link (Core/).
        var folders = Directory.GetDirectories(generatorDirectory, "*", SearchOption.AllDirectories)
            .Where(d => Path.GetFileName(d) is "Model" or "Emit" or "Validation" or "Core" && !d.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .ToList();
        Assert.Contains(folders, d => Path.GetFileName(d) == "Core");
        Assert.True(folders.Count >= 9, string.Join(", ", folders));
        var offenders = folders
            .SelectMany(folder => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => File.ReadAllText(file).Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(offenders);
    }

    private static string TestDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static void Walk(Type type, string path, Assembly generator, HashSet<Type> visited, List<string> problems)
    {
        if (!visited.Add(type))
        {
            return;
        }

        if (s_forbidden.Any(f => f.IsAssignableFrom(type)) || type.Assembly.GetName().Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
        {
            problems.Add($"{path} is {type.FullName}");
            return;
        }

        if (type.IsArray)
        {
            Walk(type.GetElementType()!, path + "[]", generator, visited, problems);
        }

        foreach (Type argument in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes)
        {
            Walk(argument, $"{path}<{argument.Name}>", generator, visited, problems);
        }

        if (type.Assembly == generator)
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Walk(field.FieldType, path + "." + field.Name, generator, visited, problems);
            }

            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Walk(property.PropertyType, path + "." + property.Name, generator, visited, problems);
            }
        }
    }
}
