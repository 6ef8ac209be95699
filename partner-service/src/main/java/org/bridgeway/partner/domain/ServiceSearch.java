package org.bridgeway.partner.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.partner.domain.ServiceModel.SearchCriteria;
import org.bridgeway.partner.domain.ServiceModel.ServiceDetails;
import org.bridgeway.partner.store.ServiceSearchQuery;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;

/** Finds services for a student's needs, where and in what language they are served, most relevant first. */
@ApplicationScoped
public class ServiceSearch {

    private final ServiceSearchQuery query;
    private final ServiceSnapshots snapshots;

    ServiceSearch(ServiceSearchQuery query, ServiceSnapshots snapshots) {
        this.query = query;
        this.snapshots = snapshots;
    }

    @Transactional
    public Page<ServiceDetails> search(Caller caller, SearchCriteria criteria, PageRequest page) {
        ServiceSearchQuery.Result result = query.search(
                new ServiceSearchQuery.Filter(
                        criteria.needs(),
                        criteria.allNeeds(),
                        criteria.areas(),
                        criteria.age(),
                        criteria.grade(),
                        criteria.languages(),
                        criteria.withCapacity(),
                        criteria.status(),
                        criteria.text()),
                (long) page.page() * page.size(),
                page.size());
        return Page.of(snapshots.byIds(caller, result.ids()), page, result.total());
    }
}
