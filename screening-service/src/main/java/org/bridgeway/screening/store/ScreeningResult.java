package org.bridgeway.screening.store;

import org.bridgeway.screening.api.ScreeningDtos.DomainResult;
import org.bridgeway.screening.domain.scoring.Score;

import java.util.List;

/** The stored shape of a result (the {@code result} jsonb column): exactly what was scored, kept as scored. */
public record ScreeningResult(List<DomainResult> domains, List<String> needs) {

    public static ScreeningResult of(Score score) {
        return new ScreeningResult(score.domains().stream()
                .map(d -> new DomainResult(d.key(), d.label(), d.score(), d.band(), d.complete(), d.answered(),
                        d.itemCount(), d.drivers(), d.needs()))
                .toList(), score.needs());
    }
}
