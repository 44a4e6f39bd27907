using System.Diagnostics;

namespace Sitrep.Bench;

/// <summary>Items per second on one thread, robust to a noisy machine.</summary>
internal static class Throughput
{
    /// <summary>The median rate of five runs of at least <paramref name="minSeconds"/> each, after one warm-up pass.</summary>
    public static double Median(Action pass, int itemsPerPass, double minSeconds = 0.5)
    {
        pass();
        var rates = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            var passes = 0;
            do { pass(); passes++; } while (watch.Elapsed.TotalSeconds < minSeconds);
            rates.Add(passes * itemsPerPass / watch.Elapsed.TotalSeconds);
        }
        rates.Sort();
        return rates[2];
    }
}
