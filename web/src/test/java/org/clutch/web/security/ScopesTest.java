package org.clutch.web.security;

import org.clutch.accounts.ApiScope;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScopesTest {

    @Test
    void theAnnotationConstantsAreExactlyTheScopesAKeyCanHave() {
        assertEquals(Arrays.stream(ApiScope.values()).map(ApiScope::value).collect(Collectors.toSet()),
                StringConstants.of(Scopes.class, f -> !f.getName().endsWith("_SCHEME")));
    }
}
