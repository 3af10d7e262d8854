package org.clutch.shop.ui;

import java.util.Optional;

import org.clutch.shop.staff.Staff;
import org.clutch.shop.staff.StaffDirectory;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** User name and password against the local staff list; works with no network. */
public final class LoginDialog extends TitleAreaDialog {

    private final StaffDirectory directory;
    private final String title;
    private final String message;
    private Text username;
    private Text password;
    private Staff staff;

    public LoginDialog(Shell parent, StaffDirectory directory, String title, String message) {
        super(parent);
        this.directory = directory;
        this.title = title;
        this.message = message;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title);
        setMessage(message);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(form, SWT.NONE).setText("User name");
        username = new Text(form, SWT.BORDER);
        username.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(form, SWT.NONE).setText("Password");
        password = new Text(form, SWT.BORDER | SWT.PASSWORD);
        password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return area;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected void okPressed() {
        if (username.getText().isBlank()) {
            setErrorMessage("Enter your user name.");
            username.setFocus();
            return;
        }
        if (password.getCharCount() == 0) {
            setErrorMessage("Enter your password.");
            password.setFocus();
            return;
        }
        Optional<Staff> found = directory.login(username.getText(), password.getTextChars());
        if (found.isEmpty()) {
            setErrorMessage("Wrong user name or password.");
            password.setText("");
            return;
        }
        staff = found.get();
        super.okPressed();
    }

    public Staff staff() {
        return staff;
    }
}
