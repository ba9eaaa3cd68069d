package org.osteon.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.osteon.compile.CompiledModel;
import org.osteon.model.Model;

/** Finds the catalogs on the class path (ServiceLoader) and presents them as one. */
public final class ModelCatalogs {
    private ModelCatalogs() {
    }

    /** Every {@link ModelCatalog} provider on the class path, first found wins on equal ids. */
    public static ModelCatalog discover() {
        List<ModelCatalog> found = new ArrayList<>();
        ServiceLoader.load(ModelCatalog.class).forEach(found::add);
        return found.size() == 1 ? found.get(0) : combine(found);
    }

    public static ModelCatalog combine(List<ModelCatalog> catalogs) {
        List<ModelCatalog> all = List.copyOf(catalogs);
        return new ModelCatalog() {
            @Override
            public Set<String> modelIds() {
                Set<String> ids = new TreeSet<>();
                all.forEach(c -> ids.addAll(c.modelIds()));
                return ids;
            }

            @Override
            public Optional<Model> model(String id) {
                return first(c -> c.model(id));
            }

            @Override
            public Optional<CompiledModel> compiled(String id) {
                return first(c -> c.compiled(id));
            }

            @Override
            public Set<String> scenarioIds() {
                Set<String> ids = new TreeSet<>();
                all.forEach(c -> ids.addAll(c.scenarioIds()));
                return ids;
            }

            @Override
            public Optional<Scenario> scenario(String id) {
                return first(c -> c.scenario(id));
            }

            private <T> Optional<T> first(Function<ModelCatalog, Optional<T>> f) {
                for (ModelCatalog c : all) {
                    Optional<T> v = f.apply(c);
                    if (v.isPresent()) {
                        return v;
                    }
                }
                return Optional.empty();
            }
        };
    }
}
