package org.clutch.web.security;

import org.clutch.platform.Role;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RolesTest {

    @Test
    void theAnnotationConstantsAreExactlyTheRoleNames() {
        Set<String> constants = Arrays.stream(Roles.class.getDeclaredFields()).filter(f -> Modifier.isStatic(f.getModifiers()))
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).collect(Collectors.toSet());
        assertEquals(Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet()), constants);
    }
}
