package org.clutch.web.security;

import org.clutch.platform.Role;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RolesTest {

    @Test
    void theAnnotationConstantsAreExactlyTheRoleNames() {
        assertEquals(Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet()), StringConstants.of(Roles.class, f -> true));
    }
}
