package org.osteon.scenario;

import java.util.Optional;
import java.util.Set;
import org.osteon.compile.CompiledModel;
import org.osteon.model.Model;

/**
 * Built-in models and scenarios by id. The core knows none itself; the models module provides
 * the catalog of published models.
 */
public interface ModelCatalog {
    /** A catalog with nothing in it. */
    ModelCatalog EMPTY = new ModelCatalog() {
        @Override
        public Set<String> modelIds() {
            return Set.of();
        }

        @Override
        public Optional<Model> model(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<CompiledModel> compiled(String id) {
            return Optional.empty();
        }

        @Override
        public Set<String> scenarioIds() {
            return Set.of();
        }

        @Override
        public Optional<Scenario> scenario(String id) {
            return Optional.empty();
        }
    };

    Set<String> modelIds();

    /** The model as written (text or Java builder), for describing it. */
    Optional<Model> model(String id);

    /** The model compiled with its Java parts; implementations cache it. */
    Optional<CompiledModel> compiled(String id);

    Set<String> scenarioIds();

    Optional<Scenario> scenario(String id);
}
