package org.clutch.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose work spans tenants on purpose (dispatching a request to every nearby shop, expiring
 * requests, logging in before the tenant is known): {@link RowScope} opens the platform scope for it. Every
 * other bean sees only the rows of the {@link Actor} it is called for.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ForAllTenants {
}
