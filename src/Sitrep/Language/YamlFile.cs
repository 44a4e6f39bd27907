using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Language;

/// <summary>
/// Reads the YAML data files of <c>lang/</c> and <c>data/</c>: a mistake throws
/// <see cref="LanguageDataException"/> naming the file and line, never a bare parser exception.
/// </summary>
public static class YamlFile
{
    /// <summary>The top-level mapping of the file; null when the file is empty.</summary>
    public static YamlMappingNode? ReadMappingOrNull(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            var parser = new Parser(reader);
            try
            {
                stream.Load(parser);
            }
            catch (YamlException error)
            {
                throw new LanguageDataException($"{path}:{error.Start.Line}: {error.InnerException?.Message ?? error.Message}");
            }
            catch (InvalidOperationException error)
            {
                // The scanner gives up on some malformed input without a position: report the last event read.
                throw new LanguageDataException($"{path}:{(parser.Current?.End ?? Mark.Empty).Line}: malformed YAML near here ({error.Message})");
            }
        }
        if (stream.Documents.Count == 0) return null;
        return stream.Documents[0].RootNode as YamlMappingNode
               ?? throw new LanguageDataException($"{path}:{stream.Documents[0].RootNode.Start.Line}: expected a mapping at the top");
    }

    /// <summary>The top-level mapping of the file, which must have one (<paramref name="expected"/> says what it holds).</summary>
    public static YamlMappingNode ReadMapping(string path, string expected = "a mapping") =>
        ReadMappingOrNull(path) ?? throw new LanguageDataException($"{path}:1: expected {expected}");
}
