package org.clutch.shop.ui.parts;

import jakarta.annotation.PostConstruct;

import org.clutch.shop.ui.ReportsView;
import org.clutch.shop.ui.ShopSession;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.widgets.Composite;

/** The e4 part that shows {@link ReportsView}. */
public class ReportsPart {

    private ReportsView view;

    @PostConstruct
    public void create(Composite parent, ShopSession session) {
        view = new ReportsView(parent, session);
    }

    @Focus
    public void focus() {
        view.control().setFocus();
    }
}
