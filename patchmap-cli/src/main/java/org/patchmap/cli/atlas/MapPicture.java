package org.patchmap.cli.atlas;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Scatter pictures of a 2-D map as PNG (Java2D): points coloured by a label with a legend, or by a value on
 * the viridis scale clipped to its 5–95 % range with a colour bar. Points are drawn in a seeded shuffled
 * order, so no label is always on top.
 */
public final class MapPicture {
    static final int WIDTH = 860;
    static final int HEIGHT = 600;
    static final int PLOT = 540;
    static final int LEFT = 36;
    static final int TOP = 40;
    static final double RADIUS = 2.6;
    static final Color MISSING = new Color(190, 190, 190);

    /** Colours for up to eight labels (Okabe–Ito, distinguishable with colour-blindness). */
    static final Color[] LABEL_COLOURS = {new Color(0xE69F00), new Color(0x0072B2), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xD55E00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};

    /** Viridis (matplotlib's colour map) at 0, 0.1, ..., 1; linear in between. */
    private static final int[] VIRIDIS = {0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C, 0x22A884,
            0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725};

    private MapPicture() {
    }

    /** Points coloured by label ({@code names.get(label)} in the legend, with its count). */
    public static void byLabel(double[][] xy, int[] labels, List<String> names, String title, Path file)
            throws IOException {
        Canvas c = new Canvas(xy, title);
        for (int i : c.order) {
            c.dot(xy[i], LABEL_COLOURS[labels[i] % LABEL_COLOURS.length]);
        }
        int y = TOP + 10;
        int x = LEFT + PLOT + 24;
        c.g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int l = 0; l < names.size(); l++) {
            int label = l;
            long count = Arrays.stream(labels).filter(v -> v == label).count();
            c.g.setColor(LABEL_COLOURS[l % LABEL_COLOURS.length]);
            c.g.fill(new Ellipse2D.Double(x, y - 9, 10, 10));
            c.g.setColor(Color.BLACK);
            c.g.drawString(names.get(l) + " (" + count + ")", x + 16, y);
            y += 22;
        }
        c.write(file);
    }

    /** Points coloured by value (viridis, 5–95 % clipped); NaN values grey. */
    public static void byValue(double[][] xy, double[] values, String valueName, String title, Path file)
            throws IOException {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double lo = quantile(sorted, 0.05);
        double hi = quantile(sorted, 0.95);
        Canvas c = new Canvas(xy, title);
        for (int i : c.order) {
            c.dot(xy[i], Double.isNaN(values[i]) ? MISSING : viridis((values[i] - lo) / (hi - lo)));
        }
        int x = LEFT + PLOT + 40;
        int top = TOP + 30;
        int height = 300;
        for (int k = 0; k < height; k++) {
            c.g.setColor(viridis(1 - (double) k / (height - 1)));
            c.g.fillRect(x, top + k, 18, 1);
        }
        c.g.setColor(Color.BLACK);
        c.g.drawRect(x, top, 18, height);
        c.g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.g.drawString(valueName, x - 10, top - 12);
        for (int t = 0; t <= 4; t++) {
            double v = hi - (hi - lo) * t / 4;
            int yy = top + (int) Math.round((double) height * t / 4);
            c.g.drawLine(x + 18, yy, x + 23, yy);
            c.g.drawString(String.format(Locale.ROOT, "%.2f", v), x + 27, yy + 5);
        }
        c.g.drawString("5–95 % range", x - 10, top + height + 24);
        long missing = Arrays.stream(values).filter(Double::isNaN).count();
        if (missing > 0) {
            c.g.setColor(MISSING);
            c.g.fill(new Ellipse2D.Double(x, top + height + 40, 10, 10));
            c.g.setColor(Color.BLACK);
            c.g.drawString("none (" + missing + ")", x + 16, top + height + 50);
        }
        c.write(file);
    }

    /** Linear interpolation between order statistics (type 7, numpy's default) of sorted values. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int i = (int) Math.floor(h);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (h - i) * (sorted[j] - sorted[i]);
    }

    /** The viridis colour at {@code t}, clipped to 0..1. */
    static Color viridis(double t) {
        double x = Double.isNaN(t) ? 0.5 : Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) x, VIRIDIS.length - 2);
        double f = x - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }

    /** A white picture with the map's frame, its points scaled to fill the square plot. */
    private static final class Canvas {
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        final int[] order;
        final double minX;
        final double minY;
        final double scale;

        Canvas(double[][] xy, String title) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            double x0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (double[] p : xy) {
                x0 = Math.min(x0, p[0]);
                x1 = Math.max(x1, p[0]);
                y0 = Math.min(y0, p[1]);
                y1 = Math.max(y1, p[1]);
            }
            double span = Math.max(Math.max(x1 - x0, y1 - y0), 1e-9);
            // centred, 3 % margin inside the frame; the map's own aspect ratio is kept
            scale = PLOT * 0.94 / span;
            minX = (x0 + x1) / 2 - PLOT / 2.0 / scale;
            minY = (y0 + y1) / 2 - PLOT / 2.0 / scale;
            g.setColor(new Color(120, 120, 120));
            g.setStroke(new BasicStroke(1f));
            g.drawRect(LEFT, TOP, PLOT, PLOT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, Math.max(4, (WIDTH - fm.stringWidth(title)) / 2), 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("UMAP 1", LEFT + PLOT / 2 - 20, TOP + PLOT + 18);
            Graphics2D turned = (Graphics2D) g.create();
            turned.rotate(-Math.PI / 2);
            turned.drawString("UMAP 2", -(TOP + PLOT / 2 + 20), LEFT - 8);
            turned.dispose();
            order = shuffled(xy.length);
        }

        void dot(double[] p, Color colour) {
            double x = LEFT + (p[0] - minX) * scale;
            double y = TOP + PLOT - (p[1] - minY) * scale; // y up
            g.setColor(colour);
            g.fill(new Ellipse2D.Double(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS));
        }

        void write(Path file) throws IOException {
            g.dispose();
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer for " + file);
            }
        }

        private static int[] shuffled(int n) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = i;
            }
            SplittableRandom r = new SplittableRandom(0);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
            return a;
        }
    }
}
