package org.bridgeway.screening.api;

import org.bridgeway.screening.api.ConsentDtos.ConsentInput;
import org.bridgeway.screening.api.ConsentDtos.ConsentView;
import org.bridgeway.screening.domain.ConsentCommand;
import org.bridgeway.screening.domain.ConsentStatus;

/** Consents between their JSON and the domain. */
final class ConsentMapper {

    private ConsentMapper() {}

    static ConsentCommand command(ConsentInput in) {
        return new ConsentCommand(ConsentStatus.of(in.status()), in.givenBy(), in.scope(), in.givenOn());
    }

    static ConsentView view(ConsentCommand.Entry e) {
        return new ConsentView(
                e.studentRef(),
                e.status().value(),
                e.givenBy(),
                e.scope(),
                e.givenOn(),
                e.recordedAt(),
                e.recordedBy());
    }
}
