using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sitrep.Ingest;

/// <summary>
/// Expands the command-line inputs (files, folders, "-" for standard input) into documents, in
/// input order. Nothing here throws for a bad input: each problem becomes an <see cref="InputError"/>
/// naming the file (and line), and reading goes on with the next input.
/// </summary>
public sealed class InputReader
{
    /// <summary>Extensions read inside folders (and the only ones accepted by name).</summary>
    public static readonly IReadOnlySet<string> KnownExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { ".html", ".htm", ".xhtml", ".txt", ".jsonl", ".ndjson" };

    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    private readonly long _maxBytes;
    private readonly Func<Stream> _openStandardInput;

    public InputReader(long maxBytes = DefaultMaxBytes, Func<Stream>? openStandardInput = null)
    {
        _maxBytes = maxBytes;
        _openStandardInput = openStandardInput ?? Console.OpenStandardInput;
    }

    public IEnumerable<InputItem> Read(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                foreach (var item in ReadJsonLines("stdin", _openStandardInput()))
                    yield return item;
                continue;
            }
            if (Directory.Exists(input))
            {
                foreach (var item in ReadFolder(input))
                    yield return item;
                continue;
            }
            if (!File.Exists(input))
            {
                yield return InputItem.Failed(new InputError(input, null, "no such file or folder"));
                continue;
            }
            foreach (var item in ReadFile(input, input))
                yield return item;
        }
    }

    private IEnumerable<InputItem> ReadFolder(string folder)
    {
        var root = folder.TrimEnd('/', '\\');
        if (root.Length == 0) root = folder;
        string[] files;
        try
        {
            files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
                .Where(f => KnownExtensions.Contains(Path.GetExtension(f)))
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [InputItem.Failed(new InputError(folder, null, e.Message))];
        }
        return files.SelectMany(relative => ReadFile(Path.Combine(folder, relative), root + "/" + relative));
    }

    private IEnumerable<InputItem> ReadFile(string path, string id)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".jsonl" or ".ndjson")
        {
            Stream stream;
            try
            {
                stream = File.OpenRead(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return [InputItem.Failed(new InputError(id, null, e.Message))];
            }
            return ReadJsonLines(id, stream);
        }

        var kind = extension is ".txt" ? ContentKind.ScrapedText : ContentKind.Html;
        return [ReadWholeFile(path, id, kind)];
    }

    private InputItem ReadWholeFile(string path, string id, ContentKind kind)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _maxBytes)
                return InputItem.Failed(new InputError(id, null, $"file too large ({FormatSize(length)}; the limit is {FormatSize(_maxBytes)}, see --max-size)"));
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InputItem.Failed(new InputError(id, null, e.Message));
        }

        var decoded = TextDecoder.Decode(bytes, kind == ContentKind.Html, out var error);
        if (decoded is null)
            return InputItem.Failed(new InputError(id, null, error!));
        if (kind == ContentKind.Html && !LooksLikeHtml(decoded.Text))
            kind = ContentKind.ScrapedText;

        var document = new Document(id, kind, decoded.Text) { RawHash = Sha256(bytes) };
        if (decoded.Warning is not null) document.Warn(decoded.Warning);
        return InputItem.Of(document);
    }

    private IEnumerable<InputItem> ReadJsonLines(string name, Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var lineNumber = 0;
        while (true)
        {
            string? line;
            string? readError = null;
            try
            {
                line = reader.ReadLine();
            }
            catch (IOException e)
            {
                line = null;
                readError = e.Message;
            }
            if (readError is not null) yield return InputItem.Failed(new InputError(name, lineNumber + 1, readError));
            if (line is null) yield break;
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ParseRecord(name, lineNumber, line);
        }
    }

    private InputItem ParseRecord(string name, int lineNumber, string line)
    {
        if (line.Length * 2L > _maxBytes)
            return InputItem.Failed(new InputError(name, lineNumber, $"record too large ({FormatSize(line.Length * 2L)}; the limit is {FormatSize(_maxBytes)}, see --max-size)"));
        if (line.Contains('\uFFFD'))
            return InputItem.Failed(new InputError(name, lineNumber, "invalid UTF-8 in the record"));

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return InputItem.Failed(new InputError(name, lineNumber, $"malformed JSON ({FirstSentence(e.Message)})"));
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return InputItem.Failed(new InputError(name, lineNumber, "a record must be a JSON object"));
            var root = json.RootElement;

            ContentKind kind;
            string? raw;
            if ((raw = GetString(root, "html")) is not null) kind = ContentKind.Html;
            else if ((raw = GetString(root, "text")) is not null) kind = ContentKind.ScrapedText;
            else if ((raw = GetString(root, "body")) is not null) kind = ContentKind.Body;
            else return InputItem.Failed(new InputError(name, lineNumber, "record has no \"html\", \"text\" or \"body\" field"));

            if (string.IsNullOrWhiteSpace(raw))
                return InputItem.Failed(new InputError(name, lineNumber, "record content is empty"));

            var id = GetString(root, "id") ?? (root.TryGetProperty("id", out var idNumber) && idNumber.ValueKind == JsonValueKind.Number ? idNumber.GetRawText() : null);
            var document = new Document(id ?? $"{name}#{lineNumber}", kind, raw)
            {
                RawHash = Sha256(Encoding.UTF8.GetBytes(raw)),
                Url = NullIfBlank(GetString(root, "url")),
                Title = NullIfBlank(GetString(root, "title")),
                Source = NullIfBlank(GetString(root, "source")),
                GivenLanguage = NullIfBlank(GetString(root, "language"))?.ToLowerInvariant(),
            };
            if (NullIfBlank(GetString(root, "published")) is { } published)
            {
                if (PublicationDate.Normalise(published) is { } normalised) document.Published = normalised;
                else document.Warn($"unreadable published date \"{published}\" ignored");
            }
            return InputItem.Of(document);
        }
    }

    private static string? GetString(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }

    /// <summary>An .html file that holds no tag at all is treated as scraped text.</summary>
    private static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 65536));
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase)
               || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
               || head.Contains("<p", StringComparison.OrdinalIgnoreCase)
               || head.Contains("<div", StringComparison.OrdinalIgnoreCase)
               || head.Contains("<!doctype", StringComparison.OrdinalIgnoreCase)
               || head.Contains("<article", StringComparison.OrdinalIgnoreCase)
               || head.Contains("<head", StringComparison.OrdinalIgnoreCase);
    }

    private static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string FormatSize(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MiB" : $"{bytes / 1024.0:0.#} KiB";
}
