package org.clutch.web.security;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The values of a constants class's static string fields, for tests that keep annotation constants in step. */
final class StringConstants {

    private StringConstants() {
    }

    static Set<String> of(Class<?> constants, Predicate<Field> which) {
        return Arrays.stream(constants.getDeclaredFields()).filter(f -> Modifier.isStatic(f.getModifiers()) && which.test(f))
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).collect(Collectors.toSet());
    }
}
