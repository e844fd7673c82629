package org.patchmap.core.map;

import java.util.Arrays;

/**
 * The k smallest distances seen, kept sorted; ties go to the smaller index, so the result never depends on
 * the order candidates arrive in. Insertion into a sorted array: k is small (5 to 150) next to the thousands
 * of candidates, and most candidates are rejected by one comparison with the current worst.
 */
final class TopK {
    private final int[] index;
    private final double[] distance;
    private int size;

    TopK(int k) {
        index = new int[k];
        distance = new double[k];
    }

    void offer(int i, double d) {
        int k = index.length;
        if (size == k && !before(d, i, distance[k - 1], index[k - 1])) {
            return;
        }
        int pos = size == k ? k - 1 : size++;
        while (pos > 0 && before(d, i, distance[pos - 1], index[pos - 1])) {
            distance[pos] = distance[pos - 1];
            index[pos] = index[pos - 1];
            pos--;
        }
        distance[pos] = d;
        index[pos] = i;
    }

    private static boolean before(double d, int i, double d2, int i2) {
        return d < d2 || (d == d2 && i < i2);
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == index.length;
    }

    /** Distance of the current k-th (worst kept) candidate, or +∞ while not full. */
    double worst() {
        return full() ? distance[size - 1] : Double.POSITIVE_INFINITY;
    }

    int[] indices() {
        return Arrays.copyOf(index, size);
    }

    double[] distances() {
        return Arrays.copyOf(distance, size);
    }

    int index(int r) {
        return index[r];
    }

    double distance(int r) {
        return distance[r];
    }
}
