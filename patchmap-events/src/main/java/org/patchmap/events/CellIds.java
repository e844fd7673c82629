package org.patchmap.events;

/**
 * Stable cell identifiers. A cell is a file (its "cell key") plus, when the file holds several
 * long-square families, the family's index: {@code dandi:000008/sub-1/sub-1_icephys.nwb} for the
 * first family and {@code dandi:000008/sub-1/sub-1_icephys.nwb#2} for a second one. A new
 * dandiset version keeps the ids of the files it did not move, so a cell keeps its id.
 */
public final class CellIds {
    private CellIds() {
    }

    /** The key of a DANDI file: dandiset id plus asset path. */
    public static String dandiFile(String dandisetId, String assetPath) {
        return "dandi:" + Require.text("cell id", "dandisetId", dandisetId) + "/"
                + Require.text("cell id", "assetPath", assetPath);
    }

    /** The key of an uploaded file: the first 16 hex digits of its SHA-256 plus its name. */
    public static String uploadFile(String sha256Hex, String fileName) {
        Require.text("cell id", "sha256", sha256Hex);
        if (sha256Hex.length() < 16) {
            throw new InvalidEventException("cell id: sha256 '" + sha256Hex + "' is shorter than 16 hex digits");
        }
        return "upload:" + sha256Hex.substring(0, 16) + "/" + Require.text("cell id", "fileName", fileName);
    }

    /** The id of the n-th long-square family (1-based) of a file. */
    public static String cell(String fileKey, int family) {
        if (family < 1) {
            throw new InvalidEventException("cell id: family index must be 1 or more, got " + family);
        }
        return family == 1 ? fileKey : fileKey + "#" + family;
    }

    /** The file key of a cell id (the id without its family suffix). */
    public static String fileKey(String cellId) {
        int hash = cellId.lastIndexOf('#');
        return hash < 0 ? cellId : cellId.substring(0, hash);
    }
}
