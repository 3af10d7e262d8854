package org.clutch.shop.ui;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.clutch.shop.Shop;
import org.clutch.shop.catalog.CrossReference;
import org.clutch.shop.catalog.Fitment;
import org.clutch.shop.catalog.Part;
import org.clutch.shop.devices.Device;
import org.clutch.shop.staff.Role;
import org.clutch.shop.staff.Staff;
import org.clutch.shop.sync.OutboxSender;
import org.clutch.shop.sync.SyncAgent;
import org.clutch.shop.ui.osgi.Devices;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * A real shop database in a temporary directory and a real SWT window (under Xvfb in the build) to put a screen
 * in. Widgets are found by the name the screens give them; questions are answered from a script.
 */
final class ScreenFixture implements AutoCloseable {

    final Shop shop;
    final Staff manager;
    final Staff clerk;
    final Display display;
    final Shell shell;
    final ScriptedPrompter prompter = new ScriptedPrompter();

    ScreenFixture(Path directory) {
        shop = Shop.open(directory, Clock.systemDefaultZone());
        manager = shop.staff().create("amina", "Amina Wanjiru", Role.MANAGER, "manager-pass".toCharArray());
        clerk = shop.staff().create("otieno", "Otieno Ouma", Role.CLERK, "clerk-pass".toCharArray());
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 800);
    }

    /**
     * The desktop's sync over a broker that does not answer (sending to a real broker is tested end to end in the
     * backend's DesktopSenderIT and DesktopSyncIT): every connection attempt fails as the Artemis client reports it.
     * Not started; the caller stops it.
     */
    SyncJob syncWithUnreachableBroker() {
        ConnectionFactory unreachable = (ConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConnectionFactory.class}, (proxy, method, args) -> {
                    JMSException refused = new JMSException("Failed to create session factory");
                    refused.initCause(new Exception("AMQ219007: Cannot connect to server(s). Tried with all available servers."));
                    throw refused;
                });
        return new SyncJob(new SyncAgent(shop.database(), shop.clock(), settings -> unreachable,
                OutboxSender.DEFAULT_BATCH_SIZE), shop.database());
    }

    ShopSession session(Staff staff) {
        return new ShopSession(shop, staff, prompter);
    }

    ShopSession session(Staff staff, Devices devices) {
        return new ShopSession(shop, staff, prompter, devices);
    }

    /** A session whose desktop has exactly these devices, as drivers would have registered them. */
    ShopSession session(Staff staff, Device... devices) {
        List<Device> registered = List.of(devices);
        return session(staff, new Devices() {
            @Override
            public List<Device> all() {
                return registered;
            }
        });
    }

    Part part(String number, String name, String barcode, long price, int stock) {
        Part part = shop.catalog().save(new Part(null, number, "Bosch", name, "Brakes", barcode, price / 2, price, true,
                "A-01", 0, 0, 0, List.of(new CrossReference(CrossReference.Kind.OEM, "Toyota", "OEM-" + number)),
                List.of(new Fitment("Toyota", "Corolla", 2014, 2019, "1.6"))), manager);
        if (stock > 0) {
            shop.inventory().adjust(part.id(), "A-01", stock, "opening stock", manager);
        }
        return part;
    }

    void show() {
        shell.layout(true, true);
        shell.open();
        settle();
    }

    void settle() {
        while (display.readAndDispatch()) {
            // let SWT paint and deliver what is queued
        }
    }

    /** What the screen's status line says. */
    String status() {
        return this.<Label>find("status").getText();
    }

    @SuppressWarnings("unchecked")
    <T extends Control> T find(String name) {
        List<Control> found = new ArrayList<>();
        collect(shell, name, found);
        if (found.isEmpty()) {
            throw new AssertionError("no widget named " + name);
        }
        return (T) found.get(0);
    }

    private static void collect(Control control, String name, List<Control> found) {
        if (name.equals(control.getData("name"))) {
            found.add(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, name, found);
            }
        }
    }

    /** Types into a text field and presses Enter, as a keyboard-wedge scanner does. */
    void typeAndEnter(String field, String text) {
        Text input = find(field);
        input.setFocus();
        input.setText(text);
        input.notifyListeners(SWT.DefaultSelection, new Event());
        settle();
    }

    /**
     * Empties the field, then presses each key of {@code text} and Enter, {@code millisPerKey} apart by the events'
     * clock: about 5 ms is a keyboard-wedge scanner, 100 ms and more a person.
     */
    void keys(String field, String text, int millisPerKey) {
        Text input = find(field);
        input.setFocus();
        input.setText("");
        int time = 1_000_000;
        for (char c : text.toCharArray()) {
            Event key = new Event();
            key.character = c;
            key.time = time += millisPerKey;
            input.notifyListeners(SWT.KeyDown, key);
            input.append(String.valueOf(c));
        }
        Event enter = new Event();
        enter.character = SWT.CR;
        enter.time = time + millisPerKey;
        input.notifyListeners(SWT.KeyDown, enter);
        input.notifyListeners(SWT.DefaultSelection, new Event());
        settle();
    }

    void type(String field, String text) {
        Text input = find(field);
        input.setText(text);
        settle();
    }

    void click(String button) {
        Button b = find(button);
        b.notifyListeners(SWT.Selection, new Event());
        settle();
    }

    /** Lets SWT run until {@code condition} holds (background jobs report back through the event loop). */
    void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting after 30 s");
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    @Override
    public void close() {
        shell.dispose();
        settle();
        shop.close();
    }

    /** Answers the screens' questions in order; a question nobody scripted fails the test. */
    static final class ScriptedPrompter implements Prompter {
        static final Object NOBODY = new Object();
        final Deque<Object> answers = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();

        ScriptedPrompter answer(Object answer) {
            answers.add(answer);
            return this;
        }

        private Object next(String question) {
            asked.add(question);
            if (answers.isEmpty()) {
                throw new AssertionError("unexpected question: " + question);
            }
            return answers.poll();
        }

        @Override
        public boolean confirm(String title, String question) {
            return (Boolean) next(question);
        }

        /** Answer with the index of the button. */
        @Override
        public int choose(String title, String question, String... answers) {
            return (Integer) next(question);
        }

        /** Answer {@link #NOBODY} for nobody signing in. */
        @Override
        public Optional<Staff> signIn(String why) {
            Object answer = next(why);
            return answer == NOBODY ? Optional.empty() : Optional.of((Staff) answer);
        }

        @Override
        public Optional<String> askText(String title, String question, String initial) {
            return Optional.ofNullable((String) next(question));
        }

        @Override
        public Optional<Path> chooseFile(String title, boolean save, String suggestedName) {
            return Optional.ofNullable((Path) next(title));
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            return Optional.ofNullable((Path) next(title));
        }

        /** Answer with the secret as a String, or null for cancelling. */
        @Override
        public Optional<char[]> askSecret(String title, String question) {
            return Optional.ofNullable((String) next(question)).map(String::toCharArray);
        }

        /** Answer {@link #NOBODY} for a manager who does not come. */
        @Override
        public Optional<Staff> managerApproval(String why) {
            Object answer = next(why);
            return answer == NOBODY ? Optional.empty() : Optional.of((Staff) answer);
        }
    }
}
