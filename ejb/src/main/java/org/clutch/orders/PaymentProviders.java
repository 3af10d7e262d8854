package org.clutch.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.clutch.platform.InvalidInputException;
import org.clutch.platform.InvalidInputException.FieldError;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * The payment providers this installation offers. The card-gateway simulator is offered only where configuration
 * turns it on ({@code clutch.payments.card-simulator.enabled}, false by default and in production).
 */
@ApplicationScoped
public class PaymentProviders {

    @Inject
    Instance<PaymentProvider> all;

    @Inject
    @ConfigProperty(name = "clutch.payments.card-simulator.enabled", defaultValue = "false")
    boolean cardSimulatorEnabled;

    public PaymentProvider forMethod(PaymentMethod method) {
        if (method == PaymentMethod.CARD && !cardSimulatorEnabled) {
            throw new InvalidInputException(List.of(new FieldError("method",
                    "card payments are not available here: no card gateway is configured")));
        }
        for (PaymentProvider provider : all) {
            if (provider.method() == method) {
                return provider;
            }
        }
        throw new IllegalStateException("no payment provider for " + method);
    }
}
