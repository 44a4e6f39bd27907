using System.Text.RegularExpressions;

namespace Sitrep.Language;

/// <summary>
/// Runs a compiled pattern once at load so its code is JIT-compiled there, not under a document's match
/// time limit; on a loaded machine the JIT alone can outlast that limit, so a timeout gets one more try,
/// the code being compiled by then.
/// </summary>
public static class RegexWarmUp
{
    // Digits, letters, punctuation and clock shapes: enough to enter every pattern's scanning code.
    private const string Sample = "12 3 a b c d e f g h i j k l m n o p q r s t u v w x y z ( @ ' \" Q 1/2 9:30 4h";

    /// <summary>False when the machine is too busy to run the pattern within its time limit, twice.</summary>
    public static bool TryRun(Regex regex)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                regex.IsMatch(Sample);
                return true;
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }
        return false;
    }
}
