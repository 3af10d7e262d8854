package org.clutch.shop.ui.parts;

import jakarta.annotation.PostConstruct;

import org.clutch.shop.ui.ShopSession;
import org.clutch.shop.ui.SignedInLine;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler;
import org.eclipse.swt.widgets.Composite;

/**
 * The e4 tool control in the window's bottom trim that shows {@link SignedInLine}. It also makes closing the window
 * ask about a sale in progress, as Quit does.
 */
public class SignedInControl {

    @PostConstruct
    public void create(Composite parent, ShopSession session, IWorkbench workbench, MWindow window) {
        new SignedInLine(parent, session, workbench::close);
        window.getContext().set(IWindowCloseHandler.class, closing -> session.mayLeave("quit"));
    }
}
