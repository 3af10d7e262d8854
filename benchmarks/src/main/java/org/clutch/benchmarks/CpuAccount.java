package org.clutch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time spent by each process of the run (the benchmark's own JVM, which plays the shop desktop, Payara, the
 * broker, PostgreSQL, the launcher), from {@code /proc} at two instants. A JVM's JIT compiler threads are counted
 * apart, since the first time a path runs at volume they can cost as much as the path itself. On two shared cores
 * CPU time per event is a steadier figure than a rate, which moves with whatever else the machine does.
 */
final class CpuAccount {

    /** Linux counts CPU time in clock ticks; 100 per second on every kernel this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> ticks;
    private final long takenAt;

    private CpuAccount(Map<String, Long> ticks, long takenAt) {
        this.ticks = ticks;
        this.takenAt = takenAt;
    }

    /** The CPU time so far of {@code processes} and of every process below them. */
    static CpuAccount take(List<ProcessHandle> processes) {
        Map<String, Long> ticks = new TreeMap<>();
        processes.stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants())).distinct().forEach(process -> {
            String name = nameOf(process);
            long jit = compilerTicks(process.pid());
            ticks.merge(name, processTicks(process.pid()) - jit, Long::sum);
            ticks.merge(name + " JIT", jit, Long::sum);
        });
        return new CpuAccount(ticks, System.nanoTime());
    }

    /**
     * What was spent between {@code earlier} and this one, per {@code events}: "desktop 152 (JIT 61), Payara 97 ...",
     * in milliseconds of CPU per 1,000 events, and how busy the machine's cores were meanwhile.
     */
    String perThousand(CpuAccount earlier, long events) {
        Map<String, Long> spent = new LinkedHashMap<>();
        ticks.forEach((name, value) -> spent.put(name, value - earlier.ticks.getOrDefault(name, 0L)));
        double scale = 1000.0 / TICKS_PER_SECOND * 1000.0 / events; // ms of CPU per 1,000 events
        long total = spent.values().stream().mapToLong(Long::longValue).sum();
        double seconds = (takenAt - earlier.takenAt) / 1e9;
        String byProcess = spent.entrySet().stream().filter(e -> !e.getKey().endsWith(" JIT"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> {
                    long jit = spent.getOrDefault(e.getKey() + " JIT", 0L);
                    long all = e.getValue() + jit;
                    return String.format("%s %.0f", e.getKey(), all * scale) + (jit > 0 ? String.format(" (JIT %.0f)", jit * scale) : "");
                })
                .collect(Collectors.joining(", "));
        return String.format("%s; all %.0f ms per 1,000 events, the %d cores %.0f %% busy", byProcess, total * scale,
                Runtime.getRuntime().availableProcessors(),
                100.0 * total / TICKS_PER_SECOND / seconds / Runtime.getRuntime().availableProcessors());
    }

    private static String nameOf(ProcessHandle process) {
        if (process.pid() == ProcessHandle.current().pid()) {
            return "desktop";
        }
        String command = commandLine(process.pid());
        if (command.contains("payara-micro")) {
            return "Payara";
        }
        if (command.contains("StandaloneBroker")) {
            return "broker";
        }
        if (command.contains("postgres")) {
            return "PostgreSQL";
        }
        return command.contains("launcher.Backend") ? "launcher" : "other";
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    /** User and system ticks of a process so far, its ended threads included. */
    private static long processTicks(long pid) {
        try {
            return ticksOf(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException processGone) {
            return 0; // a process that ended meanwhile (a PostgreSQL backend of a closed connection)
        }
    }

    /** User and system ticks so far of a JVM's JIT compiler threads (none in a process that is not a JVM). */
    private static long compilerTicks(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.mapToLong(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).contains("CompilerThre") ? ticksOf(stat) : 0;
                } catch (IOException | RuntimeException threadGone) {
                    return 0;
                }
            }).sum();
        } catch (IOException processGone) {
            return 0;
        }
    }

    /** utime + stime of a /proc stat line (fields 14 and 15 in proc(5), counted after the parenthesised name). */
    private static long ticksOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
