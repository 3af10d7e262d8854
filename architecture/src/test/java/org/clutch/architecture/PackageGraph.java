package org.clutch.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The packages of one source root and which of them each imports (imports of other roots' packages are left out). */
final class PackageGraph {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** The package of an imported type: the dotted lower-case names before the first capitalised one. */
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?((?:[a-z_]\\w*\\.)*[a-z_]\\w*)\\.[A-Z]",
            Pattern.MULTILINE);

    private final Map<String, Set<String>> imports;

    private PackageGraph(Map<String, Set<String>> imports) {
        this.imports = imports;
    }

    static PackageGraph read(Path root) throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declared = PACKAGE.matcher(text);
                if (!declared.find()) {
                    continue;
                }
                Set<String> used = imports.computeIfAbsent(declared.group(1), p -> new TreeSet<>());
                Matcher imported = IMPORT.matcher(text);
                while (imported.find()) {
                    used.add(imported.group(1));
                }
            }
        }
        imports.forEach((p, used) -> {
            used.retainAll(imports.keySet());
            used.remove(p);
        });
        return new PackageGraph(imports);
    }

    /** The groups of two or more packages that reach each other through imports (Tarjan's strongly connected components). */
    List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String p : imports.keySet()) {
            if (!index.containsKey(p)) {
                connect(p, index, low, stack, cycles);
            }
        }
        return cycles;
    }

    private void connect(String p, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            List<Set<String>> cycles) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.push(p);
        for (String q : imports.get(p)) {
            if (!index.containsKey(q)) {
                connect(q, index, low, stack, cycles);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (stack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            Set<String> component = new TreeSet<>();
            String q;
            do {
                q = stack.pop();
                component.add(q);
            } while (!q.equals(p));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
