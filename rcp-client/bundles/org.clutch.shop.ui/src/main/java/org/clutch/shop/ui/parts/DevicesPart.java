package org.clutch.shop.ui.parts;

import jakarta.annotation.PostConstruct;

import org.clutch.shop.ui.DevicesView;
import org.clutch.shop.ui.ShopSession;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;

/** The e4 part that shows {@link DevicesView}. */
public class DevicesPart {

    private DevicesView view;

    @PostConstruct
    public void create(Composite parent, ShopSession session) {
        view = new DevicesView(parent, session);
    }

    @Focus
    public void focus() {
        view.control().setFocus();
    }
}
