package org.clutch.shop.devices.escpos;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Map;

import org.clutch.shop.devices.link.LinkSettings;

import com.github.anastaciocintra.escpos.EscPos;

/**
 * A receipt printer's configuration: the link (TCP port 9100 and 19200 baud by default), characters per line
 * ({@code columns}: 48 on 80 mm paper, 32 on 58 mm), {@code codePage} (an ESC/POS character table such as
 * {@code CP858_Euro}), an optional {@code logo} image file and the drawer's kick pin ({@code drawerPin} 2 or 5).
 */
record PrinterSettings(LinkSettings link, int columns, EscPos.CharacterCodeTable codeTable, Logo logo,
        EscPos.PinConnector drawerPin) {

    static PrinterSettings from(Map<String, ?> properties) {
        LinkSettings link = LinkSettings.from(properties, 9100, 19200, 3000);
        int columns = LinkSettings.number(properties, "columns", 48);
        if (columns < 24 || columns > 64) {
            throw new IllegalArgumentException("columns " + columns + " is not a receipt paper width (24 to 64).");
        }
        String page = LinkSettings.text(properties, "codePage", "CP858_Euro");
        EscPos.CharacterCodeTable table = Arrays.stream(EscPos.CharacterCodeTable.values())
                .filter(t -> t.name().equalsIgnoreCase(page)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("codePage \"" + page + "\" is not an ESC/POS character table."));
        String logoPath = LinkSettings.text(properties, "logo", "");
        Logo logo = logoPath.isEmpty() ? null : Logo.load(logoPath, columns);
        String pin = LinkSettings.text(properties, "drawerPin", "2");
        EscPos.PinConnector drawerPin = switch (pin) {
            case "2" -> EscPos.PinConnector.Pin_2;
            case "5" -> EscPos.PinConnector.Pin_5;
            default -> throw new IllegalArgumentException("drawerPin \"" + pin + "\" is not 2 or 5.");
        };
        return new PrinterSettings(link, columns, table, logo, drawerPin);
    }

    /** The Java character set of the printer's table, to turn text into the bytes the printer expects. */
    Charset charset() {
        return Charset.forName(codeTable.charsetName);
    }
}
