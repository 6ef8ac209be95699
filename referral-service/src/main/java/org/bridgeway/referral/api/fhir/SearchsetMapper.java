package org.bridgeway.referral.api.fhir;

import java.net.URI;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.referral.domain.ReferralDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;

/** One page of a Task search as a FHIR R4 searchset Bundle. */
public final class SearchsetMapper {

    private SearchsetMapper() {}

    /**
     * @param base the absolute URL of the FHIR view, ending in a slash: each entry's fullUrl is {@code base + Task/id}
     * @param next the next page's URL, or null on the last page
     */
    public static Bundle searchset(Page<ReferralDetails> page, URI base, URI self, URI next) {
        Bundle bundle = new Bundle();
        bundle.setType(BundleType.SEARCHSET);
        bundle.setTotal(Math.toIntExact(page.totalItems()));
        bundle.addLink().setRelation("self").setUrl(self.toString());
        if (next != null) {
            bundle.addLink().setRelation("next").setUrl(next.toString());
        }
        for (ReferralDetails referral : page.items()) {
            bundle.addEntry()
                    .setFullUrl(base.resolve("Task/" + referral.id()).toString())
                    .setResource(ReferralFhirMapper.task(referral))
                    .getSearch()
                    .setMode(SearchEntryMode.MATCH);
        }
        return bundle;
    }
}
