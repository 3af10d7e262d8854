package org.clutch.audit;

/** Security-relevant things that are recorded in the audit log. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_LOCKED,
    LOGOUT,
    LOGOUT_ALL,
    SESSION_REVOKED,
    REFRESH_TOKEN_REUSED,
    ACCOUNT_REGISTERED,
    PLATFORM_ADMIN_CREATED,
    ROLE_CHANGED,
    TENANT_SETTINGS_CHANGED
}
