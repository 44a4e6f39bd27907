using System.Diagnostics;
using System.Text.Json;
using FluentAssertions;
using Sitrep.Language;
using Xunit;
using Xunit.Abstractions;

namespace Sitrep.Tests.Language;

public sealed class LanguageIdentifierTests(ITestOutputHelper output)
{
    private static readonly Lazy<LanguageIdentifier> Shared = new(() => LanguageIdentifier.Load(LangRoot));

    private static string LangRoot => Path.Combine(AppContext.BaseDirectory, "lang");

    private static LanguageIdentifier Identifier => Shared.Value;

    public sealed record LangIdCase(string Text, string Language, string? Hint = null, string? Note = null, bool? Confident = null)
    {
        public override string ToString() => $"{Language}: {(Note is null ? "" : Note + ": ")}{(Text.Length > 40 ? Text[..40] + "…" : Text)}";
    }

    public static IEnumerable<LangIdCase> LoadCases(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "langid", file);
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return JsonSerializer.Deserialize<List<LangIdCase>>(File.ReadAllText(path), options)
            ?? throw new InvalidDataException($"{path}: no cases");
    }

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        var folder = Path.Combine(AppContext.BaseDirectory, "Specs", "langid");
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            var count = LoadCases(file).Count();
            for (var i = 0; i < count; i++) data.Add(file, i);
        }
        return data;
    }

    /// <summary>
    /// Reading a document and its paragraphs in one pass (the language stage does) must give what
    /// reading each alone gives, on one-language documents (the one-pass path) and mixed ones (the fallback).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void One_pass_over_paragraphs_agrees_with_reading_each(string file, int index)
    {
        var cases = LoadCases(file).ToList();
        var language = cases[index].Language;
        foreach (var chosen in new[] { cases.Where(c => c.Language == language).ToList(), cases })
        {
            var text = string.Join("\n\n", chosen.Select(c => c.Text.Trim()).Where(t => t.Length > 0));
            var parts = new List<TextSpan>();
            for (var start = 0; start < text.Length;)
            {
                var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
                if (end < 0) end = text.Length;
                if (end > start) parts.Add(new TextSpan(start, end));
                start = end + 2;
            }
            var guesses = new LanguageGuess[parts.Count];
            var whole = Identifier.IdentifyWithParts(text, cases[index].Hint, parts, guess => guess.Language, guesses);

            whole.Should().Be(Identifier.Identify(text, cases[index].Hint));
            for (var p = 0; p < parts.Count; p++)
                guesses[p].Should().Be(Identifier.Identify(text.AsSpan(parts[p].Start, parts[p].Length), whole.Language), because: text[parts[p].Start..parts[p].End]);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Identifies_case(string file, int index)
    {
        var @case = LoadCases(file).ElementAt(index);
        var guess = Identifier.Identify(@case.Text, @case.Hint);
        guess.Language.Should().Be(@case.Language, because: @case.ToString());
        if (@case.Confident is { } confident) guess.IsConfident.Should().Be(confident, because: @case.ToString());
    }

    [Fact]
    public void Short_news_texts_are_confident()
    {
        foreach (var @case in LoadCases("short.json"))
            Identifier.Identify(@case.Text).IsConfident.Should().BeTrue(because: @case.ToString());
    }

    [Fact]
    public void Knows_the_nine_languages()
    {
        Identifier.Languages.Should().Contain(["fr", "en", "de", "es", "it", "pt", "nl", "ru", "ar"]);
    }

    [Theory]
    [InlineData("Le gouvernement démissionne")]
    [InlineData("Government resigns today")]
    [InlineData("Regierung tritt zurück")]
    public void Three_words_are_not_confident(string text)
    {
        Identifier.Identify(text).IsConfident.Should().BeFalse();
    }

    [Fact]
    public void Empty_and_numbers_are_undetermined()
    {
        Identifier.Identify("").Should().Be(new LanguageGuess("und", 0, false));
        Identifier.Identify("2024 - 15:30 - 1 000 000").Language.Should().Be("und");
    }

    [Fact]
    public void Hint_breaks_near_ties_only()
    {
        Identifier.Identify("Paris", "fr").Language.Should().Be("fr");
        var english = "The minister resigned on Monday after the report was published by the committee.";
        Identifier.Identify(english, "fr").Language.Should().Be("en");
        Identifier.Identify(english, "fr-FR").Language.Should().Be("en");
    }

    [Fact]
    public void Whole_articles_are_identified_confidently()
    {
        foreach (var language in new[] { "fr", "en", "de", "es", "it", "pt", "nl", "ru", "ar" })
        {
            var article = string.Join("\n\n", LoadCases("short.json").Where(c => c.Language == language).Select(c => c.Text));
            var guess = Identifier.Identify(article, hint: "en");
            guess.Language.Should().Be(language);
            guess.IsConfident.Should().BeTrue();
            guess.Confidence.Should().BeGreaterThan(0.9);
        }
    }

    [Fact]
    public void Is_deterministic()
    {
        var text = LoadCases("hard.json").First().Text;
        var first = Identifier.Identify(text);
        for (var i = 0; i < 10; i++) Identifier.Identify(text).Should().Be(first);
        LanguageIdentifier.Load(LangRoot).Identify(text).Should().Be(first);
    }

    [Fact]
    public void Bad_data_names_file_and_line()
    {
        var root = Directory.CreateTempSubdirectory("langid-");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "xx"));
            var file = Path.Combine(folder.FullName, "langid.tsv");
            File.WriteAllText(file, "# test\nscript\tLatin\nword\tle\tlots\n");
            var act = () => LanguageIdentifier.Load(root.FullName);
            act.Should().Throw<LanguageDataException>().WithMessage($"{file}:3:*weight*");

            File.WriteAllText(file, "script\tKlingon\n");
            act.Should().Throw<LanguageDataException>().WithMessage($"{file}:1:*script*");

            File.WriteAllText(file, "script\tLatin\nword\tle\n");
            File.WriteAllText(Path.Combine(folder.FullName, "langid-ngrams.tsv"), "unseen:1\t-9\nabcd\t-3\n");
            act.Should().Throw<LanguageDataException>().WithMessage("*langid-ngrams.tsv:2:*n-gram*");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>Accuracy and speed figures for the record; not a timed assertion.</summary>
    [Fact]
    public void Reports_accuracy_and_speed()
    {
        var cases = Cases().Select(row => (string)row[0]).Distinct().SelectMany(LoadCases).ToList();
        var correct = cases.Count(c => Identifier.Identify(c.Text, c.Hint).Language == c.Language);
        var confident = LoadCases("short.json").Count(c => Identifier.Identify(c.Text).IsConfident);
        output.WriteLine($"accuracy: {correct}/{cases.Count} cases; confident on {confident}/{LoadCases("short.json").Count()} short texts");

        var paragraphs = cases.Select(c => c.Text).Where(t => t.Length > 0).ToArray();
        for (var i = 0; i < 2000; i++) Identifier.Identify(paragraphs[i % paragraphs.Length]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var calls = 0;
        var chars = 0L;
        while (watch.ElapsedMilliseconds < 1000)
        {
            for (var i = 0; i < paragraphs.Length; i++)
            {
                Identifier.Identify(paragraphs[i]);
                chars += paragraphs[i].Length;
            }
            calls += paragraphs.Length;
        }
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"speed: {calls / watch.Elapsed.TotalSeconds:N0} paragraphs/s on one thread (average {chars / calls} chars), {allocated / (double)calls:N1} bytes allocated per call");
        correct.Should().BeGreaterThan(0);
    }
}
