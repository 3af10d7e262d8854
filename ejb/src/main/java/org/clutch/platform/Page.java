package org.clutch.platform;

import java.util.List;

/** One page of a list; {@code total} counts every item the caller may see. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    /** Clamps caller-supplied paging to sane bounds. */
    public static int firstResult(int page, int size) {
        return Math.max(page, 0) * clampSize(size);
    }

    public static int clampSize(int size) {
        return Math.min(Math.max(size, 1), MAX_SIZE);
    }
}
