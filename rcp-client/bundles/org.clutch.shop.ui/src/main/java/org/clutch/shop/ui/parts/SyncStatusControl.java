package org.clutch.shop.ui.parts;

import jakarta.annotation.PostConstruct;

import org.clutch.shop.ui.SyncJob;
import org.clutch.shop.ui.SyncStatusLine;
import org.eclipse.swt.widgets.Composite;

/** The e4 tool control in the window's bottom trim that shows {@link SyncStatusLine}. */
public class SyncStatusControl {

    @PostConstruct
    public void create(Composite parent, SyncJob sync) {
        new SyncStatusLine(parent, sync);
    }
}
