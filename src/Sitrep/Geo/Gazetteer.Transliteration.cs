using Sitrep.Geo.Transliteration;

namespace Sitrep.Geo;

public sealed partial class Gazetteer
{
    // Set by Load; the rules and the index are read on the first name that needs them, so loading costs nothing more.
    private string? _transliterationPath;
    private SkeletonIndex? _skeletons;
    private readonly object _skeletonsLock = new();

    /// <summary>The transliteration skeleton index: every name of every place by its skeleton; built once, on first use.</summary>
    public SkeletonIndex Skeletons
    {
        get
        {
            if (Volatile.Read(ref _skeletons) is { } built) return built;
            lock (_skeletonsLock)
            {
                if (_skeletons is null)
                {
                    var rules = _transliterationPath is { } path && File.Exists(path) ? TransliterationSkeleton.Load(path) : null;
                    Volatile.Write(ref _skeletons, new SkeletonIndex(rules, Keys, _postings.Select(p => (p.Place, p.Language, p.Name))));
                }
                return _skeletons;
            }
        }
    }
}
