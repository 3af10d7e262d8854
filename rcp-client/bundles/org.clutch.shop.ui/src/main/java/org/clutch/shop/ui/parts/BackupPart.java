package org.clutch.shop.ui.parts;

import jakarta.annotation.PostConstruct;

import org.clutch.shop.ui.BackupView;
import org.clutch.shop.ui.DailyBackups;
import org.clutch.shop.ui.ShopSession;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Composite;

/** The e4 part that shows {@link BackupView}; a restore closes the workbench so the next start opens the backup. */
public class BackupPart {

    private BackupView view;

    @PostConstruct
    public void create(Composite parent, ShopSession session, DailyBackups daily, IWorkbench workbench) {
        view = new BackupView(parent, session, daily, workbench::close);
    }

    @Focus
    public void focus() {
        view.control().setFocus();
    }
}
