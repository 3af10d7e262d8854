package org.clutch.billing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.clutch.platform.Actor;
import org.clutch.platform.NotFoundException;
import org.clutch.platform.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

/** The billing plans: read by tenant and platform admins, priced by platform admins. Plans are not tenant-owned. */
@Stateless
public class Plans {

    private static final Logger LOG = Logger.getLogger(Plans.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public List<PlanView> list(Actor actor) {
        actor.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        return em.createQuery("select p from Plan p order by p.commissionPercent desc", Plan.class).getResultStream().map(PlanView::of).toList();
    }

    /** New name, commission and prices for a plan; they apply to commission accrued and months billed from now on. */
    public PlanView revise(Actor actor, String code, String name, BigDecimal commissionPercent, List<Plan.Price> prices) {
        actor.require(Role.PLATFORM_ADMIN);
        Plan plan = em.find(Plan.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            throw new NotFoundException("plan " + code);
        }
        plan.revise(name, commissionPercent, prices, OffsetDateTime.now(clock));
        em.flush();
        LOG.info(() -> "event=plan-revised plan=" + code + " commission=" + commissionPercent + " by=" + actor.userId());
        return PlanView.of(plan);
    }
}
