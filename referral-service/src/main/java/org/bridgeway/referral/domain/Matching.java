package org.bridgeway.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.referral.config.ReferralConfig;
import org.bridgeway.referral.domain.lifecycle.ReferralStates;
import org.bridgeway.referral.domain.matching.AgreementSnapshot;
import org.bridgeway.referral.domain.matching.Candidate;
import org.bridgeway.referral.domain.matching.MatchRequest;
import org.bridgeway.referral.domain.matching.MatchResult;
import org.bridgeway.referral.domain.matching.Matcher;
import org.bridgeway.referral.store.Referral;
import org.bridgeway.referral.store.ReferralCase;

/**
 * Ranks the read model's services for a case. A referral discloses the screening summary, so the
 * agreement must cover {@code screening-summary}; organizations that rejected the case or let it
 * expire, and services already referred, are never proposed again.
 */
@ApplicationScoped
public class Matching {

    private final MatchingSnapshot snapshot;
    private final ZoneId zone;

    Matching(MatchingSnapshot snapshot, ReferralConfig config) {
        this.snapshot = snapshot;
        this.zone = ZoneId.of(config.zone());
    }

    public MatchResult rank(ReferralCase c, BoardSettings settings, List<Referral> referrals, boolean explain) {
        return rank(c, settings, referrals, c.needs, explain);
    }

    /** The best candidate for these needs of the case, if any: dispatch's question, answered without explaining. */
    public Optional<Candidate> best(
            ReferralCase c, BoardSettings settings, List<Referral> referrals, List<String> needs) {
        return Matcher.best(snapshot.current(), request(c, settings, referrals, needs, false), 1).stream()
                .findFirst();
    }

    public MatchResult rank(
            ReferralCase c, BoardSettings settings, List<Referral> referrals, List<String> needs, boolean explain) {
        return Matcher.rank(snapshot.current(), request(c, settings, referrals, needs, explain));
    }

    private MatchRequest request(
            ReferralCase c, BoardSettings settings, List<Referral> referrals, List<String> needs, boolean explain) {
        Set<UUID> declined = new HashSet<>();
        Set<UUID> referred = new HashSet<>();
        for (Referral r : referrals) {
            if (ReferralStates.REROUTING.contains(r.status)) {
                declined.add(r.organizationId);
            } else {
                referred.add(r.serviceId);
            }
        }
        return new MatchRequest(
                c.boardId,
                needs,
                c.ageYears,
                c.grade,
                c.schoolId,
                settings.region(),
                c.language,
                Set.of(AgreementSnapshot.SCREENING_SUMMARY),
                declined,
                referred,
                LocalDate.now(zone),
                explain);
    }
}
