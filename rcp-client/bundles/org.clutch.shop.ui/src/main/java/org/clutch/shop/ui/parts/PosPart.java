package org.clutch.shop.ui.parts;

import jakarta.annotation.PostConstruct;

import org.clutch.shop.ui.PosView;
import org.clutch.shop.ui.ShopSession;
import org.clutch.shop.ui.StartupTimes;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;

/** The e4 part that shows {@link PosView}; the screen itself has no e4 dependency, so tests drive it directly. */
public class PosPart {

    private PosView view;

    @PostConstruct
    public void create(Composite parent, ShopSession session) {
        view = new PosView(parent, session);
        parent.getDisplay().asyncExec(() -> StartupTimes.mark("point of sale shown"));
    }

    @Focus
    public void focus() {
        view.control().setFocus();
    }
}
