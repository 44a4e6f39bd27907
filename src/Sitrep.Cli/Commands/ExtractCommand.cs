using System.CommandLine;
using Sitrep.Export;
using Sitrep.Fusion;
using Sitrep.Ingest;
using Sitrep.Language;
using Sitrep.Pipeline;
using Sitrep.Time;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep extract</c>: one JSONL record per document on standard output; no database.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = CommonOptions.Inputs();
        var format = new Option<string>("--format", "-f")
        {
            Description = "jsonl: one record per line (docs/output-schema.md); text: title and main text for reading.",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "text");
        var timeBias = CommonOptions.TimeBias();
        var threads = CommonOptions.Threads();
        var maxSize = CommonOptions.MaxSize();
        var command = new Command("extract", "Extract main text and metadata from pages and print one record per document, in input order.")
        {
            inputs, format, timeBias, threads, maxSize,
        };
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(format)!, CommonOptions.Bias(parse.GetValue(timeBias)), parse.GetValue(threads), parse.GetValue(maxSize)));
        return command;
    }

    private static int Run(string[] inputs, string format, TimeBias bias, int threads, int maxSizeMiB)
    {
        var reporter = new Reporter();
        DocumentPipeline pipeline;
        try
        {
            pipeline = DocumentPipeline.CreateDefault(LanguageResources.Default, bias);
        }
        catch (LanguageDataException e)
        {
            Reporter.Fail(e.Message);
            return 2;
        }
        var reader = new InputReader(maxSizeMiB * 1024L * 1024L);
        var processor = new DocumentProcessor(pipeline, threads);
        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        using var text = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        foreach (var item in processor.Process(reader.Read(inputs), new DuplicateIndex()))
        {
            if (item.Error is { } error)
            {
                reporter.Error(error);
                continue;
            }
            var document = item.Document!;
            if (format == "jsonl")
            {
                DocumentRecord.Write(document, stdout);
                stdout.WriteByte((byte)'\n');
            }
            else
            {
                text.WriteLine($"# {document.Title ?? document.Id}");
                text.WriteLine($"[{document.Id} · {document.Language} · {document.Published ?? "no date"}{(document.DuplicateOf is { } d ? " · duplicate of " + d : "")}]");
                text.WriteLine();
                text.WriteLine(document.Text);
                text.WriteLine();
                text.Flush();
            }
        }
        return reporter.ExitCode;
    }
}
