package org.clutch.shop.ui.parts;

import jakarta.annotation.PostConstruct;

import org.clutch.shop.ui.BackupStatusLine;
import org.clutch.shop.ui.DailyBackups;
import org.eclipse.swt.widgets.Composite;

/** The e4 tool control in the window's bottom trim that shows {@link BackupStatusLine}. */
public class BackupStatusControl {

    @PostConstruct
    public void create(Composite parent, DailyBackups daily) {
        new BackupStatusLine(parent, daily);
    }
}
