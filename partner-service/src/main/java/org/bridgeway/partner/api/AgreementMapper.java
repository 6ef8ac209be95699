package org.bridgeway.partner.api;

import java.util.List;
import org.bridgeway.partner.api.AgreementDtos.AgreementChangeInput;
import org.bridgeway.partner.api.AgreementDtos.AgreementInput;
import org.bridgeway.partner.api.AgreementDtos.AgreementView;
import org.bridgeway.partner.domain.AgreementModel.AgreementChange;
import org.bridgeway.partner.domain.AgreementModel.AgreementCommand;
import org.bridgeway.partner.domain.AgreementModel.AgreementDetails;

/** Agreements between their JSON shape and the domain's. */
final class AgreementMapper {

    private AgreementMapper() {}

    static AgreementCommand command(AgreementInput in) {
        return new AgreementCommand(
                in.organizationId(), in.boardId(), distinct(in.scopes()), in.validFrom(), in.validTo(), in.status());
    }

    static AgreementChange change(AgreementChangeInput in) {
        return new AgreementChange(distinct(in.scopes()), in.validFrom(), in.validTo(), in.status());
    }

    static AgreementView view(AgreementDetails a) {
        return new AgreementView(
                a.id(),
                a.organizationId(),
                a.organizationName(),
                a.boardId(),
                a.scopes(),
                a.validFrom(),
                a.validTo(),
                a.status(),
                a.version(),
                a.createdAt(),
                a.updatedAt());
    }

    private static List<String> distinct(List<String> scopes) {
        return scopes.stream().distinct().toList();
    }
}
