package org.bridgeway.referral.domain.matching;

import java.util.List;

/**
 * The hard criteria of matching. With {@code reasons} null it stops at the first failure (ranking
 * for dispatch); with a list it collects every reason (explaining to a coordinator).
 */
final class Eligibility {

    private Eligibility() {}

    static boolean admits(MatchIndex index, MatchRequest request, ServiceSnapshot service, List<String> reasons) {
        boolean ok = check(ServiceSnapshot.ACTIVE.equals(service.status()), Exclusion.INACTIVE, reasons);
        if (!ok && reasons == null) {
            return false;
        }
        ok &= check(
                request.age() == null || service.minAge() == null || request.age() >= service.minAge(),
                Exclusion.TOO_YOUNG,
                reasons);
        ok &= check(
                request.age() == null || service.maxAge() == null || request.age() <= service.maxAge(),
                Exclusion.TOO_OLD,
                reasons);
        ok &= check(
                request.grade() == null || service.minGrade() == null || request.grade() >= service.minGrade(),
                Exclusion.GRADE_TOO_LOW,
                reasons);
        ok &= check(
                request.grade() == null || service.maxGrade() == null || request.grade() <= service.maxGrade(),
                Exclusion.GRADE_TOO_HIGH,
                reasons);
        if (!ok && reasons == null) {
            return false;
        }
        ok &= check(
                inArea(service, request.schoolId()) || inArea(service, request.region()),
                Exclusion.OUTSIDE_AREA,
                reasons);
        ok &= check(
                request.language() == null
                        || service.languages().isEmpty()
                        || service.languages().contains(request.language()),
                Exclusion.LANGUAGE,
                reasons);
        ok &= check(hasRoom(service), Exclusion.NO_CAPACITY, reasons);
        ok &= check(!request.excludedOrganizations().contains(service.organizationId()), Exclusion.DECLINED, reasons);
        ok &= check(!request.referredServices().contains(service.serviceId()), Exclusion.ALREADY_REFERRED, reasons);
        if (!ok && reasons == null) {
            return false;
        }
        return agreementAdmits(index, request, service, reasons) && ok;
    }

    private static boolean agreementAdmits(
            MatchIndex index, MatchRequest request, ServiceSnapshot service, List<String> reasons) {
        boolean inForce = false;
        for (AgreementSnapshot agreement : index.agreements(request.boardId(), service.organizationId())) {
            if (agreement.inForceOn(request.today())) {
                if (agreement.covers(request.requiredScopes())) {
                    return true;
                }
                inForce = true;
            }
        }
        return check(false, inForce ? Exclusion.SCOPE_MISSING : Exclusion.NO_AGREEMENT, reasons);
    }

    static boolean inArea(ServiceSnapshot service, String area) {
        return area != null && service.serviceAreas().contains(area);
    }

    private static boolean hasRoom(ServiceSnapshot service) {
        if (service.available() == null || service.available() > 0) {
            return true;
        }
        return service.waitlist() != null && !"none".equals(service.waitlist());
    }

    private static boolean check(boolean passes, String reason, List<String> reasons) {
        if (!passes && reasons != null) {
            reasons.add(reason);
        }
        return passes;
    }
}
