package org.bridgeway.referral.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.platform.problem.ApiException;
import org.bridgeway.platform.security.Caller;
import org.bridgeway.referral.config.ReferralConfig;
import org.bridgeway.referral.domain.lifecycle.ReferralStates;
import org.bridgeway.referral.domain.lifecycle.Side;
import org.bridgeway.referral.domain.matching.AgreementSnapshot;
import org.bridgeway.referral.store.ReadModelReader;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralQueries;
import org.bridgeway.referral.store.ScreeningIdentityClient;
import org.bridgeway.referral.store.ScreeningIdentityClient.Answer;

/**
 * A partner sees the student's identity only for a live referral addressed to it, with the student's
 * consent granted and an agreement in force covering {@code identity}; screening-service then discloses
 * it, audited, for the purpose {@code referral:<id>}. Nothing of it is stored here.
 */
@ApplicationScoped
public class IdentityService {

    private final ReferralQueries referrals;
    private final ReadModelReader readModel;
    private final MatchingSnapshot snapshot;
    private final ScreeningIdentityClient screening;
    private final Access access;
    private final ZoneId zone;

    IdentityService(
            ReferralQueries referrals,
            ReadModelReader readModel,
            MatchingSnapshot snapshot,
            ScreeningIdentityClient screening,
            Access access,
            ReferralConfig config) {
        this.referrals = referrals;
        this.readModel = readModel;
        this.snapshot = snapshot;
        this.screening = screening;
        this.access = access;
        this.zone = ZoneId.of(config.zone());
    }

    /** The student's identity as screening-service disclosed it; the caller's transaction is not held during the call. */
    public DisclosedIdentity student(Caller caller, UUID referralId) {
        Referral r = QuarkusTransaction.requiringNew().call(() -> allowed(caller, referralId));
        Answer answer = screening.disclose(r.boardId, r.studentRef, "referral:" + r.id, r.id.toString());
        return switch (answer.status()) {
            case 200 -> of(answer.identity());
            case 403 -> throw ApiException.forbidden("screening-service refused: " + answer.detail());
            case 404 -> throw ApiException.notFound("screening-service does not know this student.");
            default ->
                throw new ApiException(
                        503,
                        "Service Unavailable",
                        "The identity cannot be fetched now (" + answer.status()
                                + (answer.detail() == null ? "" : ": " + answer.detail()) + "); try again.",
                        null);
        };
    }

    private static DisclosedIdentity of(ScreeningIdentityClient.Identity i) {
        return new DisclosedIdentity(
                i.studentRef(),
                i.sisStudentId(),
                i.givenName(),
                i.familyName(),
                i.dateOfBirth(),
                i.schoolId(),
                i.grade());
    }

    private Referral allowed(Caller caller, UUID referralId) {
        Referral r = referrals.find(referralId);
        if (access.sideOn(caller, r, referralId) != Side.PERFORMER) {
            throw ApiException.notFound("No referral " + referralId + " addressed to you.");
        }
        if (ReferralStates.isTerminal(r.status)) {
            throw ApiException.forbidden(
                    "Referral " + referralId + " is " + r.status + "; identity goes only with a live referral.");
        }
        String consent = readModel.consent(r.studentRef).orElse("unknown");
        if (!"granted".equals(consent)) {
            throw ApiException.forbidden(
                    "The student's consent is " + consent + "; only the screening summary is shared.");
        }
        if (!snapshot.current()
                .agreementCovers(
                        r.boardId, r.organizationId, Set.of(AgreementSnapshot.IDENTITY), LocalDate.now(zone))) {
            throw ApiException.forbidden("No agreement in force with board " + r.boardId
                    + " covers identity; only the screening summary is shared.");
        }
        return r;
    }
}
