package org.clutch.shop.devices.escpos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.github.anastaciocintra.escpos.image.BitonalThreshold;
import com.github.anastaciocintra.escpos.image.CoffeeImageImpl;
import com.github.anastaciocintra.escpos.image.EscPosImage;

/** The shop's logo printed above the receipt: scaled to the paper (12 dots per character) and made black and white. */
record Logo(EscPosImage image) {

    static Logo load(String file, int columns) {
        BufferedImage source;
        try {
            source = ImageIO.read(Files.newInputStream(Path.of(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException("The logo " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (source == null) {
            throw new IllegalArgumentException("The logo " + file + " is not a PNG, JPEG, GIF or BMP image.");
        }
        int maxWidth = columns * 12;
        int width = Math.min(source.getWidth(), maxWidth);
        int height = Math.max(1, source.getHeight() * width / source.getWidth());
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return new Logo(new EscPosImage(new CoffeeImageImpl(scaled), new BitonalThreshold()));
    }
}
