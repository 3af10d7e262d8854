package org.clutch.shop.ui.parts;

import org.clutch.shop.ui.ShopSession;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/**
 * Shop › Quit (Ctrl+Q): once a sale in progress is held or discarded, closes the workbench the orderly way, so the
 * platform keeps its caches for the next start and the shop's database is closed and compacted by its shutdown hook.
 */
public class QuitHandler {

    @Execute
    public void quit(IWorkbench workbench, ShopSession session) {
        if (session.mayLeave("quit")) {
            workbench.close();
        }
    }
}
