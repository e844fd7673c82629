package org.patchmap.core.recording.nwb;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.jhdf.links.SoftLink;

import java.lang.reflect.Array;
import java.math.BigInteger;

/**
 * Small null-safe accessors over jhdf: children through soft links (never external links, which
 * would open other files), attributes and scalar datasets as strings or numbers whatever their
 * HDF5 type (scalar, length-1 array, signed or unsigned integer, float).
 */
final class Hdf {
    private Hdf() {
    }

    /** The child {@code name} of {@code g}, soft links followed; null when absent, broken or external. */
    static Node child(Group g, String name) {
        if (g == null) {
            return null;
        }
        try {
            return resolve(g.getChild(name));
        } catch (RuntimeException e) {
            throw CorruptHdfException.at(path(g, name), e);
        }
    }

    /** The children of {@code g}, read as one step that names {@code g} when it fails. */
    static java.util.Collection<Node> children(Group g) {
        try {
            return g.getChildren().values();
        } catch (RuntimeException e) {
            throw CorruptHdfException.at(g.getPath(), e);
        }
    }

    /**
     * The data of {@code d} as one flat array, after {@link DeclaredSize} accepted its shape;
     * {@code copies} as there.
     */
    static Object dataFlat(Dataset d, int copies) {
        return checked(d, copies, Dataset::getDataFlat);
    }

    /** The data of {@code d} in its shape (a scalar as itself), checked as {@link #dataFlat}. */
    static Object data(Dataset d, int copies) {
        return checked(d, copies, Dataset::getData);
    }

    private static Object checked(Dataset d, int copies, java.util.function.Function<Dataset, Object> read) {
        try {
            DeclaredSize.dataset(d, copies);
            return read.apply(d);
        } catch (RuntimeException e) {
            throw CorruptHdfException.at(d.getPath(), e);
        }
    }

    /** Elements [start, start + count) of one-dimensional {@code d}. */
    static Object dataSlice(Dataset d, long start, int count) {
        try {
            DeclaredSize.dataset(d, 0);
            ReadContext.current().budget().reserve(DeclaredSize.times(count, 3L * d.getDataType().getSize()),
                    "dataset '" + d.getPath() + "' (" + count + " elements)");
            return d.getData(new long[]{start}, new int[]{count});
        } catch (RuntimeException e) {
            throw CorruptHdfException.at(d.getPath(), e);
        }
    }

    private static String path(Group g, String name) {
        String p = g.getPath();
        return p.endsWith("/") ? p + name : p + "/" + name;
    }

    static Group childGroup(Group g, String name) {
        Node n = child(g, name);
        return n instanceof Group ? (Group) n : null;
    }

    static Dataset childDataset(Group g, String name) {
        Node n = child(g, name);
        return n instanceof Dataset ? (Dataset) n : null;
    }

    /** The node itself, or a soft link's target; null for a broken or external link. */
    static Node resolve(Node n) {
        if (n == null || !n.isLink()) {
            return n;
        }
        if (!(n instanceof SoftLink) || ((Link) n).isBrokenLink()) {
            return null;
        }
        Node target = ((Link) n).getTarget();
        return target == null || target.isLink() ? null : target;
    }

    /** Attribute {@code name} of {@code n} as text (first element of an array), or null. */
    static String attributeText(Node n, String name) {
        if (n == null) {
            return null;
        }
        Object data = attributeData(n, name);
        return data == null ? null : text(data);
    }

    static Double attributeNumber(Node n, String name) {
        if (n == null) {
            return null;
        }
        Object data = attributeData(n, name);
        return data == null ? null : number(data);
    }

    /** Whether {@code n} has attribute {@code name}. */
    static boolean hasAttribute(Node n, String name) {
        try {
            return n.getAttribute(name) != null;
        } catch (RuntimeException e) {
            throw CorruptHdfException.at(n.getPath() + "@" + name, e);
        }
    }

    private static Object attributeData(Node n, String name) {
        try {
            Attribute a = n.getAttribute(name);
            if (a == null) {
                return null;
            }
            DeclaredSize.attribute(a);
            return a.getData();
        } catch (RuntimeException e) {
            throw CorruptHdfException.at(n.getPath() + "@" + name, e);
        }
    }

    /**
     * A text field of NWB that may be a scalar string dataset, a length-1 string array, or an
     * attribute of the group: null when absent or empty.
     */
    static String field(Group g, String name) {
        if (g == null) {
            return null;
        }
        Node n = child(g, name);
        String s = null;
        if (n instanceof Dataset d && !d.isCompound() && d.getSize() <= 16) {
            Object data = data(d, 3);
            s = data instanceof String || data instanceof String[] ? text(data) : null;
            if (s == null && number(data) != null) {
                s = number(data).toString();
            }
        } else if (n == null) {
            s = attributeText(g, name);
        }
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Text of a string or string array (elements joined with "; "), null otherwise. */
    static String text(Object data) {
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] a) {
            return a.length == 0 ? null : String.join("; ", a);
        }
        return null;
    }

    /** A number from a scalar or a length-1 array of any numeric type; null otherwise. */
    static Double number(Object data) {
        if (data == null) {
            return null;
        }
        if (data.getClass().isArray()) {
            if (Array.getLength(data) != 1) {
                return null;
            }
            return number(Array.get(data, 0));
        }
        if (data instanceof BigInteger b) {
            return b.doubleValue();
        }
        if (data instanceof Number x) {
            return x.doubleValue();
        }
        return null;
    }
}
