package org.clutch.shop.ui;

import java.nio.file.Path;
import java.util.Optional;

import org.clutch.shop.Shop;
import org.clutch.shop.staff.Staff;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Asks with JFace dialogs over the window in front. */
public final class SwtPrompter implements Prompter {

    private final Shop shop;

    public SwtPrompter(Shop shop) {
        this.shop = shop;
    }

    /** The window the person is looking at when the question comes up. */
    private static Shell shell() {
        return Display.getDefault().getActiveShell();
    }

    /** Asks Yes or No with No as the default button, so Enter pressed in a hurry takes the safe answer. */
    @Override
    public boolean confirm(String title, String question) {
        MessageDialog dialog = new MessageDialog(shell(), title, null, question, MessageDialog.QUESTION, 1,
                IDialogConstants.YES_LABEL, IDialogConstants.NO_LABEL);
        return dialog.open() == 0;
    }

    @Override
    public int choose(String title, String question, String... answers) {
        MessageDialog dialog = new MessageDialog(shell(), title, null, question, MessageDialog.QUESTION,
                answers.length - 1, answers);
        int chosen = dialog.open();
        return chosen < 0 || chosen >= answers.length ? answers.length - 1 : chosen;
    }

    @Override
    public Optional<Staff> signIn(String why) {
        LoginDialog dialog = new LoginDialog(shell(), shop.staff(), "Clutch shop — sign in", why);
        return dialog.open() == Window.OK ? Optional.of(dialog.staff()) : Optional.empty();
    }

    @Override
    public Optional<String> askText(String title, String question, String initial) {
        InputDialog dialog = new InputDialog(shell(), title, question, initial, null);
        return dialog.open() == Window.OK ? Optional.of(dialog.getValue()) : Optional.empty();
    }

    @Override
    public Optional<Path> chooseFile(String title, boolean save, String suggestedName) {
        FileDialog dialog = new FileDialog(shell(), save ? SWT.SAVE : SWT.OPEN);
        dialog.setText(title);
        dialog.setFilterExtensions(new String[] {"*.csv", "*.clutchbackup", "*"});
        dialog.setOverwrite(true);
        if (suggestedName != null) {
            dialog.setFileName(suggestedName);
        }
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryDialog dialog = new DirectoryDialog(shell(), SWT.OPEN);
        dialog.setText(title);
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }

    @Override
    public Optional<char[]> askSecret(String title, String question) {
        return askSecret(shell(), title, question);
    }

    /** A secret typed into a field that does not show it; empty when cancelled. */
    static Optional<char[]> askSecret(Shell shell, String title, String question) {
        InputDialog dialog = new InputDialog(shell, title, question, "", null) {
            @Override
            protected int getInputTextStyle() {
                return SWT.SINGLE | SWT.BORDER | SWT.PASSWORD;
            }
        };
        return dialog.open() == Window.OK ? Optional.of(dialog.getValue().toCharArray()) : Optional.empty();
    }

    @Override
    public Optional<Staff> managerApproval(String why) {
        LoginDialog dialog = new LoginDialog(shell(), shop.staff(), "Manager approval", why + " A manager signs in to approve.");
        if (dialog.open() != Window.OK) {
            return Optional.empty();
        }
        Staff staff = dialog.staff();
        if (!staff.isManager()) {
            MessageDialog.openError(shell(), "Manager approval", staff.displayName() + " is not a shop manager.");
            return Optional.empty();
        }
        return Optional.of(staff);
    }
}
