using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sitrep.Bench;

/// <summary>
/// CPU time of the calling thread, in nanoseconds. The bench machine is shared: wall time counts
/// the time other processes hold the core, thread CPU time does not.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static readonly bool Available = Probe();

    /// <summary>Whether the clock is the thread's own (Linux) or the whole process's (elsewhere).</summary>
    public static string Kind => Available ? "thread CPU time" : "process CPU time";

    public static long Now()
    {
        if (Available && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
            return time.Seconds * 1_000_000_000 + time.Nanoseconds;
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.Ticks * 100;
    }

    private static bool Probe()
    {
        try { return OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out _) == 0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }
}
