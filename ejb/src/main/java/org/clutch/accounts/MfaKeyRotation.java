package org.clutch.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.clutch.audit.AuditAction;
import org.clutch.audit.AuditEntry;
import org.clutch.audit.AuditTrail;
import org.clutch.platform.Actor;
import org.clutch.platform.ForAllTenants;
import org.clutch.platform.Role;
import org.clutch.platform.RowScope;

import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The second step of rotating the second-factor key: every authenticator secret still sealed under a previous key
 * ({@code clutch.mfa.previous-encryption-keys}) is sealed again under the current one, after which the previous key
 * can be dropped. A platform admin starts it; running it again finds nothing more to do.
 */
@ForAllTenants
@Interceptors(RowScope.class)
@Stateless
public class MfaKeyRotation {

    private static final Logger LOG = Logger.getLogger(MfaKeyRotation.class.getName());

    /** Secrets sealed again, and secrets that were under the current key already. */
    public record Outcome(int resealed, int alreadyCurrent) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    public Outcome resealAll(Actor actor, String address) {
        actor.require(Role.PLATFORM_ADMIN);
        EncryptedSecret secrets = new EncryptedSecret();
        int resealed = 0;
        int current = 0;
        for (String column : List.of("mfa_secret", "mfa_pending_secret")) {
            List<?> rows = em.createNativeQuery("SELECT id, " + column + " FROM user_account WHERE " + column + " IS NOT NULL")
                    .getResultList();
            for (Object row : rows) {
                Object[] values = (Object[]) row;
                String stored = (String) values[1];
                if (secrets.sealedWithCurrentKey(stored)) {
                    current++;
                    continue;
                }
                // only if unchanged meanwhile: a secret enrolled since is under the current key already
                resealed += em.createNativeQuery("UPDATE user_account SET " + column + " = ? WHERE id = ? AND " + column + " = ?")
                        .setParameter(1, secrets.reseal(stored)).setParameter(2, (UUID) values[0]).setParameter(3, stored).executeUpdate();
            }
        }
        Outcome outcome = new Outcome(resealed, current);
        audit.record(AuditEntry.of(AuditAction.MFA_KEY_ROTATED, null, actor.userId()).from(address)
                .detail("authenticator secrets sealed again under the current key: " + resealed + "; already under it: " + current));
        LOG.info(() -> "event=mfa-secrets-resealed resealed=" + outcome.resealed() + " already_current=" + outcome.alreadyCurrent());
        return outcome;
    }
}
