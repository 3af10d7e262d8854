package org.clutch.shop.devices.link;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/** An open byte connection to a device: a TCP socket, a serial port or a device file. */
public interface Link extends Closeable {

    InputStream in();

    OutputStream out();

    @Override
    void close();
}
