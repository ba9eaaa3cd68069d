package org.osteon.models;

/** Test access to the Antimony text of a built-in model (as shipped in the jar). */
public final class BuiltInCatalogAccess {
    private BuiltInCatalogAccess() {
    }

    public static String text(String modelId) {
        return BuiltInCatalog.resource(BuiltInModel.resourceOf(modelId));
    }
}
