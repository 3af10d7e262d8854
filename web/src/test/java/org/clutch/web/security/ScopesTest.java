package org.clutch.web.security;

import org.clutch.accounts.ApiScope;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScopesTest {

    @Test
    void theAnnotationConstantsAreExactlyTheScopesAKeyCanHave() {
        Set<String> constants = Arrays.stream(Scopes.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && !f.getName().endsWith("_SCHEME"))
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).collect(Collectors.toSet());
        assertEquals(Arrays.stream(ApiScope.values()).map(ApiScope::value).collect(Collectors.toSet()), constants);
    }
}
