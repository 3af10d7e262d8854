package org.clutch.shop.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.clutch.shop.catalog.PartSummary;
import org.clutch.shop.customers.Customer;
import org.clutch.shop.ui.PosView;
import org.clutch.shop.ui.ShopSession;
import org.clutch.shop.ui.osgi.StartupTimes;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.widgets.Composite;

/** The e4 part that shows {@link PosView}; the screen itself has no e4 dependency, so tests drive it directly. */
public class PosPart {

    private PosView view;

    @PostConstruct
    public void create(Composite parent, ShopSession session) {
        view = new PosView(parent, session);
        parent.getDisplay().asyncExec(() -> StartupTimes.mark("point of sale shown"));
    }

    /** Another screen (vehicle diagnostics) names the customer of the sale. */
    @Inject
    @Optional
    public void sellTo(@UIEventTopic(TillTopics.SELL_TO) Customer customer) {
        if (view != null) {
            view.sellTo(customer);
        }
    }

    /** Another screen (vehicle diagnostics) adds a part to the sale. */
    @Inject
    @Optional
    public void add(@UIEventTopic(TillTopics.ADD_PART) PartSummary part) {
        if (view != null) {
            view.add(part, 1);
        }
    }

    @Focus
    public void focus() {
        view.control().setFocus();
    }
}
