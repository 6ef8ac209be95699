package org.bridgeway.partner.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.bridgeway.partner.domain.ServiceModel.SearchCriteria;
import org.bridgeway.partner.domain.ServiceModel.ServiceDetails;
import org.bridgeway.partner.store.ServiceIndexQuery;
import org.bridgeway.platform.paging.Page;
import org.bridgeway.platform.paging.PageRequest;
import org.bridgeway.platform.security.Caller;

/**
 * Finds services for a student's needs, where and in what language they are served, most relevant first. The
 * filtering and ordering run on this instance's {@link DirectoryIndex}, brought up to date before each search
 * with the rows written since it last looked (usually none), so a search sees every change committed before it
 * began, whichever instance made it. The page's details are then read from the database.
 */
@ApplicationScoped
public class ServiceSearch {

    private final ServiceIndexQuery changes;
    private final ServiceSnapshots snapshots;

    // guarded by this
    private DirectoryIndex index = DirectoryIndex.EMPTY;
    private long horizon;

    ServiceSearch(ServiceIndexQuery changes, ServiceSnapshots snapshots) {
        this.changes = changes;
        this.snapshots = snapshots;
    }

    @Transactional
    public Page<ServiceDetails> search(Caller caller, SearchCriteria criteria, PageRequest page) {
        DirectoryIndex.Result result = current().search(criteria, page.offset(), page.size());
        return Page.of(snapshots.byIds(caller, result.ids()), page, result.total());
    }

    private synchronized DirectoryIndex current() {
        ServiceIndexQuery.Changes changed = changes.since(horizon);
        index = index.with(changed.rows());
        horizon = changed.nextHorizon();
        return index;
    }
}
