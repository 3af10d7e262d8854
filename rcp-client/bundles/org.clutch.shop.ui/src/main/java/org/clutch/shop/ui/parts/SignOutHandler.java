package org.clutch.shop.ui.parts;

import org.clutch.shop.ui.ShopSession;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/**
 * Shop › Sign out / switch user (Ctrl+L): the person leaves the till without closing it; the next person signs in.
 * When nobody signs in, the desktop closes.
 */
public class SignOutHandler {

    @Execute
    public void signOut(ShopSession session, IWorkbench workbench) {
        if (session.signOut() == ShopSession.SignOut.NOBODY) {
            workbench.close();
        }
    }
}
