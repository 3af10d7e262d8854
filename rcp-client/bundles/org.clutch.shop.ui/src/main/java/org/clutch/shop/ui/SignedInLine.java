package org.clutch.shop.ui;


import org.clutch.shop.staff.Staff;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;

/** Who is signed in at this till, always in view, with the way to sign out or hand the till to someone else. */
public final class SignedInLine {

    private final Composite root;
    private final Label who;

    public SignedInLine(Composite parent, ShopSession session, Runnable closeDesktop) {
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 0;
        root.setLayout(layout);
        who = Screens.label(root, "", "signed-in");
        // a link, not a button: the bottom bar keeps the height of one line of text
        Link signOut = new Link(root, SWT.NONE);
        signOut.setText("<a>Sign out / switch user</a>");
        signOut.setToolTipText("Ctrl+L");
        signOut.setData("name", "sign-out");
        signOut.addListener(SWT.Selection, e -> {
            if (session.signOut() == ShopSession.SignOut.NOBODY) {
                closeDesktop.run();
            }
        });
        Screens.followSignIn(root, session, this::show);
    }

    public Composite control() {
        return root;
    }

    private void show(Staff staff) {
        who.setText("Signed in: " + staff.displayName() + " (" + (staff.isManager() ? "manager" : "clerk") + ")");
        root.layout(true);
        root.getParent().layout(true);
    }
}
