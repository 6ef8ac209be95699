package org.bridgeway.partner.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.partner.store.NeedEntity;

/** The need codes services are tagged with: the same vocabulary the screening instruments use, kept as data. */
@ApplicationScoped
public class NeedVocabulary {

    @Transactional
    public List<Need> all() {
        return NeedEntity.inOrder().stream()
                .map(n -> new Need(n.code, n.label, n.description))
                .toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Set<String> codes() {
        return NeedEntity.inOrder().stream().map(n -> n.code).collect(Collectors.toSet());
    }
}
