package org.clutch.shop.ui.parts;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/**
 * Shop › Quit (Ctrl+Q): closes the workbench the orderly way, so the platform keeps its caches for the next
 * start and the shop's database is closed and compacted by its shutdown hook.
 */
public class QuitHandler {

    @Execute
    public void quit(IWorkbench workbench) {
        workbench.close();
    }
}
