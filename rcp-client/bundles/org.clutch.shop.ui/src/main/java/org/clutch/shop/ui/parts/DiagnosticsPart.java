package org.clutch.shop.ui.parts;

import jakarta.annotation.PostConstruct;

import org.clutch.shop.ui.DiagnosticsView;
import org.clutch.shop.ui.ShopSession;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Composite;

/** The e4 part that shows {@link DiagnosticsView}; the car's owner and the parts for a code go to the till. */
public class DiagnosticsPart {

    private DiagnosticsView view;

    @PostConstruct
    public void create(Composite parent, ShopSession session, IEventBroker events, EPartService parts) {
        view = new DiagnosticsView(parent, session, customer -> {
            parts.showPart(TillTopics.TILL_PART, PartState.CREATE); // the till must exist to take it
            events.send(TillTopics.SELL_TO, customer);
        }, part -> {
            parts.showPart(TillTopics.TILL_PART, PartState.CREATE);
            events.send(TillTopics.ADD_PART, part);
        });
    }

    @Focus
    public void focus() {
        view.control().setFocus();
    }
}
