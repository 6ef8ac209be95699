package org.bridgeway.screening.api;

import org.bridgeway.screening.api.DisclosureDtos.AuditView;
import org.bridgeway.screening.api.DisclosureDtos.DisclosureRequest;
import org.bridgeway.screening.api.DisclosureDtos.Identity;
import org.bridgeway.screening.domain.AuditRecord;
import org.bridgeway.screening.domain.DisclosureCommand;

/** Identity disclosures and the audit log between their JSON and the domain. */
final class DisclosureMapper {

    private DisclosureMapper() {}

    static DisclosureCommand command(DisclosureRequest request) {
        return new DisclosureCommand(request.purpose(), request.referralId());
    }

    static Identity view(DisclosureCommand.Identity i) {
        return new Identity(
                i.studentRef(),
                i.sisStudentId(),
                i.givenName(),
                i.familyName(),
                i.dateOfBirth(),
                i.schoolId(),
                i.grade());
    }

    static AuditView view(AuditRecord a) {
        return new AuditView(a.id(), a.at(), a.actor(), a.role(), a.action(), a.purpose(), a.studentRef(), a.detail());
    }
}
