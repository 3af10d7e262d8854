package org.clutch.shop.ui.parts;

import jakarta.annotation.PostConstruct;

import org.clutch.shop.ui.PurchasingView;
import org.clutch.shop.ui.ShopSession;
import org.clutch.shop.ui.SyncJob;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;

/** The e4 part that shows {@link PurchasingView}. */
public class PurchasingPart {

    private PurchasingView view;

    @PostConstruct
    public void create(Composite parent, ShopSession session, SyncJob sync) {
        view = new PurchasingView(parent, session, sync);
    }

    @Focus
    public void focus() {
        view.control().setFocus();
    }
}
