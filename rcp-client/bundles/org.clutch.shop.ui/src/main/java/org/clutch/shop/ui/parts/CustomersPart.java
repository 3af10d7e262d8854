package org.clutch.shop.ui.parts;

import jakarta.annotation.PostConstruct;

import org.clutch.shop.ui.CustomersView;
import org.clutch.shop.ui.ShopSession;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;

/** The e4 part that shows {@link CustomersView}. */
public class CustomersPart {

    private CustomersView view;

    @PostConstruct
    public void create(Composite parent, ShopSession session) {
        view = new CustomersView(parent, session);
    }

    /** Coming back to the screen shows balances and history as they are now (sales on account happen at the till). */
    @Focus
    public void focus() {
        view.refresh();
        view.control().setFocus();
    }
}
