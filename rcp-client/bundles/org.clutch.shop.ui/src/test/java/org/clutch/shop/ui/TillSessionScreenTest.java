package org.clutch.shop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leaving the till: a sale in progress is never thrown away without asking, and the person at the till is always shown. */
class TillSessionScreenTest {

    @TempDir
    Path directory;

    private ScreenFixture ui;
    private ShopSession session;
    private final AtomicBoolean desktopClosed = new AtomicBoolean();

    @BeforeEach
    void openTill() {
        ui = new ScreenFixture(directory);
        ui.part("BP-100", "Brake pad set front", "4006633123457", 450000, 5);
        session = ui.session(ui.clerk);
        Composite window = new Composite(ui.shell, 0);
        window.setLayout(new GridLayout(1, false));
        new PosView(window, session).control().setLayoutData(Screens.fill(1));
        new SignedInLine(window, session, () -> desktopClosed.set(true));
        ui.show();
        ui.typeAndEnter("scan", "BP-100");
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void quittingWithASaleInProgressAsksAndCancelKeepsTheSale() {
        ui.prompter.answer(2);
        assertFalse(session.mayLeave("quit"));
        assertEquals(1, ui.<Table>find("lines").getItemCount(), "the sale is still on the till");
        assertTrue(ui.prompter.asked.get(0).startsWith("A sale of 1 line (4,500.00) is in progress. Before you quit"),
                ui.prompter.asked.get(0));

        ui.prompter.answer(0);
        assertTrue(session.mayLeave("quit"));
        assertEquals(0, ui.<Table>find("lines").getItemCount());
        assertEquals(1, ui.shop.sales().held().size(), "held, to be recalled at any till");
        assertEquals("Sale — held at quit by Otieno Ouma", ui.shop.sales().held().get(0).label());
    }

    @Test
    void discardingIsAChoiceNotAnAccident() {
        ui.prompter.answer(1);
        assertTrue(session.mayLeave("quit"));
        assertEquals(0, ui.<Table>find("lines").getItemCount());
        assertTrue(ui.shop.sales().held().isEmpty());
        assertEquals("Sale discarded.", ui.status());
    }

    @Test
    void signingOutHandsTheTillToTheNextPersonAndShowsWhoItIs() {
        assertEquals("Signed in: Otieno Ouma (clerk)", ui.<Label>find("signed-in").getText());

        ui.prompter.answer(0).answer(ui.manager);
        clickSignOut();

        assertEquals("Signed in: Amina Wanjiru (manager)", ui.<Label>find("signed-in").getText());
        assertEquals(ui.manager, session.staff(), "what happens next is done as the manager");
        assertEquals(1, ui.shop.sales().held().size());
        assertTrue(ui.prompter.asked.get(1).startsWith("Otieno Ouma signed out."), ui.prompter.asked.toString());
        assertFalse(desktopClosed.get());
    }

    private void clickSignOut() {
        ui.find("sign-out").notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        ui.settle();
    }

    @Test
    void whenNobodySignsInTheDesktopCloses() {
        ui.prompter.answer(1).answer(ScreenFixture.ScriptedPrompter.NOBODY);
        clickSignOut();
        assertTrue(desktopClosed.get());
    }
}
